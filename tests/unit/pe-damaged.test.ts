/**
 * Programs that are odd or broken in their headers or certificate table, as a copy from a flaky
 * share or a tool that rewrote a file leaves them: the publisher check gives a clear verdict for
 * each (a broken signature is `damaged`, a file without one `unsigned`, something that is not a
 * program is said to be so), never an exception, and the CLI words it in the user's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPublisher, type PublisherCheck } from '../../electron/core/authenticode.js';
import { messages } from '../../electron/core/messages.js';
import { runCli } from '../fixtures/cli.js';
import { certificateTable, sign, tempDir, unsignedPe } from '../fixtures/signing.js';
import { chainSigner, testCa, type TestCa } from '../fixtures/test-ca.js';

let dir: string;
let ca: TestCa;
let signed: Buffer;
beforeAll(() => {
  dir = tempDir();
  ca = testCa();
  signed = readFileSync(sign(unsignedPe(path.join(dir, 'plain.exe')), path.join(dir, 'signed.exe'), chainSigner(ca, dir, 'Trend Micro, Inc.'), 'sha256'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `bytes` as a program file and checks it against the test CA. */
async function check(name: string, bytes: Buffer): Promise<PublisherCheck> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return checkPublisher(file, { roots: [ca.root.der] });
}

/** A copy of the signed program with its certificate table entry (data directory 4) rewritten. */
function withCertDir(offset: number, size: number, base = signed): Buffer {
  const b = Buffer.from(base);
  const t = certificateTable(b);
  b.writeUInt32LE(offset, t.dirEntry);
  b.writeUInt32LE(size, t.dirEntry + 4);
  return b;
}

/**
 * A bare PE header made by hand: MZ, e_lfanew, "PE\0\0", a file header, and an optional header of
 * the given kind (0x10b PE32, 0x20b PE32+) with `dirs` data directories and the certificate
 * table's entry set as given.
 */
function handMadePe(o: { magic: number; dirs: number; cert?: [number, number]; length?: number }): Buffer {
  const b = Buffer.alloc(o.length ?? 1024);
  b.write('MZ', 0, 'latin1');
  const pe = 0x80;
  b.writeUInt32LE(pe, 0x3c);
  b.write('PE\0\0', pe, 'latin1');
  const opt = pe + 24;
  b.writeUInt16LE(o.magic, opt);
  const pe32plus = o.magic === 0x20b;
  b.writeUInt32LE(o.dirs, opt + (pe32plus ? 108 : 92));
  const certDir = opt + (pe32plus ? 112 : 96) + 4 * 8;
  if (o.cert) {
    b.writeUInt32LE(o.cert[0], certDir);
    b.writeUInt32LE(o.cert[1], certDir + 4);
  }
  return b;
}

describe('the certificate table is broken: damaged, still a program', () => {
  it('the table said to start inside the headers', async () => {
    const r = await check('overlap.exe', withCertDir(0x40, 64));
    expect(r).toMatchObject({ outcome: 'damaged', isPe: true, signatures: [], problem: 'certificate table overlaps the headers' });
  });

  it('a table of more than 16 MB (no signature is that large), refused without reading it', async () => {
    const t = certificateTable(signed);
    const size = 17 * 1024 * 1024;
    const file = path.join(dir, 'huge-table.exe');
    writeFileSync(file, withCertDir(t.offset, size));
    truncateSync(file, t.offset + size); // sparse: nothing is written
    const r = await checkPublisher(file, { roots: [ca.root.der] });
    expect(r).toMatchObject({ outcome: 'damaged', isPe: true, problem: `certificate table of ${size} bytes` });
  });

  it('an entry whose length runs past the table', async () => {
    const b = Buffer.from(signed);
    const t = certificateTable(b);
    b.writeUInt32LE(t.size + 64, t.offset);
    const r = await check('entry-past.exe', b);
    expect(r).toMatchObject({ outcome: 'damaged', isPe: true, problem: `certificate table entry at ${t.offset} is cut off` });
  });

  it('a table holding only a certificate of another type (not a PKCS#7 signature)', async () => {
    const b = Buffer.from(signed);
    const t = certificateTable(b);
    b.writeUInt16LE(0x0001, t.offset + 6); // WIN_CERT_TYPE_X509
    const r = await check('x509-entry.exe', b);
    expect(r).toMatchObject({ outcome: 'damaged', isPe: true, problem: 'certificate table holds no signature' });
  });

  it('a table wiped to zeros (as a copy that lost its end may be filled)', async () => {
    const b = Buffer.from(signed);
    const t = certificateTable(b);
    b.fill(0, t.offset, t.offset + t.size);
    const r = await check('zeroed.exe', b);
    expect(r).toMatchObject({ outcome: 'damaged', isPe: true, problem: 'certificate table holds no signature' });
  });

  it('the CLI says "damaged" in the user\'s words and exits 1 (a program, not trusted)', async () => {
    const file = path.join(dir, 'IpXfer_x64.exe');
    writeFileSync(file, withCertDir(0x40, 64));
    for (const lang of ['en', 'ja'] as const) {
      const r = await runCli(['publisher', file, '--lang', lang]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`${file}: damaged — ${messages(lang).publisher.damaged}`);
      expect(r.stdout).toContain('certificate table overlaps the headers');
    }
  });
});

describe('what is not broken is not called damaged', () => {
  it('zero padding after the last signature is accepted: still trusted', async () => {
    const t = certificateTable(signed);
    expect(t.offset + t.size).toBe(signed.length);
    const padded = withCertDir(t.offset, t.size + 16, Buffer.concat([signed, Buffer.alloc(16)]));
    const r = await check('padded.exe', padded);
    expect(r.outcome).toBe('trusted');
    // The same program without padding, for comparison.
    expect((await check('as-signed.exe', signed)).outcome).toBe('trusted');
  });

  it('a 32-bit (PE32) and a 64-bit (PE32+) program without a certificate table: unsigned, still programs', async () => {
    for (const magic of [0x10b, 0x20b]) {
      const r = await check(`bare-${magic.toString(16)}.exe`, handMadePe({ magic, dirs: 16 }));
      expect(r, magic.toString(16)).toMatchObject({ outcome: 'unsigned', isPe: true, problem: 'no signature' });
    }
  });

  it('a program with fewer than five data directories has no certificate table at all: unsigned', async () => {
    for (const magic of [0x10b, 0x20b]) {
      // The entry where a table would be holds bytes of something else: they are not read as one.
      const r = await check(`few-dirs-${magic.toString(16)}.exe`, handMadePe({ magic, dirs: 4, cert: [0x200, 0x100] }));
      expect(r).toMatchObject({ outcome: 'unsigned', isPe: true, problem: 'no signature' });
    }
  });

  it('a 32-bit program whose table is cut off is damaged, like a 64-bit one', async () => {
    const r = await check('pe32-cut.exe', handMadePe({ magic: 0x10b, dirs: 16, cert: [0x300, 0x400], length: 0x400 }));
    expect(r).toMatchObject({ outcome: 'damaged', isPe: true, problem: expect.stringContaining('certificate table cut off') });
  });
});

describe('not a program at all: said so, not "damaged"', () => {
  const cases: [string, Buffer, string][] = [
    ['the PE header cut right after its signature', Buffer.concat([handMadePe({ magic: 0x20b, dirs: 16 }).subarray(0, 0x80 + 25)]), 'truncated optional header'],
    ['an optional header of an unknown kind (a ROM image)', handMadePe({ magic: 0x107, dirs: 16 }), 'unknown optional header'],
    ['the data directories cut off', handMadePe({ magic: 0x20b, dirs: 16 }).subarray(0, 0x80 + 24 + 120), 'truncated data directories'],
  ];
  for (const [name, bytes, problem] of cases) {
    it(name, async () => {
      const r = await check(`${problem.replace(/\W+/g, '-')}.exe`, bytes);
      expect(r).toMatchObject({ outcome: 'unsigned', isPe: false, signatures: [], problem });
    });
  }

  it('2 GiB or more of something that is not a program: file-too-large, and not called a program', async () => {
    const file = path.join(dir, 'disk-image.exe');
    writeFileSync(file, 'not a program');
    truncateSync(file, 2 * 1024 ** 3); // sparse
    const r = await checkPublisher(file, { roots: [ca.root.der] });
    expect(r).toMatchObject({ outcome: 'file-too-large', isPe: false, signatures: [] });
  });

  it('the CLI says "not a Windows program" and exits 2', async () => {
    const file = path.join(dir, 'rom.exe');
    writeFileSync(file, handMadePe({ magic: 0x107, dirs: 16 }));
    for (const lang of ['en', 'ja'] as const) {
      const r = await runCli(['publisher', file, '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain(`${file}: unsigned — ${messages(lang).label.notPe}`);
    }
  });
});
