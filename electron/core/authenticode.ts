/**
 * Who signed a Windows program, checked in TypeScript before it runs: a file merely named IpXfer
 * must not be run as administrator. Follows Microsoft's Authenticode PE format:
 *  1. the PE certificate table (data directory 4) holds WIN_CERTIFICATE entries with PKCS#7
 *     SignedData (parsed with node-forge's ASN.1 reader);
 *  2. the PE's own digest (the file without its checksum, the certificate-table directory entry and
 *     the table itself) must equal the digest inside SpcIndirectDataContent;
 *  3. the signed attributes' messageDigest must match SpcIndirectDataContent, and the signer's
 *     signature over the signed attributes must verify with its certificate's key (node:crypto,
 *     RSA and EC alike: node-forge parses PKCS#7 but does not verify it).
 * Certificate chains and revocation are the OS's business (Get-AuthenticodeSignature on Windows).
 */
import { X509Certificate, createHash, verify as verifySignature } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import forge from 'node-forge';

export type PublisherOutcome = 'trusted' | 'unsigned' | 'tampered' | 'other-signer';

/** The organisation that must have signed IpXfer and DatFHS. */
export const TREND_MICRO_ORGANIZATION = 'Trend Micro, Inc.';

export interface SignatureInfo {
  digestAlgorithm: string;
  /** The PE digest recomputed from the file equals the signed one. */
  digestMatched: boolean;
  /** The signer's signature over the signed attributes verifies. */
  signatureValid: boolean;
  signer: { subject: string; issuer: string; organization: string | null; notBefore: string; notAfter: string; serial: string } | null;
  /** Signatures nested inside this one (dual SHA-1 / SHA-256 signing). */
  nested: SignatureInfo[];
  problem: string | null;
}

export interface PublisherCheck {
  file: string;
  outcome: PublisherOutcome;
  /** False for a file that is not a Windows program at all (e.g. a script). */
  isPe: boolean;
  signatures: SignatureInfo[];
  problem: string | null;
}

interface PeLayout {
  checksumOffset: number;
  certDirOffset: number;
  certTable: { offset: number; size: number } | null;
}

class PeError extends Error {}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  spcIndirectData: '1.3.6.1.4.1.311.2.1.4',
  messageDigest: '1.2.840.113549.1.9.4',
  nestedSignature: '1.3.6.1.4.1.311.2.4.1',
} as const;

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.2.840.113549.2.5': 'md5',
};

/** Where the checksum and the certificate table are, from the PE headers. */
export function peLayout(buf: Buffer): PeLayout {
  if (buf.length < 0x40 || buf.readUInt16LE(0) !== 0x5a4d) throw new PeError('no MZ header');
  const pe = buf.readUInt32LE(0x3c);
  if (pe + 24 > buf.length || buf.readUInt32LE(pe) !== 0x00004550) throw new PeError('no PE header');
  const opt = pe + 24;
  if (opt + 2 > buf.length) throw new PeError('truncated optional header');
  const magic = buf.readUInt16LE(opt);
  if (magic !== 0x10b && magic !== 0x20b) throw new PeError('unknown optional header');
  const pe32plus = magic === 0x20b;
  const numberOfDirs = opt + (pe32plus ? 108 : 92);
  const dirs = opt + (pe32plus ? 112 : 96);
  const certDirOffset = dirs + 4 * 8;
  if (certDirOffset + 8 > buf.length) throw new PeError('truncated data directories');
  if (buf.readUInt32LE(numberOfDirs) < 5) return { checksumOffset: opt + 64, certDirOffset, certTable: null };
  const offset = buf.readUInt32LE(certDirOffset);
  const size = buf.readUInt32LE(certDirOffset + 4);
  if (offset === 0 || size === 0) return { checksumOffset: opt + 64, certDirOffset, certTable: null };
  if (offset + size > buf.length || offset < certDirOffset + 8) throw new PeError('certificate table outside the file');
  return { checksumOffset: opt + 64, certDirOffset, certTable: { offset, size } };
}

/** Authenticode PE digest: everything but the checksum, the table's directory entry and the table. */
export function peDigest(buf: Buffer, layout: PeLayout, algorithm: string): Buffer {
  const h = createHash(algorithm);
  h.update(buf.subarray(0, layout.checksumOffset));
  h.update(buf.subarray(layout.checksumOffset + 4, layout.certDirOffset));
  const end = layout.certTable ? layout.certTable.offset : buf.length;
  h.update(buf.subarray(layout.certDirOffset + 8, end));
  if (layout.certTable) h.update(buf.subarray(layout.certTable.offset + layout.certTable.size));
  return h.digest();
}

/** The PKCS#7 blobs in the certificate table (WIN_CERT_TYPE_PKCS_SIGNED_DATA entries, 8-byte aligned). */
function signedDataBlobs(buf: Buffer, table: { offset: number; size: number }): Buffer[] {
  const blobs: Buffer[] = [];
  let at = table.offset;
  const end = table.offset + table.size;
  while (at + 8 <= end) {
    const length = buf.readUInt32LE(at);
    const type = buf.readUInt16LE(at + 6);
    if (length < 8 || at + length > end) break;
    if (type === 0x0002) blobs.push(buf.subarray(at + 8, at + length));
    at += (length + 7) & ~7;
  }
  return blobs;
}

type Asn1 = forge.asn1.Asn1;
const kids = (n: Asn1 | undefined): Asn1[] => (Array.isArray(n?.value) ? (n!.value as Asn1[]) : []);
const oidOf = (n: Asn1 | undefined) => forge.asn1.derToOid(n!.value as string);
const bytes = (s: string) => Buffer.from(s, 'binary');
const der = (n: Asn1) => bytes(forge.asn1.toDer(n).getBytes());
/** Context-specific [n] child of a node. */
const tagged = (n: Asn1 | undefined, tag: number) => kids(n).find((k) => k.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && k.type === tag);

function oneLine(name: string): string {
  return name.split('\n').map((s) => s.trim()).filter(Boolean).join(', ');
}

/** The O= of a subject as Node prints it, with its escapes ("Trend Micro\\, Inc.") undone. */
function organization(subject: string): string | null {
  const line = subject.split('\n').find((l) => l.startsWith('O='));
  return line ? line.slice(2).replace(/\\([0-9A-Fa-f]{2}|.)/g, (_, e: string) => (e.length === 2 ? String.fromCharCode(parseInt(e, 16)) : e)) : null;
}

/** Signing tools pad the PKCS#7 blob to 8 bytes: keep only the DER structure itself. */
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
function contentOctets(n: Asn1): Buffer {
  const all = der(n);
  let i = 1;
  const first = all[i]!;
  i += first & 0x80 ? 1 + (first & 0x7f) : 1;
  return all.subarray(i);
}

function parseSignedData(blob: Buffer, file: Buffer, layout: PeLayout): SignatureInfo {
  const info: SignatureInfo = { digestAlgorithm: 'unknown', digestMatched: false, signatureValid: false, signer: null, nested: [], problem: null };
  const contentInfo = forge.asn1.fromDer(forge.util.createBuffer(withoutPadding(blob).toString('binary')));
  const [typeNode, wrapped] = kids(contentInfo);
  if (!typeNode || oidOf(typeNode) !== OID.signedData) throw new Error('not PKCS#7 SignedData');
  const signedData = kids(wrapped)[0];
  const parts = kids(signedData);
  // version, digestAlgorithms, contentInfo, [0] certificates?, [1] crls?, signerInfos
  const encap = parts[2];
  const [encapType, encapWrapped] = kids(encap);
  if (!encapType || oidOf(encapType) !== OID.spcIndirectData) throw new Error('not an Authenticode signature');
  const indirect = kids(encapWrapped)[0]!;
  const digestInfo = kids(indirect)[1];
  const [digestAlg, digestValue] = kids(digestInfo);
  const algorithm = DIGESTS[oidOf(kids(digestAlg)[0])] ?? 'unknown';
  info.digestAlgorithm = algorithm;
  if (algorithm === 'unknown') throw new Error('unknown digest algorithm');
  info.digestMatched = peDigest(file, layout, algorithm).equals(bytes(digestValue!.value as string));

  const certificates = kids(tagged(signedData, 0)).map((c) => new X509Certificate(der(c)));
  const signerInfo = kids(parts[parts.length - 1])[0];
  const [, issuerAndSerial, signerDigestAlg, ...rest] = kids(signerInfo);
  const serialHex = bytes(kids(issuerAndSerial)[1]!.value as string).toString('hex').toUpperCase().replace(/^0+/, '');
  const signer = certificates.find((c) => c.serialNumber.toUpperCase().replace(/^0+/, '') === serialHex) ?? null;
  if (signer) {
    info.signer = {
      subject: oneLine(signer.subject),
      issuer: oneLine(signer.issuer),
      organization: organization(signer.subject),
      notBefore: new Date(signer.validFrom).toISOString(),
      notAfter: new Date(signer.validTo).toISOString(),
      serial: signer.serialNumber.toUpperCase(),
    };
  }
  const signedAttrs = rest.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const encryptedDigest = rest.find((n) => n.tagClass === forge.asn1.Class.UNIVERSAL && n.type === forge.asn1.Type.OCTETSTRING);
  const unsigned = rest.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 1);
  const signerAlgorithm = DIGESTS[oidOf(kids(signerDigestAlg)[0])] ?? algorithm;

  if (signedAttrs && encryptedDigest && signer) {
    const messageDigest = kids(signedAttrs).find((a) => oidOf(kids(a)[0]) === OID.messageDigest);
    const expected = messageDigest ? bytes(kids(kids(messageDigest)[1])[0]!.value as string) : null;
    const actual = createHash(signerAlgorithm).update(contentOctets(indirect)).digest();
    // The signature covers the attributes re-tagged as a SET OF (RFC 5652 5.4).
    const attrs = der(signedAttrs);
    attrs[0] = 0x31;
    let valid = false;
    try {
      valid = verifySignature(signerAlgorithm, attrs, signer.publicKey, bytes(encryptedDigest.value as string));
    } catch {
      valid = false;
    }
    info.signatureValid = !!expected && expected.equals(actual) && valid;
  } else {
    info.problem = signer ? 'no signed attributes' : 'signer certificate missing';
  }

  for (const attr of kids(unsigned)) {
    if (oidOf(kids(attr)[0]) !== OID.nestedSignature) continue;
    for (const nested of kids(kids(attr)[1])) {
      try {
        info.nested.push(parseSignedData(der(nested), file, layout));
      } catch (e) {
        info.nested.push({ digestAlgorithm: 'unknown', digestMatched: false, signatureValid: false, signer: null, nested: [], problem: (e as Error).message });
      }
    }
  }
  return info;
}

function judge(signatures: SignatureInfo[]): PublisherOutcome {
  const all = signatures.flatMap(function flat(s): SignatureInfo[] {
    return [s, ...s.nested.flatMap(flat)];
  });
  if (all.length === 0) return 'unsigned';
  // Any signature that does not hold means the file changed after signing.
  if (all.some((s) => !s.digestMatched || !s.signatureValid)) return 'tampered';
  return all.every((s) => s.signer?.organization === TREND_MICRO_ORGANIZATION) ? 'trusted' : 'other-signer';
}

export function checkPublisherBytes(file: string, buf: Buffer): PublisherCheck {
  let layout: PeLayout;
  try {
    layout = peLayout(buf);
  } catch (e) {
    return { file, outcome: 'unsigned', isPe: false, signatures: [], problem: (e as Error).message };
  }
  if (!layout.certTable) return { file, outcome: 'unsigned', isPe: true, signatures: [], problem: null };
  const signatures: SignatureInfo[] = [];
  for (const blob of signedDataBlobs(buf, layout.certTable)) {
    try {
      signatures.push(parseSignedData(blob, buf, layout));
    } catch (e) {
      signatures.push({ digestAlgorithm: 'unknown', digestMatched: false, signatureValid: false, signer: null, nested: [], problem: (e as Error).message });
    }
  }
  if (signatures.length === 0) return { file, outcome: 'tampered', isPe: true, signatures, problem: 'certificate table holds no signature' };
  return { file, outcome: judge(signatures), isPe: true, signatures, problem: null };
}

export async function checkPublisher(file: string): Promise<PublisherCheck> {
  return checkPublisherBytes(file, await readFile(file));
}
