/**
 * X.509 certificates as the trust check sees them: node:crypto parses and verifies them; node-forge
 * reads the two fields Node does not expose (the issuer name's DER and the subject key identifier),
 * which a PKCS#7 signer uses to name its certificate.
 */
import { X509Certificate } from 'node:crypto';
import { OID, bytes, der, isContext, kids, oidOf, parseDer, tagged, valueBytes, type Asn1 } from './asn1.js';

export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** SHA-256 thumbprint, upper-case hex without separators (as Windows shows it). */
  sha256: string;
  notBefore: string;
  notAfter: string;
  serial: string;
}

export function oneLine(name: string): string {
  return name.split('\n').map((s) => s.trim()).filter(Boolean).join(', ');
}

/** The O= of a subject as Node prints it, with its escapes ("Trend Micro\\, Inc.") undone. */
export function organization(subject: string): string | null {
  const line = subject.split('\n').find((l) => l.startsWith('O='));
  return line ? line.slice(2).replace(/\\([0-9A-Fa-f]{2}|.)/g, (_, e: string) => (e.length === 2 ? String.fromCharCode(parseInt(e, 16)) : e)) : null;
}

/** Node prints validity as "Jan 15 12:00:00 2038 GMT". */
export const notBefore = (c: X509Certificate) => new Date(c.validFrom);
export const notAfter = (c: X509Certificate) => new Date(c.validTo);

export function summarize(c: X509Certificate): CertificateSummary {
  return {
    subject: oneLine(c.subject),
    issuer: oneLine(c.issuer),
    sha256: c.fingerprint256.replace(/:/g, ''),
    notBefore: notBefore(c).toISOString(),
    notAfter: notAfter(c).toISOString(),
    serial: c.serialNumber.toUpperCase(),
  };
}

/** The certificate's extended key usages, or null when it has no such extension (any use). */
export function extendedKeyUsages(c: X509Certificate): string[] | null {
  return c.keyUsage ?? null;
}

export const validAt = (c: X509Certificate, t: Date) => notBefore(c) <= t && t <= notAfter(c);

/** Did `issuer` sign `c`? Names and key identifiers first (checkIssued), then the signature itself. */
export function signedBy(c: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return c.checkIssued(issuer) && c.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** Signed with its own key under its own name (whatever its key usage says: a leaf can do this too). */
export function isSelfSigned(c: X509Certificate): boolean {
  try {
    return c.subject === c.issuer && c.verify(c.publicKey);
  } catch {
    return false;
  }
}

/** The same certificate, or the same CA re-issued (same name and key: a cross-certificate). */
export function sameKeyAndName(a: X509Certificate, b: X509Certificate): boolean {
  if (a.fingerprint256 === b.fingerprint256) return true;
  return a.subject === b.subject && a.publicKey.export({ type: 'spki', format: 'der' }).equals(b.publicKey.export({ type: 'spki', format: 'der' }));
}

const serialHex = (s: Buffer) => s.toString('hex').toUpperCase().replace(/^0+/, '');

/** Issuer name DER, serial and subject key identifier: what a SignerInfo's `sid` can name. */
function identifiers(c: X509Certificate): { issuer: Buffer; serial: string; ski: Buffer | null } {
  const tbs = kids(kids(parseDer(c.raw))[0]);
  const at = isContext(tbs[0], 0) ? 1 : 0; // [0] version
  let ski: Buffer | null = null;
  for (const ext of kids(kids(tbs.find((n) => isContext(n, 3)))[0])) {
    const parts = kids(ext);
    if (oidOf(parts[0]) === OID.subjectKeyIdentifier) ski = valueBytes(parseDer(valueBytes(parts[parts.length - 1])));
  }
  return { issuer: der(tbs[at + 2]!), serial: serialHex(valueBytes(tbs[at])), ski };
}

/**
 * The certificate a SignerInfo's `sid` names: IssuerAndSerialNumber (issuer and serial must both
 * match) or [0] SubjectKeyIdentifier.
 */
export function findSigner(sid: Asn1 | undefined, certificates: X509Certificate[]): X509Certificate | null {
  if (!sid) return null;
  const byKey = typeof sid.value === 'string' ? bytes(sid.value) : null;
  for (const c of certificates) {
    let id: ReturnType<typeof identifiers>;
    try {
      id = identifiers(c);
    } catch {
      continue;
    }
    if (byKey) {
      if (id.ski?.equals(byKey)) return c;
      continue;
    }
    const [issuer, serial] = kids(sid);
    if (issuer && serial && der(issuer).equals(id.issuer) && serialHex(valueBytes(serial)) === id.serial) return c;
  }
  return null;
}

/** Certificates carried in a SignedData's [0] set (other certificate formats are skipped). */
export function carriedCertificates(signedData: Asn1 | undefined): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (const node of kids(tagged(signedData, 0))) {
    try {
      out.push(new X509Certificate(der(node)));
    } catch {
      // An attribute certificate or garbage: not part of any chain.
    }
  }
  return out;
}
