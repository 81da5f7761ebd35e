import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPublisher, checkPublisherBytes } from '../../electron/core/authenticode.js';
import { fakeIpXferScript } from '../../electron/simulation/fake-ipxfer.js';
import { runCli } from '../fixtures/cli.js';
import { ecSigner, flipByte, sign, signer, tempDir, unsignedPe, type Signer } from '../fixtures/signing.js';

let dir: string;
let trend: Signer;
let other: Signer;
beforeAll(() => {
  dir = tempDir();
  trend = signer('Trend Micro, Inc.', dir);
  other = signer('Example Tools Ltd.', dir);
});

const at = (name: string) => path.join(dir, name);

describe('Authenticode publisher check', () => {
  it('Trend Micro-signed with SHA-256: trusted, digest and signature verified, signer named', async () => {
    const file = sign(unsignedPe(at('a.exe')), at('a-signed.exe'), trend, 'sha256');
    const r = await checkPublisher(file);
    expect(r.outcome).toBe('trusted');
    expect(r.signatures[0]).toMatchObject({ digestAlgorithm: 'sha256', digestMatched: true, signatureValid: true });
    expect(r.signatures[0]!.signer).toMatchObject({ organization: 'Trend Micro, Inc.', subject: expect.stringContaining('O=Trend Micro\\, Inc.') });
  });

  it('SHA-1 signatures, and a nested SHA-256 signature inside a SHA-1 one', async () => {
    const sha1 = sign(unsignedPe(at('b.exe')), at('b-sha1.exe'), trend, 'sha1');
    expect((await checkPublisher(sha1)).signatures[0]!.digestAlgorithm).toBe('sha1');
    const nested = sign(sha1, at('b-nested.exe'), trend, 'sha256', true);
    const r = await checkPublisher(nested);
    expect(r.outcome).toBe('trusted');
    expect(r.signatures[0]!.nested.map((n) => [n.digestAlgorithm, n.digestMatched, n.signatureValid])).toEqual([['sha256', true, true]]);
  });

  it('an EC (P-256) signer verifies too', async () => {
    const file = sign(unsignedPe(at('ec.exe')), at('ec-signed.exe'), ecSigner('Trend Micro, Inc.', dir), 'sha256');
    expect((await checkPublisher(file)).outcome).toBe('trusted');
  });

  it('signed by someone else: other-signer', async () => {
    const r = await checkPublisher(sign(unsignedPe(at('c.exe')), at('c-signed.exe'), other, 'sha256'));
    expect(r.outcome).toBe('other-signer');
    expect(r.signatures[0]!.signer!.organization).toBe('Example Tools Ltd.');
  });

  it('one byte changed after signing: tampered (the digest no longer matches)', async () => {
    const file = sign(unsignedPe(at('d.exe')), at('d-signed.exe'), trend, 'sha256');
    flipByte(file, 0x200);
    const r = await checkPublisher(file);
    expect(r.outcome).toBe('tampered');
    expect(r.signatures[0]!.digestMatched).toBe(false);
  });

  it('a certificate table at the end of a large file', async () => {
    const file = sign(unsignedPe(at('big.exe'), 24 * 1024 * 1024), at('big-signed.exe'), trend, 'sha256');
    expect((await checkPublisher(file)).outcome).toBe('trusted');
  });

  it('an unsigned program, and a script under IpXfer\'s name, are unsigned', async () => {
    expect((await checkPublisher(unsignedPe(at('e.exe')))).outcome).toBe('unsigned');
    writeFileSync(at('IpXfer_x64.exe'), fakeIpXferScript({}));
    const script = await checkPublisher(at('IpXfer_x64.exe'));
    expect(script).toMatchObject({ outcome: 'unsigned', isPe: false });
  });

  it('never crashes on malformed files', () => {
    const signed = readFileSync(sign(unsignedPe(at('f.exe')), at('f-signed.exe'), trend, 'sha256'));
    const cases: Buffer[] = [Buffer.alloc(0), Buffer.from('MZ'), signed.subarray(0, 200), Buffer.concat([signed.subarray(0, 0x3c), Buffer.from([0xff, 0xff, 0xff, 0x7f])])];
    // The certificate table's directory entry pointing past the end; garbage inside the table.
    const pe = signed.readUInt32LE(0x3c);
    const past = Buffer.from(signed);
    past.writeUInt32LE(signed.length + 100, pe + 24 + 128);
    cases.push(past);
    const garbage = Buffer.from(signed);
    garbage.fill(0x41, signed.length - 200, signed.length - 20);
    cases.push(garbage);
    for (let i = 0; i < 200; i++) {
      const fuzz = Buffer.from(signed);
      fuzz[Math.floor(Math.random() * fuzz.length)] = Math.floor(Math.random() * 256);
      cases.push(fuzz);
    }
    for (const bytes of cases) {
      const r = checkPublisherBytes('x.exe', bytes);
      expect(['trusted', 'unsigned', 'tampered', 'other-signer']).toContain(r.outcome);
    }
  });
});

describe('apex-cert-fix publisher', () => {
  it('prints each file\'s outcome and signer; exit 0 only when all are trusted', async () => {
    const good = sign(unsignedPe(at('g.exe')), at('g-signed.exe'), trend, 'sha256');
    const ok = await runCli(['publisher', good, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).files[0]).toMatchObject({ outcome: 'trusted', isPe: true });
    expect(ok.stderr).toMatch(/trusted — signed by Trend Micro, Inc\./);
    const bad = sign(unsignedPe(at('h.exe')), at('h-signed.exe'), other, 'sha256');
    const mixed = await runCli(['publisher', good, bad]);
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toMatch(/other-signer/);
    expect(mixed.stdout).toMatch(/sha256 · digest ok · signature ok/);
  });

  it('exit 2 for a missing file or one that is not a program', async () => {
    expect((await runCli(['publisher', at('nope.exe')])).code).toBe(2);
    writeFileSync(at('notes.txt'), 'hello');
    const r = await runCli(['publisher', at('notes.txt'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('not a Windows program');
  });
});
