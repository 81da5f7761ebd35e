/**
 * One Authenticode signature (a PKCS #7 SignedData from the certificate table) read and checked:
 *  1. SpcIndirectDataContent holds the PE digest the signer signed (compared with the file's own
 *     digest after one streamed pass: see `expected`);
 *  2. the SignerInfo's messageDigest covers SpcIndirectDataContent and its signature verifies;
 *  3. the signer's chain is built through the carried certificates, judged at the time of a
 *     verified timestamp when there is one (signed programs outlive their certificates), else now;
 *  4. nested signatures (dual SHA-1 / SHA-256 signing) are read the same way.
 */
import type { X509Certificate } from 'node:crypto';
import { DIGESTS, OID, attributeValues, contentOctets, der, kids, oidOf, parseDer, valueBytes } from './asn1.js';
import { buildChain, type ChainInfo } from './chain.js';
import { carriedCertificates, extendedKeyUsages, organization, summarize, type CertificateSummary } from './certificates.js';
import { checkSignerInfo } from './signer-info.js';
import { readTimestamp, type TimestampInfo } from './timestamp.js';

export interface SignatureInfo {
  digestAlgorithm: string;
  /** The PE digest recomputed from the file equals the signed one. */
  digestMatched: boolean;
  /** The signer's signature over the signed attributes verifies. */
  signatureValid: boolean;
  /** False when the signature could not be read at all (a damaged table or an unknown format). */
  readable: boolean;
  signer: (CertificateSummary & { organization: string | null }) | null;
  timestamp: TimestampInfo | null;
  /** The signer's chain, judged at `validAt`. */
  chain: ChainInfo | null;
  /** `timestamp`: a verified timestamp's time; `now`: the time of the check. */
  validAt: 'timestamp' | 'now';
  /** Signatures nested inside this one (dual SHA-1 / SHA-256 signing). */
  nested: SignatureInfo[];
  problem: string | null;
}

export interface SignatureContext {
  roots: readonly X509Certificate[];
  now: Date;
  /** Windows judges the roots (its Status must be Valid): chains need not end in `roots`. */
  osAuthority: boolean;
  /** Collected while reading: the PE digest each signature expects, compared after hashing. */
  expected: { info: SignatureInfo; algorithm: string; digest: Buffer }[];
}

const unreadable = (problem: string): SignatureInfo => ({
  digestAlgorithm: 'unknown',
  digestMatched: false,
  signatureValid: false,
  readable: false,
  signer: null,
  timestamp: null,
  chain: null,
  validAt: 'now',
  nested: [],
  problem,
});

export function readSignature(blob: Buffer, ctx: SignatureContext): SignatureInfo {
  try {
    return read(blob, ctx);
  } catch (e) {
    return unreadable((e as Error).message);
  }
}

/** A timestamp counts when it verifies and its signer's chain holds at the time it states. */
function timestampCounts(t: TimestampInfo | null, ctx: SignatureContext): t is TimestampInfo & { time: string } {
  const c = t?.chain;
  return !!t?.verified && !!t.time && !!c && !c.problem && !c.selfSigned && c.outOfValidity.length === 0 && (ctx.osAuthority || c.end === 'known-root');
}

function read(blob: Buffer, ctx: SignatureContext): SignatureInfo {
  const [typeNode, wrapped] = kids(parseDer(blob));
  if (oidOf(typeNode) !== OID.signedData) throw new Error('not PKCS#7 SignedData');
  const signedData = kids(wrapped)[0];
  const parts = kids(signedData);
  // version, digestAlgorithms, contentInfo, [0] certificates?, [1] crls?, signerInfos
  const [encapType, encapWrapped] = kids(parts[2]);
  if (oidOf(encapType) !== OID.spcIndirectData) throw new Error('not an Authenticode signature');
  const indirect = kids(encapWrapped)[0]!;
  const [digestAlg, digestValue] = kids(kids(indirect)[1]);
  const algorithm = DIGESTS[oidOf(kids(digestAlg)[0])];
  if (!algorithm) throw new Error('unknown digest algorithm');
  const info: SignatureInfo = { ...unreadable(''), digestAlgorithm: algorithm, readable: true, problem: null };
  ctx.expected.push({ info, algorithm, digest: valueBytes(digestValue) });

  const certificates = carriedCertificates(signedData);
  const signer = checkSignerInfo(kids(parts[parts.length - 1])[0], contentOctets(indirect), certificates);
  info.signatureValid = signer.valid;
  info.problem = signer.problem;
  const cert = signer.certificate;
  if (cert) {
    info.signer = { ...summarize(cert), organization: organization(cert.subject) };
    info.timestamp = readTimestamp(signer.unsignedAttrs, { signatureValue: signer.signatureValue, outerCertificates: certificates, roots: ctx.roots });
    // Lifetime signing: Windows ignores the timestamp once the certificate has expired.
    const lifetime = extendedKeyUsages(cert)?.includes(OID.lifetimeSigning) ?? false;
    const stamped = !lifetime && timestampCounts(info.timestamp, ctx);
    info.validAt = stamped ? 'timestamp' : 'now';
    info.chain = buildChain(cert, certificates, { roots: ctx.roots, at: stamped ? new Date(info.timestamp!.time!) : ctx.now, purpose: OID.codeSigning });
  }
  for (const nested of attributeValues(signer.unsignedAttrs, OID.nestedSignature)) info.nested.push(readSignature(der(nested), ctx));
  return info;
}
