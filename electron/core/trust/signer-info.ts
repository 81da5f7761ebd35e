/**
 * One CMS SignerInfo (RFC 5652 5.3) checked against the content it signs: the signed attributes'
 * messageDigest must equal the content's digest, and the signature over those attributes must
 * verify with the signer certificate's key (node:crypto: RSA PKCS #1 v1.5 and ECDSA). Used for the
 * Authenticode signature, an RFC 3161 timestamp token and a legacy countersignature alike.
 */
import { createHash, verify as verifySignature, type X509Certificate } from 'node:crypto';
import { DIGESTS, OID, attributeValues, der, isContext, isOctetString, kids, oidOf, valueBytes, type Asn1 } from './asn1.js';
import { findSigner } from './certificates.js';

export interface SignerCheck {
  certificate: X509Certificate | null;
  digestAlgorithm: string;
  /** The messageDigest attribute matches the content and the signature verifies. */
  valid: boolean;
  signedAttrs: Asn1 | undefined;
  unsignedAttrs: Asn1 | undefined;
  /** The signature value: what a timestamp stamps. */
  signatureValue: Buffer;
  problem: string | null;
}

export function checkSignerInfo(signerInfo: Asn1 | undefined, content: Buffer, certificates: X509Certificate[]): SignerCheck {
  // version, sid, digestAlgorithm, [0] signedAttrs?, signatureAlgorithm, signature, [1] unsignedAttrs?
  const [, sid, digestAlg, ...rest] = kids(signerInfo);
  const digestAlgorithm = DIGESTS[oidOf(kids(digestAlg)[0])] ?? 'unknown';
  const signedAttrs = rest.find((n) => isContext(n, 0));
  const unsignedAttrs = rest.find((n) => isContext(n, 1));
  const signature = rest.find(isOctetString);
  const certificate = findSigner(sid, certificates);
  const result: SignerCheck = { certificate, digestAlgorithm, valid: false, signedAttrs, unsignedAttrs, signatureValue: signature ? valueBytes(signature) : Buffer.alloc(0), problem: null };
  if (!certificate) return { ...result, problem: 'signer certificate missing' };
  if (digestAlgorithm === 'unknown') return { ...result, problem: 'unknown digest algorithm' };
  if (!signedAttrs || !signature) return { ...result, problem: 'no signed attributes' };
  const [messageDigest] = attributeValues(signedAttrs, OID.messageDigest);
  if (!messageDigest || !valueBytes(messageDigest).equals(createHash(digestAlgorithm).update(content).digest())) {
    return { ...result, problem: 'message digest does not match' };
  }
  // The signature covers the attributes re-tagged as a SET OF (RFC 5652 5.4).
  const attrs = der(signedAttrs);
  attrs[0] = 0x31;
  let valid = false;
  try {
    valid = verifySignature(digestAlgorithm, attrs, certificate.publicKey, result.signatureValue);
  } catch {
    valid = false;
  }
  return { ...result, valid, problem: valid ? null : 'signature does not verify' };
}
