/**
 * "Trusted" means a certificate chain, not a name: chains to a root given to the check, timestamps
 * that keep an expired signer's signature valid, the code-signing usage, and Windows as the judge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { checkPublisher } from '../../electron/core/authenticode.js';
import { selfSignedSigner, sign, tempDir, unsignedPe } from '../fixtures/signing.js';
import { chainSigner, makeCert, signerFiles, testCa, type TestCa } from '../fixtures/test-ca.js';
import { addTimestamp } from '../fixtures/timestamp.js';

let dir: string;
let ca: TestCa;
let roots: Buffer[];
beforeAll(() => {
  dir = tempDir();
  ca = testCa();
  roots = [ca.root.der];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => path.join(dir, name);
let n = 0;
/** A fresh unsigned program signed by `s`. */
const signed = (s: Parameters<typeof sign>[2], hash: 'sha1' | 'sha256' = 'sha256') => sign(unsignedPe(at(`p${++n}.exe`)), at(`p${n}-signed.exe`), s, hash);

/** Valid during 2020 only: long expired today. */
const EXPIRED = { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2021-01-01T00:00:00Z') };
const IN_2020 = new Date('2020-06-15T12:00:00Z');

describe('the chain decides, not the name', () => {
  it('a self-signed "Trend Micro, Inc." signer is untrusted-root, even when its own certificate is offered as a root', async () => {
    const self = selfSignedSigner('Trend Micro, Inc.', dir);
    const file = signed(self);
    const r = await checkPublisher(file);
    expect(r.outcome).toBe('untrusted-root');
    expect(r.problem).toMatch(/self-signed/);
    const again = await checkPublisher(file, { roots: [readFileSync(self.cert)] });
    expect(again.outcome).toBe('untrusted-root');
  });

  it('root → intermediate → signer: trusted with the test root given, untrusted-root with the shipped roots (naming where it ends)', async () => {
    const file = signed(chainSigner(ca, dir, 'Trend Micro, Inc.'));
    expect((await checkPublisher(file, { roots })).outcome).toBe('trusted');
    const shipped = await checkPublisher(file);
    expect(shipped.outcome).toBe('untrusted-root');
    expect(shipped.signatures[0]!.chain).toMatchObject({ end: 'missing-issuer', missingIssuer: expect.stringContaining('Apex Cert Fix Test Root CA') });
    expect(shipped.problem).toMatch(/its issuer .*Apex Cert Fix Test Root CA.* is not carried/);
  });

  it('a chain that carries another root: untrusted-root (ends in an unknown root)', async () => {
    const other = testCa('Somebody Else');
    const s = chainSigner(other, dir, 'Trend Micro, Inc.');
    const withRoot = signerFiles(dir, 'with-root', s.made, [other.intermediate, other.root]);
    const r = await checkPublisher(signed(withRoot), { roots });
    expect(r.outcome).toBe('untrusted-root');
    expect(r.signatures[0]!.chain!.end).toBe('unknown-root');
  });

  it('a signer issued by a certificate that is not a CA (keyCertSign without CA:TRUE): untrusted-root', async () => {
    const notCa = makeCert({ commonName: 'Not a CA', issuer: ca.intermediate, eku: ['codeSigning'], ca: true, basicConstraintsCa: false });
    const leaf = makeCert({ commonName: 'Trend Micro, Inc.', organization: 'Trend Micro, Inc.', issuer: notCa, eku: ['codeSigning'] });
    const r = await checkPublisher(signed(signerFiles(dir, 'under-leaf', leaf, [notCa, ca.intermediate])), { roots });
    expect(r).toMatchObject({ outcome: 'untrusted-root', problem: expect.stringContaining('is not a certificate authority') });
  });

  it('a signer without the code-signing usage (a TLS certificate, or none at all): not-code-signing', async () => {
    const tls = chainSigner(ca, dir, 'Trend Micro, Inc.', { commonName: 'tls', eku: ['serverAuth'] });
    expect((await checkPublisher(signed(tls), { roots })).outcome).toBe('not-code-signing');
    const none = chainSigner(ca, dir, 'Trend Micro, Inc.', { commonName: 'no-eku', eku: undefined });
    expect((await checkPublisher(signed(none), { roots })).outcome).toBe('not-code-signing');
  });
});

describe('signed programs outlive their certificates: timestamps', () => {
  const expiredSigner = () => chainSigner(ca, dir, 'Trend Micro, Inc.', { commonName: 'expired', ...EXPIRED });

  it('an expired signer without a timestamp: expired, judged now', async () => {
    const r = await checkPublisher(signed(expiredSigner()), { roots });
    expect(r.outcome).toBe('expired');
    expect(r.signatures[0]).toMatchObject({ validAt: 'now', timestamp: null });
    expect(r.problem).toMatch(/no verified timestamp/);
  });

  for (const kind of ['rfc3161', 'authenticode'] as const) {
    it(`an expired signer with a ${kind} timestamp from its validity: trusted, judged at the stamped time`, async () => {
      const file = addTimestamp(signed(expiredSigner()), at(`ts-${kind}.exe`), { kind, tsa: ca.tsa, time: IN_2020 });
      const r = await checkPublisher(file, { roots });
      expect(r.outcome).toBe('trusted');
      expect(r.signatures[0]).toMatchObject({ validAt: 'timestamp', timestamp: { kind, verified: true, time: IN_2020.toISOString() } });
      expect(r.signatures[0]!.timestamp!.chain).toMatchObject({ end: 'known-root', purposeAllowed: true });
      expect(r.signatures[0]!.chain!.validAt).toBe(IN_2020.toISOString());
    });
  }

  it('a timestamp from after the certificate expired does not help: expired', async () => {
    const file = addTimestamp(signed(expiredSigner()), at('ts-late.exe'), { kind: 'rfc3161', tsa: ca.tsa, time: new Date('2022-03-01T00:00:00Z') });
    expect((await checkPublisher(file, { roots })).outcome).toBe('expired');
  });

  it('a timestamp whose signer chains to no known root is not counted: expired', async () => {
    const stranger = testCa('Stranger TSA');
    const file = addTimestamp(signed(expiredSigner()), at('ts-stranger.exe'), { kind: 'rfc3161', tsa: stranger.tsa, time: IN_2020 });
    const r = await checkPublisher(file, { roots });
    expect(r.outcome).toBe('expired');
    expect(r.signatures[0]!.timestamp).toMatchObject({ verified: true, chain: { end: 'missing-issuer' } });
  });

  it('a timestamp stamping another signature, or signed by a non-timestamping certificate, is not counted: expired', async () => {
    const moved = addTimestamp(signed(expiredSigner()), at('ts-other.exe'), { kind: 'rfc3161', tsa: ca.tsa, time: IN_2020, imprintOf: Buffer.from('another signature') });
    const r = await checkPublisher(moved, { roots });
    expect(r.outcome).toBe('expired');
    expect(r.signatures[0]!.timestamp).toMatchObject({ verified: false, problem: 'the timestamp stamps another signature' });
    const notTsa = makeCert({ commonName: 'Not a TSA', issuer: ca.root, eku: ['codeSigning'] });
    const wrongUse = addTimestamp(signed(expiredSigner()), at('ts-notsa.exe'), { kind: 'authenticode', tsa: notTsa, time: IN_2020 });
    expect((await checkPublisher(wrongUse, { roots })).signatures[0]!.timestamp).toMatchObject({ verified: false, problem: expect.stringMatching(/not a timestamping certificate/) });
  });
});

describe('on Windows, Windows judges the root', () => {
  const valid = { status: 'Valid' };

  it('Windows says Valid and our checks hold: trusted, though the root is not one of ours', async () => {
    const file = signed(chainSigner(testCa('Windows Store CA'), dir, 'Trend Micro, Inc.'));
    const r = await checkPublisher(file, { osVerdict: valid });
    expect(r).toMatchObject({ outcome: 'trusted', authority: 'windows', osStatus: 'Valid' });
  });

  it("any verdict other than Valid: untrusted-root, Windows' word decides", async () => {
    const file = signed(chainSigner(ca, dir, 'Trend Micro, Inc.'));
    for (const status of ['NotTrusted', 'UnknownError', 'HashMismatch']) {
      const r = await checkPublisher(file, { roots, osVerdict: { status } });
      expect(r).toMatchObject({ outcome: 'untrusted-root', authority: 'windows', osStatus: status, osUnavailable: null });
      expect(r.problem).toMatch(/Windows/);
    }
  });

  it('no verdict from Windows (missing, blocked, timed out, unreadable...): the shipped roots judge, as off Windows, and the check says why', async () => {
    const ours = signed(chainSigner(ca, dir, 'Trend Micro, Inc.'));
    const foreignRoot = signed(chainSigner(testCa('Windows Store CA'), dir, 'Trend Micro, Inc.'));
    for (const reason of ['missing', 'blocked', 'timed-out', 'failed', 'unreadable', 'file-unreadable'] as const) {
      // A chain to a known root is trusted without Windows: never a silent untrusted-root.
      expect(await checkPublisher(ours, { roots, osVerdict: { unavailable: reason } })).toMatchObject({ outcome: 'trusted', authority: 'roots', osStatus: null, osUnavailable: reason });
      // A chain Windows might have trusted but the roots do not know: untrusted, saying which chain and why.
      const r = await checkPublisher(foreignRoot, { roots, osVerdict: { unavailable: reason } });
      expect(r).toMatchObject({ outcome: 'untrusted-root', authority: 'roots', osStatus: null, osUnavailable: reason });
      expect(r.problem).toMatch(/not a known root/);
    }
    // Refused files say it too.
    expect(await checkPublisher(dir, { osVerdict: { unavailable: 'timed-out' } })).toMatchObject({ outcome: 'not-a-file', authority: 'roots', osUnavailable: 'timed-out' });
  });

  it('Valid from Windows does not rescue a self-signed signer, a wrong usage, or another signer', async () => {
    expect((await checkPublisher(signed(selfSignedSigner('Trend Micro, Inc.', dir)), { osVerdict: valid })).outcome).toBe('untrusted-root');
    // Self-signed without being a CA (key usage digitalSignature only) is still self-signed.
    const selfLeaf = makeCert({ commonName: 'Trend Micro, Inc.', organization: 'Trend Micro, Inc.', eku: ['codeSigning'] });
    const leafCheck = await checkPublisher(signed(signerFiles(dir, 'self-leaf', selfLeaf)), { osVerdict: valid });
    expect(leafCheck).toMatchObject({ outcome: 'untrusted-root', problem: expect.stringContaining('self-signed') });
    expect((await checkPublisher(signed(chainSigner(ca, dir, 'Trend Micro, Inc.', { commonName: 'tls2', eku: ['serverAuth'] })), { osVerdict: valid })).outcome).toBe('not-code-signing');
    expect((await checkPublisher(signed(chainSigner(ca, dir, 'Example Tools Ltd.')), { osVerdict: valid })).outcome).toBe('other-signer');
  });
});
