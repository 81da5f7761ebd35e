/**
 * A throwaway code-signing certificate for CI and tests: it proves the signing step works and that
 * the signed exe still runs, without any secret. It is kept under .cache/ (gitignored) and reused
 * while valid, so cached builds stay comparable; nobody trusts it, which is the point.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export const TEST_SUBJECT_CN = 'apex-cert-fix TEST certificate - not for distribution';
const DAY = 86_400_000;

function stillValid(cert) {
  if (!existsSync(cert)) return false;
  return new Date(new X509Certificate(readFileSync(cert)).validTo).getTime() - Date.now() > DAY;
}

/** `{ cert, key }` PEM paths of the test certificate under `cacheDir`, made on first use. */
export function testCertificate(cacheDir) {
  const dir = path.join(cacheDir, 'test-certificate');
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  if (stillValid(cert) && existsSync(key)) return { cert, key };
  const tmp = `${dir}.${process.pid}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '90', '-keyout', path.join(tmp, 'key.pem'), '-out', path.join(tmp, 'cert.pem'),
      '-subj', `/CN=${TEST_SUBJECT_CN}/O=apex-cert-fix (test)`,
      '-addext', 'extendedKeyUsage=codeSigning', '-addext', 'keyUsage=critical,digitalSignature'],
    { stdio: 'ignore' },
  );
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { cert, key };
}
