import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPublisher } from '../../electron/core/authenticode.js';
import { fakeIpXferScript } from '../../electron/simulation/fake-ipxfer.js';
import { runCli } from '../fixtures/cli.js';
import { ecChainSigner, flipByte, selfSignedSigner, sign, tempDir, unsignedPe } from '../fixtures/signing.js';
import { chainSigner, testCa, type Signer, type TestCa } from '../fixtures/test-ca.js';

let dir: string;
let ca: TestCa;
let trend: Signer;
let other: Signer;
let roots: Buffer[];
beforeAll(() => {
  dir = tempDir();
  ca = testCa();
  roots = [ca.root.der];
  trend = chainSigner(ca, dir, 'Trend Micro, Inc.');
  other = chainSigner(ca, dir, 'Example Tools Ltd.');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => path.join(dir, name);

describe('Authenticode publisher check', () => {
  it('Trend Micro-signed with SHA-256 through a chain to the given root: trusted, with the chain recorded', async () => {
    const file = sign(unsignedPe(at('a.exe')), at('a-signed.exe'), trend, 'sha256');
    const r = await checkPublisher(file, { roots });
    expect(r).toMatchObject({ outcome: 'trusted', authority: 'roots', problem: null });
    expect(r.signatures[0]).toMatchObject({ digestAlgorithm: 'sha256', digestMatched: true, signatureValid: true, validAt: 'now' });
    expect(r.signatures[0]!.signer).toMatchObject({ organization: 'Trend Micro, Inc.', subject: expect.stringContaining('O=Trend Micro\\, Inc.') });
    const chain = r.signatures[0]!.chain!;
    expect(chain.end).toBe('known-root');
    expect(chain.certificates.map((c) => c.subject)).toEqual([
      expect.stringContaining('CN=Trend Micro\\, Inc.'),
      expect.stringContaining('CN=Apex Cert Fix Test Code Signing CA'),
      expect.stringContaining('CN=Apex Cert Fix Test Root CA'),
    ]);
    expect(chain.certificates[2]!.sha256).toBe(new X509Certificate(ca.root.der).fingerprint256.replace(/:/g, ''));
  });

  it('SHA-1 signatures, and a nested SHA-256 signature inside a SHA-1 one', async () => {
    const sha1 = sign(unsignedPe(at('b.exe')), at('b-sha1.exe'), trend, 'sha1');
    expect((await checkPublisher(sha1, { roots })).signatures[0]!.digestAlgorithm).toBe('sha1');
    const nested = sign(sha1, at('b-nested.exe'), trend, 'sha256', true);
    const r = await checkPublisher(nested, { roots });
    expect(r.outcome).toBe('trusted');
    expect(r.signatures[0]!.nested.map((n) => [n.digestAlgorithm, n.digestMatched, n.signatureValid])).toEqual([['sha256', true, true]]);
  });

  it('an EC (P-256) signer verifies too', async () => {
    const file = sign(unsignedPe(at('ec.exe')), at('ec-signed.exe'), ecChainSigner(ca, 'Trend Micro, Inc.', dir), 'sha256');
    expect((await checkPublisher(file, { roots })).outcome).toBe('trusted');
  });

  it('signed by someone else: other-signer', async () => {
    const r = await checkPublisher(sign(unsignedPe(at('c.exe')), at('c-signed.exe'), other, 'sha256'), { roots });
    expect(r.outcome).toBe('other-signer');
    expect(r.signatures[0]!.signer!.organization).toBe('Example Tools Ltd.');
  });

  it('one byte changed after signing: tampered (the digest no longer matches)', async () => {
    const file = sign(unsignedPe(at('d.exe')), at('d-signed.exe'), trend, 'sha256');
    flipByte(file, 0x200);
    const r = await checkPublisher(file, { roots });
    expect(r.outcome).toBe('tampered');
    expect(r.signatures[0]!.digestMatched).toBe(false);
  });

  it('a certificate table at the end of a large file (streamed, not read whole)', async () => {
    const file = sign(unsignedPe(at('big.exe'), 24 * 1024 * 1024), at('big-signed.exe'), trend, 'sha256');
    expect((await checkPublisher(file, { roots })).outcome).toBe('trusted');
  });

  it('an unsigned program, and a script under IpXfer\'s name, are unsigned', async () => {
    expect((await checkPublisher(unsignedPe(at('e.exe')))).outcome).toBe('unsigned');
    writeFileSync(at('IpXfer_x64.exe'), fakeIpXferScript({}));
    const script = await checkPublisher(at('IpXfer_x64.exe'));
    expect(script).toMatchObject({ outcome: 'unsigned', isPe: false });
  });
});

describe('apex-cert-fix publisher', () => {
  it('the certificate anyone can make with openssl is not trusted: untrusted-root, exit 1', async () => {
    const fake = sign(unsignedPe(at('g.exe')), at('g-signed.exe'), selfSignedSigner('Trend Micro, Inc.', dir), 'sha256');
    const r = await runCli(['publisher', fake, '--json']);
    expect(r.code).toBe(1);
    const file = JSON.parse(r.stdout).files[0];
    expect(file).toMatchObject({ outcome: 'untrusted-root', isPe: true, authority: 'roots' });
    expect(file.signatures[0].chain.selfSigned).toBe(true);
    expect(r.stderr).toMatch(/untrusted-root — is signed, but its certificate chain does not lead to a trusted root/);
  });

  it('a chain to a root the shipped set does not hold is not trusted either; the lines say why', async () => {
    const good = sign(unsignedPe(at('h.exe')), at('h-signed.exe'), trend, 'sha256');
    const r = await runCli(['publisher', good, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/untrusted-root/);
    expect(r.stdout).toMatch(/sha256 · digest ok · signature ok/);
  });

  it('exit 2 for a missing file or one that is not a program', async () => {
    expect((await runCli(['publisher', at('nope.exe')])).code).toBe(2);
    writeFileSync(at('notes.txt'), 'hello');
    const r = await runCli(['publisher', at('notes.txt'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('not a Windows program');
  });
});

