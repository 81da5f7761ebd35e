/** The shipped roots (resources/trust/): the embedded copy, the files and their README agree. */
import { describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { KNOWN_ROOTS_DER, knownRoots } from '../../electron/core/trust/known-roots.js';

const folder = path.resolve(import.meta.dirname, '../../resources/trust');
const files = readdirSync(folder).filter((f) => f.endsWith('.der')).sort();

describe('shipped trusted roots', () => {
  it('the embedded list is exactly the DER files in resources/trust/', () => {
    expect(Object.keys(KNOWN_ROOTS_DER).sort()).toEqual(files);
    for (const f of files) expect(Buffer.from(KNOWN_ROOTS_DER[f]!, 'base64').equals(readFileSync(path.join(folder, f))), `${f} differs from its embedded copy`).toBe(true);
  });

  it('each is a self-signed CA, listed in the README with its SHA-256 fingerprint', () => {
    const readme = readFileSync(path.join(folder, 'README.md'), 'utf8');
    expect(knownRoots()).toHaveLength(files.length);
    for (const f of files) {
      const c = new X509Certificate(readFileSync(path.join(folder, f)));
      expect(c.ca, f).toBe(true);
      expect(c.checkIssued(c) && c.verify(c.publicKey), `${f} is self-signed`).toBe(true);
      const row = readme.split('\n').find((l) => l.includes(`\`${f}\``));
      expect(row, `${f} in the README`).toBeDefined();
      expect(row).toContain(c.fingerprint256.replace(/:/g, ''));
    }
  });

  it('DigiCert Trusted Root G4, the root of Trend Micro\'s recent signatures, is among them', () => {
    expect(knownRoots().map((c) => c.subject)).toContainEqual(expect.stringContaining('CN=DigiCert Trusted Root G4'));
  });
});
