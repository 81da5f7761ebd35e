/**
 * Authenticode signing of the exe with osslsigncode. Which certificate:
 *   APEX_SIGN_PFX (+ APEX_SIGN_PFX_PASSWORD)        a PKCS#12 file
 *   APEX_SIGN_CERT + APEX_SIGN_KEY (+ APEX_SIGN_KEY_PASSWORD)   PEM files
 *   APEX_SIGN_TIMESTAMP_URL                           RFC 3161 timestamp server: required for a
 *                                                     release (without a timestamp the signature
 *                                                     stops validating when the certificate expires)
 * else, when asked (CI, tests), a throwaway test certificate; else none.
 * Passwords reach osslsigncode through a file only the build user can read, never argv or output.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testCertificate } from './test-certificate.mjs';

/** @returns {{ kind: 'pfx' | 'pem' | 'test' | 'none', describe: string }} plus what signing needs */
export function chooseSigner(env, { testCert }) {
  const timestampUrl = env.APEX_SIGN_TIMESTAMP_URL || null;
  const untimed = timestampUrl ? '' : ' WITHOUT a timestamp (stops validating when the certificate expires): not for release';
  if (env.APEX_SIGN_PFX) return { kind: 'pfx', pfx: env.APEX_SIGN_PFX, password: env.APEX_SIGN_PFX_PASSWORD ?? null, timestampUrl, describe: `certificate from APEX_SIGN_PFX${untimed}` };
  if (env.APEX_SIGN_CERT || env.APEX_SIGN_KEY) {
    if (!env.APEX_SIGN_CERT || !env.APEX_SIGN_KEY) throw new Error('APEX_SIGN_CERT and APEX_SIGN_KEY must be set together');
    return { kind: 'pem', cert: env.APEX_SIGN_CERT, key: env.APEX_SIGN_KEY, password: env.APEX_SIGN_KEY_PASSWORD ?? null, timestampUrl, describe: `certificate from APEX_SIGN_CERT/APEX_SIGN_KEY${untimed}` };
  }
  if (testCert) return { kind: 'test', password: null, timestampUrl: null, describe: 'UNSIGNED (test certificate): not for distribution' };
  return { kind: 'none', describe: 'UNSIGNED' };
}

/**
 * Why `signer` cannot sign a release, or null: a release needs a real certificate, and a timestamp
 * (RFC 3161) that proves it was signed while the certificate was valid; without one Windows stops
 * accepting the signature the day the certificate expires.
 */
export function releaseProblem(signer) {
  if (signer.kind === 'none' || signer.kind === 'test') return 'a real code-signing certificate is required: set APEX_SIGN_PFX (+ APEX_SIGN_PFX_PASSWORD) or APEX_SIGN_CERT + APEX_SIGN_KEY';
  if (!signer.timestampUrl) return "a release signature must carry a timestamp: set APEX_SIGN_TIMESTAMP_URL to your CA's RFC 3161 timestamp server (without one the signature stops validating when the certificate expires)";
  return null;
}

/** Signs `exe` in place. Returns the certificate file that verifies it (the test one), if any. */
export function signExe(exe, signer, { cacheDir, description }) {
  if (signer.kind === 'none') return null;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'acf-sign-'));
  try {
    // Written beside the exe, then renamed over it: a failed signing leaves no half-signed file.
    const signed = `${exe}.signing`;
    const args = ['sign', '-h', 'sha256', '-n', description, '-in', exe, '-out', signed];
    let verifyWith = null;
    if (signer.kind === 'pfx') args.push('-pkcs12', signer.pfx);
    else if (signer.kind === 'pem') args.push('-certs', signer.cert, '-key', signer.key);
    else {
      const test = testCertificate(cacheDir);
      args.push('-certs', test.cert, '-key', test.key);
      verifyWith = test.cert;
    }
    if (signer.password != null) {
      const passFile = path.join(tmp, 'pass');
      writeFileSync(passFile, signer.password, { mode: 0o600 });
      args.push('-readpass', passFile);
    }
    if (signer.timestampUrl) args.push('-ts', signer.timestampUrl);
    // osslsigncode's messages name files, never the password: they are shown only when it fails.
    try {
      execFileSync('osslsigncode', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      rmSync(signed, { force: true });
      throw e;
    }
    renameSync(signed, exe);
    return verifyWith;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
