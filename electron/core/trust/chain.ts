/**
 * A certificate chain from a signer up to a root: each link's signature verified with the next
 * certificate's key (node:crypto), issuers taken from the given roots first, then from the
 * certificates the signature carries. The chain is reported as found; trusting it is the
 * caller's decision (publisher.ts), so a broken chain is described, never thrown.
 */
import type { X509Certificate } from 'node:crypto';
import { OID } from './asn1.js';
import { extendedKeyUsages, isSelfSigned, oneLine, sameKeyAndName, signedBy, summarize, validAt, type CertificateSummary } from './certificates.js';

export interface ChainInfo {
  /** The signer first, then each issuer found: the root last when one was reached. */
  certificates: CertificateSummary[];
  /**
   * `known-root`: ends in one of the roots given to the check; `unknown-root`: ends in another
   * self-signed certificate; `missing-issuer`: the last certificate's issuer is not carried.
   */
  end: 'known-root' | 'unknown-root' | 'missing-issuer';
  /** The issuer the last certificate names, when it was not found. */
  missingIssuer: string | null;
  /** The signer signed its own certificate: anyone can make one, so never trusted. */
  selfSigned: boolean;
  /** The signer's certificate is made for this purpose (extended key usage). */
  purposeAllowed: boolean;
  /** The time validity was judged at. */
  validAt: string;
  /** Subjects of the certificates not valid at that time. */
  outOfValidity: string[];
  /** A certificate above the signer that may not issue for this purpose (not a CA, other usages). */
  problem: string | null;
}

export interface ChainOptions {
  roots: readonly X509Certificate[];
  /** When the certificates must have been valid: a verified timestamp's time, or now. */
  at: Date;
  /** The extended key usage the signer needs: OID.codeSigning or OID.timeStamping. */
  purpose: string;
}

/** Real code-signing chains have three or four certificates. */
const MAX_DEPTH = 8;

export function buildChain(leaf: X509Certificate, carried: readonly X509Certificate[], o: ChainOptions): ChainInfo {
  const path = [leaf];
  let end: ChainInfo['end'] = 'missing-issuer';
  let missingIssuer: string | null = null;
  const isKnownRoot = (c: X509Certificate) => o.roots.some((r) => sameKeyAndName(r, c));
  for (;;) {
    const current = path[path.length - 1]!;
    if (isKnownRoot(current)) {
      end = 'known-root';
      break;
    }
    if (isSelfSigned(current)) {
      end = 'unknown-root';
      break;
    }
    const issuer = path.length < MAX_DEPTH ? [...o.roots, ...carried].find((c) => !path.some((p) => p.fingerprint256 === c.fingerprint256) && signedBy(current, c)) : undefined;
    if (!issuer) {
      missingIssuer = oneLine(current.issuer);
      break;
    }
    path.push(issuer);
  }
  const allows = (ekus: string[] | null) => ekus === null || ekus.includes(o.purpose) || ekus.includes(OID.anyExtendedKeyUsage);
  let problem: string | null = null;
  for (const ca of path.slice(1)) {
    if (isKnownRoot(ca)) break;
    if (!ca.ca) problem ??= `${oneLine(ca.subject)} is not a certificate authority`;
    else if (!allows(extendedKeyUsages(ca))) problem ??= `${oneLine(ca.subject)} may not issue certificates for this use`;
  }
  return {
    certificates: path.map(summarize),
    end,
    missingIssuer,
    selfSigned: isSelfSigned(leaf),
    purposeAllowed: extendedKeyUsages(leaf)?.includes(o.purpose) ?? false,
    validAt: o.at.toISOString(),
    outOfValidity: path.filter((c) => !validAt(c, o.at)).map((c) => oneLine(c.subject)),
    problem,
  };
}
