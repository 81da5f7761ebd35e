/**
 * The few ASN.1 helpers the Authenticode reader needs, over node-forge's DER parser: children of a
 * node, OIDs, tagged children, attributes, times. Nothing here trusts anything.
 */
import forge from 'node-forge';

export type Asn1 = forge.asn1.Asn1;

export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  spcIndirectData: '1.3.6.1.4.1.311.2.1.4',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** PKCS #9 countersignature: the legacy Authenticode timestamp. */
  counterSignature: '1.2.840.113549.1.9.6',
  /** szOID_RFC3161_counterSign: an RFC 3161 timestamp token in Authenticode. */
  rfc3161CounterSign: '1.3.6.1.4.1.311.3.3.1',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  nestedSignature: '1.3.6.1.4.1.311.2.4.1',
  subjectKeyIdentifier: '2.5.29.14',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  anyExtendedKeyUsage: '2.5.29.37.0',
  /** Microsoft "lifetime signing": the signature ends with the certificate, timestamp or not. */
  lifetimeSigning: '1.3.6.1.4.1.311.10.3.13',
} as const;

export const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.2.840.113549.2.5': 'md5',
};

export const kids = (n: Asn1 | undefined): Asn1[] => (Array.isArray(n?.value) ? (n!.value as Asn1[]) : []);
export const bytes = (s: string) => Buffer.from(s, 'binary');
export const der = (n: Asn1) => bytes(forge.asn1.toDer(n).getBytes());

export function oidOf(n: Asn1 | undefined): string {
  if (!n || n.type !== forge.asn1.Type.OID || typeof n.value !== 'string') throw new Error('expected an OID');
  return forge.asn1.derToOid(n.value);
}

/** The bytes of a primitive node (an OCTET STRING, an INTEGER...); constructed strings are joined. */
export function valueBytes(n: Asn1 | undefined): Buffer {
  if (!n) throw new Error('missing value');
  if (typeof n.value === 'string') return bytes(n.value);
  return Buffer.concat(kids(n).map(valueBytes));
}

/** Context-specific [tag] child of a node. */
export const tagged = (n: Asn1 | undefined, tag: number) => kids(n).find((k) => k.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && k.type === tag);

/** Parses one DER structure; bytes after it (signing tools pad to 8 bytes) are ignored. */
export function parseDer(buf: Buffer): Asn1 {
  // Bit strings stay as they are (keys, signatures), so re-encoding gives back the same bytes.
  return fromDer(forge.util.createBuffer(withoutPadding(buf).toString('binary')), { strict: true, parseAllBytes: true, decodeBitStrings: false });
}

/** forge accepts an options object (asn1.js fromDer); its type definitions only know the boolean form. */
declare module 'node-forge' {
  namespace asn1 {
    function fromDer(bytes: util.ByteStringBuffer, options: { strict: boolean; parseAllBytes: boolean; decodeBitStrings: boolean }): Asn1;
  }
}
const fromDer = forge.asn1.fromDer;

function withoutPadding(blob: Buffer): Buffer {
  if (blob.length < 2) return blob;
  const first = blob[1]!;
  if (!(first & 0x80)) return blob.subarray(0, 2 + first);
  const n = first & 0x7f;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + (blob[2 + i] ?? 0);
  return blob.subarray(0, 2 + n + length);
}

/** The value bytes of a DER node (what Authenticode hashes for SpcIndirectDataContent). */
export function contentOctets(n: Asn1): Buffer {
  const all = der(n);
  const first = all[1]!;
  return all.subarray(first & 0x80 ? 2 + (first & 0x7f) : 2);
}

/** The values of attribute `oid` in a SET OF Attribute ([0] signed or [1] unsigned attributes). */
export function attributeValues(attrs: Asn1 | undefined, oid: string): Asn1[] {
  const out: Asn1[] = [];
  for (const attr of kids(attrs)) {
    try {
      if (oidOf(kids(attr)[0]) === oid) out.push(...kids(kids(attr)[1]));
    } catch {
      // An attribute we cannot read is not the one we look for.
    }
  }
  return out;
}

/** A UTCTime or GeneralizedTime node as a Date (null when it is neither or unreadable). */
export function asn1Time(n: Asn1 | undefined): Date | null {
  if (!n || typeof n.value !== 'string') return null;
  const d =
    n.type === forge.asn1.Type.UTCTIME ? forge.asn1.utcTimeToDate(n.value) : n.type === forge.asn1.Type.GENERALIZEDTIME ? forge.asn1.generalizedTimeToDate(n.value) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

export const isContext = (n: Asn1 | undefined, tag: number) => n?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === tag;
export const isOctetString = (n: Asn1 | undefined) => n?.tagClass === forge.asn1.Class.UNIVERSAL && n.type === forge.asn1.Type.OCTETSTRING;
