/**
 * The time a signature was made, from a timestamp in the signer's unsigned attributes. Signed
 * programs outlive their signing certificates; a timestamp shows the signature was made while the
 * certificate was valid — but only a verified one: it must stamp this signature's value, its own
 * signature must verify, and its signer must be a timestamping certificate whose chain holds.
 *  - RFC 3161 token (szOID_RFC3161_counterSign): SignedData over a TSTInfo whose messageImprint is
 *    the hash of the signature value;
 *  - legacy Authenticode countersignature (PKCS #9): a SignerInfo over the signature value, its
 *    certificates in the outer SignedData, the time in its signingTime attribute.
 */
import { createHash, type X509Certificate } from 'node:crypto';
import { DIGESTS, OID, asn1Time, attributeValues, kids, oidOf, parseDer, tagged, valueBytes, type Asn1 } from './asn1.js';
import { buildChain, type ChainInfo } from './chain.js';
import { carriedCertificates, summarize, type CertificateSummary } from './certificates.js';
import { checkSignerInfo } from './signer-info.js';

export interface TimestampInfo {
  kind: 'rfc3161' | 'authenticode';
  /** The time the timestamp states (ISO), when readable. */
  time: string | null;
  /** It stamps this signature and its own signature verifies with a timestamping certificate. */
  verified: boolean;
  signer: CertificateSummary | null;
  /** The timestamp signer's chain, judged at the stated time. */
  chain: ChainInfo | null;
  problem: string | null;
}

export interface TimestampContext {
  /** The signature value being stamped. */
  signatureValue: Buffer;
  /** Certificates of the signature the timestamp sits in. */
  outerCertificates: X509Certificate[];
  roots: readonly X509Certificate[];
}

/** The first timestamp in these unsigned attributes (RFC 3161 preferred), or null when none. */
export function readTimestamp(unsignedAttrs: Asn1 | undefined, ctx: TimestampContext): TimestampInfo | null {
  const token = attributeValues(unsignedAttrs, OID.rfc3161CounterSign)[0];
  if (token) return guard('rfc3161', () => rfc3161(token, ctx));
  const counter = attributeValues(unsignedAttrs, OID.counterSignature)[0];
  if (counter) return guard('authenticode', () => countersignature(counter, ctx));
  return null;
}

function guard(kind: TimestampInfo['kind'], read: () => TimestampInfo): TimestampInfo {
  try {
    return read();
  } catch (e) {
    return { kind, time: null, verified: false, signer: null, chain: null, problem: `unreadable timestamp: ${(e as Error).message}` };
  }
}

function rfc3161(contentInfo: Asn1, ctx: TimestampContext): TimestampInfo {
  const signedData = kids(tagged(contentInfo, 0))[0];
  const parts = kids(signedData);
  const [eType, eContent] = kids(parts[2]);
  if (oidOf(eType) !== OID.tstInfo) throw new Error('not a TSTInfo');
  const tstDer = valueBytes(kids(eContent)[0]);
  const tst = kids(parseDer(tstDer));
  // version, policy, messageImprint, serialNumber, genTime, ...
  const [imprintAlg, imprint] = kids(tst[2]);
  const imprintDigest = DIGESTS[oidOf(kids(imprintAlg)[0])];
  const time = asn1Time(tst[4]);
  const certificates = [...carriedCertificates(signedData), ...ctx.outerCertificates];
  const signer = checkSignerInfo(kids(parts[parts.length - 1])[0], tstDer, certificates);
  let problem = signer.problem;
  if (!imprintDigest || !valueBytes(imprint).equals(createHash(imprintDigest).update(ctx.signatureValue).digest())) problem ??= 'the timestamp stamps another signature';
  return finish('rfc3161', time, signer.certificate, signer.valid && problem === null, problem, certificates, ctx);
}

function countersignature(signerInfo: Asn1, ctx: TimestampContext): TimestampInfo {
  const signer = checkSignerInfo(signerInfo, ctx.signatureValue, ctx.outerCertificates);
  const time = asn1Time(attributeValues(signer.signedAttrs, OID.signingTime)[0]);
  return finish('authenticode', time, signer.certificate, signer.valid, signer.problem, ctx.outerCertificates, ctx);
}

function finish(kind: TimestampInfo['kind'], time: Date | null, cert: X509Certificate | null, valid: boolean, problem: string | null, certificates: X509Certificate[], ctx: TimestampContext): TimestampInfo {
  if (!time) return { kind, time: null, verified: false, signer: cert ? summarize(cert) : null, chain: null, problem: problem ?? 'no time in the timestamp' };
  const chain = cert ? buildChain(cert, certificates, { roots: ctx.roots, at: time, purpose: OID.timeStamping }) : null;
  const verified = valid && !!chain?.purposeAllowed;
  if (valid && !verified) problem ??= 'the timestamp signer is not a timestamping certificate';
  return { kind, time: time.toISOString(), verified, signer: cert ? summarize(cert) : null, chain, problem };
}
