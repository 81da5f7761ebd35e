import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { LineDecoder, MAX_LINE } from '../../electron/base/line-decoder.js';
import { MASK, Redactor } from '../../electron/base/redactor.js';
import { commandLineForms, secretVariants } from '../../electron/base/secret-variants.js';

/** Lines as runProgram would emit them: decoded with `codePage`, the secret hidden in the stream. */
function decode(secret: string, codePage: number, chunks: Buffer[]): string[] {
  const lines: string[] = [];
  const d = new LineDecoder(codePage, (l) => lines.push(l), new Redactor([secret], { codePage }));
  for (const c of chunks) d.write(c);
  d.end();
  return lines;
}

/** Every way of cutting `bytes` in two (a chunk boundary anywhere). */
const everyCut = (bytes: Buffer) => Array.from({ length: bytes.length - 1 }, (_, i) => [bytes.subarray(0, i + 1), bytes.subarray(i + 1)]);

const ENCODINGS = ['cp1252', 'cp850', 'cp437', 'cp932', 'utf8', 'utf16le'];
const CODE_PAGES = [850, 437, 932, 1252, 65001];
const PASSWORDS = ['Pässwörd1!', 'パスワード1!', 'Trend#2024', 'quo"te\\'];

describe('the password never shows, in any form', () => {
  for (const password of PASSWORDS) {
    it(`${JSON.stringify(password)}: written in any code page, read in any other, cut anywhere`, () => {
      for (const encoding of ENCODINGS) {
        const secretBytes = iconv.encode(password, encoding);
        if (iconv.decode(secretBytes, encoding) !== password) continue; // that code page cannot hold it
        const bytes = Buffer.concat([Buffer.from('OK: -pwd '), secretBytes, Buffer.from(' done\r\nnext line\r\n')]);
        for (const codePage of CODE_PAGES) {
          for (const chunks of everyCut(bytes)) {
            expect([encoding, codePage, decode(password, codePage, chunks)]).toEqual([encoding, codePage, [MASK, 'next line']]);
          }
        }
      }
    });
  }

  it('with the escapes of a Windows command line (\\", doubled quotes, trailing backslash doubled)', () => {
    expect(commandLineForms('a "b" c\\')).toEqual(['a "b" c\\', 'a \\"b\\" c\\', 'a \\"b\\" c\\\\', 'a ""b"" c\\']);
    for (const [password, echoed] of [
      ['quo"te', 'C:\\x\\IpXfer.exe -e C:\\x\\OfcNTCer.dat -pwd quo\\"te'],
      ['pa ss\\', 'IpXfer.exe -pwd "pa ss\\\\"'],
      ['a\\"b', 'IpXfer.exe -pwd a\\\\\\"b'],
      ['say "hi"', 'IpXfer.exe -pwd "say ""hi"""'],
    ] as const) {
      expect(decode(password, 65001, [Buffer.from(`${echoed}\r\n`)])).toEqual([MASK]);
    }
  });

  it('split by \\r progress redraws, in any letter case, at a chunk boundary or not', () => {
    const bytes = Buffer.from('progress -pwd Sec\rRet-99 10%\r20%\r\nfine\r\n');
    for (const chunks of everyCut(bytes)) expect(decode('secret-99', 65001, chunks)).toEqual([MASK, MASK, '20%', 'fine']);
  });

  it('split across two output lines (a line break anywhere inside it, CRLF or LF): both lines are hidden', () => {
    const password = 'Secret-99';
    for (let at = 1; at < password.length; at++) {
      for (const br of ['\r\n', '\n']) {
        const bytes = Buffer.from(`before\r\nwrapped -pwd ${password.slice(0, at)}${br}${password.slice(at)} tail\r\nafter\r\n`);
        for (const chunks of everyCut(bytes)) expect([at, br, decode(password, 65001, chunks)]).toEqual([at, br, ['before', MASK, MASK, 'after']]);
      }
    }
    expect(new Redactor([password]).mask(`a\nx Secr\r\net-99 y\nb`)).toBe(`a\n${MASK}\r\n${MASK}\nb`);
  });

  it("printed by an ANSI/OEM program whose code page cannot hold it: the '?' form and the accent-stripped best-fit form", () => {
    // WideCharToMultiByte writes '?' for what a code page cannot map: Japanese in 1252 / 850 / 437.
    const japanese = 'パスワード-Tr3nd!';
    for (const codePage of [1252, 850, 437]) expect([codePage, decode(japanese, codePage, [Buffer.from('-pwd ?????-Tr3nd! ok\r\nnext\r\n')])]).toEqual([codePage, [MASK, 'next']]);
    // A letter the code page lacks: '?' (cp932 has no ä or é) or its best fit without the accent.
    const accented = 'Crème-brûlée-9';
    for (const printed of ['Cr?me-br?l?e-9', 'Creme-brulee-9']) {
      expect([printed, decode(accented, 932, [Buffer.from(`-pwd ${printed}\r\nnext\r\n`)])]).toEqual([printed, [MASK, 'next']]);
    }
    // ł has no decomposition: '?' is covered (Windows' best fit ł→l is not, see secret-variants.ts).
    expect(decode('Złoty-2024', 1252, [Buffer.from('Z?oty-2024\r\n')])).toEqual([MASK]);
  });

  it('across the cut of a line longer than 64 KiB: both pieces are hidden', () => {
    const text = 'x'.repeat(MAX_LINE - 3) + 'hunter2' + 'y'.repeat(100) + '\n';
    const lines = decode('hunter2', 65001, [Buffer.from(text)]);
    expect(lines).toEqual([MASK, MASK]);
  });

  it('every form is found (variants of a non-ASCII password across code pages)', () => {
    const v = secretVariants('Pässwörd', 850);
    expect(v).toContain('Pässwörd');
    expect(v).toContain(iconv.decode(iconv.encode('Pässwörd', 'cp1252'), 'cp850')); // ANSI bytes, OEM reading
    expect(v.every((s) => s.length > 0)).toBe(true);
  });
});

describe('hiding does not reveal the password', () => {
  // The KB's own example password is `trend`: it is also a word of the agent's folder.
  const lines = ['C:\\Program Files (x86)\\Trend Micro\\Security Agent\\', 'c:\\program files (x86)\\trend micro\\', 'Microsoft Windows', 'Service restarted'];
  const out = decode('trend', 65001, [Buffer.from(lines.join('\r\n') + '\r\n')]);

  it('a line holding a common word equal to the password is hidden whole, in any case', () => {
    expect(out).toEqual([MASK, MASK, 'Microsoft Windows', 'Service restarted']);
  });

  it('nothing of a hidden line is left to point at the word: no neighbours, no position, no length', () => {
    for (const word of ['Program', 'Files', 'x86', 'Micro', 'Security', 'Agent', '\\']) expect(out.slice(0, 2).join('\n')).not.toContain(word);
    expect(new Set(out.slice(0, 2))).toEqual(new Set([MASK]));
  });

  it('Redactor.mask hides whole lines of any text (errors, process names)', () => {
    const r = new Redactor(['trend']);
    expect(r.mask('a\r\nTrend Micro here\nb')).toBe(`a\r\n${MASK}\nb`);
    expect(r.mask('nothing to hide')).toBe('nothing to hide');
    r.forget();
    expect(r.mask('trend')).toBe('trend');
  });
});

describe('hiding costs no delay for ordinary lines', () => {
  it('a finished line is emitted at once; only a tail that could begin the password waits', () => {
    const lines: string[] = [];
    const d = new LineDecoder(65001, (l) => lines.push(l), new Redactor(['secret']));
    d.write(Buffer.from('Stopping the service\r\nStarting sec'));
    expect(lines).toEqual(['Stopping the service']);
    d.write(Buffer.from('tion 2\r\n'));
    expect(lines).toEqual(['Stopping the service', 'Starting section 2']);
    d.write(Buffer.from('progress 10%\r'));
    d.write(Buffer.from('progress 20%\r'));
    expect(lines.at(-1)).toBe('progress 10%');
    d.end();
    expect(lines.at(-1)).toBe('progress 20%');
  });
});
