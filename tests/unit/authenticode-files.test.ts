/**
 * The publisher check on what a share can hold: huge files, pipes and devices, copies cut short,
 * random damage (seeded, so a failure reproduces), and a real Microsoft-signed program.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkPublisher, checkPublisherBytes, type PublisherOutcome } from '../../electron/core/authenticode.js';
import { runCli } from '../fixtures/cli.js';
import { certificateTable, sign, tempDir, unsignedPe } from '../fixtures/signing.js';
import { chainSigner, testCa, type TestCa } from '../fixtures/test-ca.js';
import { addTimestamp } from '../fixtures/timestamp.js';

let dir: string;
let ca: TestCa;
let signedFile: string;
beforeAll(() => {
  dir = tempDir();
  ca = testCa();
  signedFile = sign(unsignedPe(path.join(dir, 'a.exe')), path.join(dir, 'a-signed.exe'), chainSigner(ca, dir, 'Trend Micro, Inc.'), 'sha256');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => path.join(dir, name);

/** Resolves within `ms` or fails: "answers at once". */
function quickly<T>(p: Promise<T>, ms = 3000): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
}

describe('files that are not simply a program', () => {
  it('2 GiB or more: file-too-large, refused without reading it', async () => {
    const big = at('huge.exe');
    writeFileSync(big, readFileSync(signedFile));
    truncateSync(big, 2 * 1024 ** 3); // sparse: nothing is written
    const r = await quickly(checkPublisher(big));
    expect(r).toMatchObject({ outcome: 'file-too-large', isPe: true, signatures: [] });
    expect(r.problem).toMatch(/^file-too-large: 2147483648 bytes/);
  });

  it.skipIf(process.platform === 'win32')('a FIFO, a device or a folder answers at once: not-a-file', async () => {
    const fifo = at('IpXfer_x64.exe');
    execFileSync('mkfifo', [fifo]);
    expect(await quickly(checkPublisher(fifo))).toMatchObject({ outcome: 'not-a-file', isPe: false });
    expect(await quickly(checkPublisher('/dev/zero'))).toMatchObject({ outcome: 'not-a-file' });
    mkdirSync(at('folder.exe'));
    expect(await quickly(checkPublisher(at('folder.exe')))).toMatchObject({ outcome: 'not-a-file' });
    const cli = await quickly(runCli(['publisher', fifo, '--lang', 'en']), 20_000);
    expect(cli.code).toBe(2);
    expect(cli.stdout).toContain('not-a-file');
  });

  it('a signed program cut inside its certificate table: damaged, still a program', async () => {
    const pe = readFileSync(signedFile);
    const cut = at('cut.exe');
    writeFileSync(cut, pe.subarray(0, certificateTable(pe).offset + 300));
    const r = await checkPublisher(cut);
    expect(r).toMatchObject({ outcome: 'damaged', isPe: true, problem: expect.stringContaining('certificate table cut off') });
    const cli = await runCli(['publisher', cut, '--lang', 'en']);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('damaged — is damaged: its signature cannot be read');
  });
});

/** mulberry32: a small seeded PRNG, so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTCOMES: PublisherOutcome[] = ['trusted', 'unsigned', 'tampered', 'other-signer', 'untrusted-root', 'expired', 'not-code-signing', 'damaged', 'file-too-large', 'not-a-file'];
const SEED = Number(process.env.AUTHENTICODE_FUZZ_SEED ?? 20240611);

describe('never crashes on malformed files (seeded fuzz)', () => {
  it(`hand-made cases and seeded mutations (seed ${SEED}) give an outcome, never an exception`, async () => {
    const stamped = addTimestamp(
      sign(unsignedPe(at('f.exe')), at('f-signed.exe'), chainSigner(ca, dir, 'Trend Micro, Inc.', { commonName: 'fuzz', notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') }), 'sha256'),
      at('f-stamped.exe'),
      { kind: 'rfc3161', tsa: ca.tsa, time: new Date('2020-06-01') },
    );
    const bases = [readFileSync(signedFile), readFileSync(stamped)];
    const table = certificateTable(bases[0]!);
    const cases: [string, Buffer][] = [
      ['empty', Buffer.alloc(0)],
      ['MZ only', Buffer.from('MZ')],
      ['headers cut', bases[0]!.subarray(0, 200)],
      ['e_lfanew far away', Buffer.concat([bases[0]!.subarray(0, 0x3c), Buffer.from([0xff, 0xff, 0xff, 0x7f])])],
    ];
    const past = Buffer.from(bases[0]!);
    past.writeUInt32LE(past.length + 100, table.dirEntry);
    cases.push(['table past the end', past]);
    const garbage = Buffer.from(bases[0]!);
    garbage.fill(0x41, table.offset + 8, garbage.length - 20);
    cases.push(['garbage in the table', garbage]);
    const random = prng(SEED);
    for (let i = 0; i < 400; i++) {
      const base = bases[i % 2]!;
      const fuzz = Buffer.from(base);
      // Mostly inside the certificate table, where the ASN.1 is.
      const inTable = random() < 0.8;
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const pos = inTable ? table.offset + Math.floor(random() * (fuzz.length - table.offset)) : Math.floor(random() * fuzz.length);
        fuzz[pos] = Math.floor(random() * 256);
      }
      cases.push(i % 10 === 9 ? [`cut ${i}`, fuzz.subarray(0, Math.floor(random() * fuzz.length))] : [`mutation ${i}`, fuzz]);
    }
    for (const [name, bytes] of cases) {
      const r = await checkPublisherBytes('x.exe', bytes, { roots: [ca.root.der] }).catch((e: Error) => ({ outcome: `threw ${e.message}` }));
      expect(OUTCOMES, `${name} (seed ${SEED}): ${r.outcome}`).toContain(r.outcome);
      // A copy cut short loses (part of) its certificate table: never trusted.
      if (name.startsWith('cut')) expect(r.outcome, `${name} (seed ${SEED})`).not.toBe('trusted');
    }
  });
});

const signtool = (() => {
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve('@electron/windows-sign/package.json')), 'vendor', 'signtool.exe');
  } catch {
    return '';
  }
})();
const MS_ROOT = path.resolve(import.meta.dirname, '../fixtures/trust/microsoft-root-certificate-authority-2010.der');

// A real-world PE: Microsoft's signtool.exe, vendored by @electron/windows-sign (a dev dependency
// through electron-builder), read where npm put it: no binary of Microsoft's is copied here.
describe.skipIf(!existsSync(signtool))('a real Microsoft-signed program (signtool.exe)', () => {
  it('without its root: the chain is built to the last carried certificate and names the missing root', async () => {
    const r = await checkPublisher(signtool);
    expect(r).toMatchObject({ outcome: 'other-signer', isPe: true });
    const s = r.signatures[0]!;
    expect(s).toMatchObject({ digestAlgorithm: 'sha256', digestMatched: true, signatureValid: true });
    expect(s.chain!.certificates.map((c) => c.subject)).toEqual([expect.stringContaining('CN=Microsoft Corporation'), expect.stringContaining('CN=Microsoft Code Signing PCA 2010')]);
    expect(s.chain).toMatchObject({ end: 'missing-issuer', missingIssuer: expect.stringContaining('CN=Microsoft Root Certificate Authority 2010') });
    expect(s.timestamp).toMatchObject({ kind: 'rfc3161', verified: true, time: '2021-09-12T09:47:34.813Z' });
  });

  it('with "Microsoft Root Certificate Authority 2010" given: both chains reach it, judged at the timestamp', async () => {
    const s = (await checkPublisher(signtool, { roots: [readFileSync(MS_ROOT)] })).signatures[0]!;
    expect(s.chain).toMatchObject({ end: 'known-root', outOfValidity: [] });
    expect(s.chain!.certificates.at(-1)!.sha256).toBe('DF545BF919A2439C36983B54CDFC903DFA4F37D3996D8D84B4C31EEC6F3C163E');
    expect(s.timestamp!.chain).toMatchObject({ end: 'known-root', purposeAllowed: true });
    expect(s.validAt).toBe('timestamp');
  });
});
