/**
 * How the CLI exe build signs (scripts/build-cli-exe/sign.mjs), on a small PE instead of the 90 MB
 * exe: which certificate the environment selects, a password-protected PFX as a release pipeline
 * would hold it, and that a password never shows up in what the build prints or throws.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chooseSigner, releaseProblem, signExe } from '../../scripts/build-cli-exe/sign.mjs';
import { buildCliExe } from '../../scripts/build-cli-exe.mjs';
import { hasAuthenticodeSignature } from '../../build/hooks/warn-unsigned.mjs';
import { selfSignedSigner as signer, unsignedPe } from '../fixtures/signing.js';

const PASSWORD = 'pfx-Pa55 "word" $HOME';
let dir: string;
let pfx: string;
let pem: { cert: string; key: string };

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'acf-exe-sign-'));
  pem = signer('Apex release (test)', dir);
  pfx = path.join(dir, 'release.pfx');
  execFileSync('openssl', ['pkcs12', '-export', '-in', pem.cert, '-inkey', pem.key, '-out', pfx, '-passout', 'env:PFX_PASS'], { env: { ...process.env, PFX_PASS: PASSWORD } });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const freshPe = (name: string) => unsignedPe(path.join(dir, name));
const verify = (file: string) => execFileSync('osslsigncode', ['verify', '-in', file, '-CAfile', pem.cert], { encoding: 'utf8' });

describe('choosing the certificate', () => {
  it('a PFX first, then a PEM pair, then the test certificate only when asked, else none', () => {
    expect(chooseSigner({ APEX_SIGN_PFX: 'a.pfx', APEX_SIGN_CERT: 'c', APEX_SIGN_KEY: 'k' }, { testCert: true }).kind).toBe('pfx');
    expect(chooseSigner({ APEX_SIGN_CERT: 'c', APEX_SIGN_KEY: 'k' }, { testCert: true }).kind).toBe('pem');
    expect(chooseSigner({}, { testCert: true })).toMatchObject({ kind: 'test', describe: 'UNSIGNED (test certificate): not for distribution' });
    expect(chooseSigner({}, { testCert: false })).toMatchObject({ kind: 'none', describe: 'UNSIGNED' });
    expect(() => chooseSigner({ APEX_SIGN_CERT: 'c' }, { testCert: false })).toThrow(/together/);
  });
});

describe('a release', () => {
  it('is refused without a timestamp server: the signature would stop validating when the certificate expires', async () => {
    const untimed = chooseSigner({ APEX_SIGN_PFX: pfx, APEX_SIGN_PFX_PASSWORD: PASSWORD }, { testCert: false });
    expect(releaseProblem(untimed)).toMatch(/must carry a timestamp: set APEX_SIGN_TIMESTAMP_URL/);
    expect(untimed.describe).toMatch(/WITHOUT a timestamp .*not for release/);
    expect(releaseProblem(chooseSigner({ APEX_SIGN_CERT: pem.cert, APEX_SIGN_KEY: pem.key }, { testCert: false }))).toMatch(/timestamp/);
    expect(releaseProblem(chooseSigner({ APEX_SIGN_PFX: pfx, APEX_SIGN_TIMESTAMP_URL: 'http://timestamp.example' }, { testCert: false }))).toBeNull();
    expect(releaseProblem(chooseSigner({}, { testCert: true }))).toMatch(/real code-signing certificate/);
    // The release build (--require-signature) stops before building anything.
    const out = path.join(dir, 'release-out');
    await expect(buildCliExe({ outDir: out, env: { APEX_SIGN_PFX: pfx, APEX_SIGN_PFX_PASSWORD: PASSWORD }, requireSignature: true })).rejects.toThrow(/must carry a timestamp/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('signing', () => {
  it('with a password-protected PFX: verifies against that certificate', () => {
    const exe = freshPe('pfx.exe');
    signExe(exe, chooseSigner({ APEX_SIGN_PFX: pfx, APEX_SIGN_PFX_PASSWORD: PASSWORD }, { testCert: false }), { cacheDir: dir, description: 'test' });
    expect(verify(exe)).toContain('Signature verification: ok');
    expect(hasAuthenticodeSignature(exe)).toBe(true);
  });

  it('with a PEM certificate and key', () => {
    const exe = freshPe('pem.exe');
    signExe(exe, chooseSigner({ APEX_SIGN_CERT: pem.cert, APEX_SIGN_KEY: pem.key }, { testCert: false }), { cacheDir: dir, description: 'test' });
    expect(verify(exe)).toContain('Signature verification: ok');
  });

  it('a wrong password fails the build, leaves the file unsigned, and the error does not carry the password', () => {
    const exe = freshPe('wrong.exe');
    let message = '';
    try {
      signExe(exe, chooseSigner({ APEX_SIGN_PFX: pfx, APEX_SIGN_PFX_PASSWORD: 'not it' }, { testCert: false }), { cacheDir: dir, description: 'test' });
    } catch (e) {
      message = String((e as Error).message) + String((e as { stderr?: Buffer }).stderr ?? '');
    }
    expect(message).not.toBe('');
    expect(message).not.toContain('not it');
    expect(hasAuthenticodeSignature(exe)).toBe(false);
    expect(existsSync(`${exe}.signing`)).toBe(false);
  });

  it('no certificate: the file is left as it is', () => {
    const exe = freshPe('none.exe');
    expect(signExe(exe, chooseSigner({}, { testCert: false }), { cacheDir: dir, description: 'test' })).toBeNull();
    expect(hasAuthenticodeSignature(exe)).toBe(false);
  });
});
