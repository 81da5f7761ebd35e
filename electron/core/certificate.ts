/**
 * OfcNTCer.dat is an X.509 certificate (Trend's own check renames it to .cer and reads its serial:
 * KA-0010504). DER or PEM is not documented (docs/vendor-facts.md "Certificates": U), so both are accepted.
 * Parsing uses Node's X509Certificate (OpenSSL underneath): it reads RSA and EC keys alike, where
 * node-forge stops at non-RSA keys; node-forge makes the test certificates.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { CertificateProblem } from './errors.js';

export interface CertificateInfo {
  format: 'der' | 'pem';
  /** Hex, upper case, no separators: as Windows shows it. */
  serial: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  /** Thumbprints of the certificate itself (DER), hex upper case. */
  sha1: string;
  sha256: string;
}

/** Why a file is not a usable certificate, as a code (errors.ts): messages.ts words it in the user's language. */
export class CertificateParseError extends Error {
  constructor(readonly problem: CertificateProblem) {
    super(problem);
  }
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** Windows-style "CN=x, O=y" from OpenSSL's one-attribute-per-line form. */
function oneLine(name: string): string {
  return name
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(', ');
}

function isoDate(openssl: string): string {
  const t = Date.parse(openssl);
  return Number.isNaN(t) ? openssl : new Date(t).toISOString();
}

export function parseCertificate(bytes: Buffer): CertificateInfo {
  if (bytes.length === 0) throw new CertificateParseError('empty');
  const text = bytes.subarray(0, 64 * 1024).toString('latin1');
  const pem = PEM_BLOCK.exec(text);
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem ? Buffer.from(pem[0], 'latin1') : bytes);
  } catch {
    throw new CertificateParseError('not-certificate');
  }
  const der = cert.raw;
  return {
    format: pem ? 'pem' : 'der',
    serial: cert.serialNumber.toUpperCase(),
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    notBefore: isoDate(cert.validFrom),
    notAfter: isoDate(cert.validTo),
    sha1: createHash('sha1').update(der).digest('hex').toUpperCase(),
    sha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
  };
}

/** An OfcNTCer.dat as read: the file's own SHA-256 (what copies are compared by) and its certificate. */
export interface CertificateFile {
  sha256File: string;
  certificate: CertificateInfo;
}

/** Throws CertificateParseError for a file that is not a certificate. */
export function readCertificateBytes(bytes: Buffer): CertificateFile {
  return { sha256File: createHash('sha256').update(bytes).digest('hex').toUpperCase(), certificate: parseCertificate(bytes) };
}

/** Whole days from `now` until the certificate expires (negative once expired). */
export function daysLeft(info: Pick<CertificateInfo, 'notAfter'>, now: Date): number {
  return Math.floor((Date.parse(info.notAfter) - now.getTime()) / 86_400_000);
}

/** A certificate is a few KiB; OfcNTCer.dat larger than this is refused by its size, unread. */
export const MAX_CERTIFICATE_BYTES = 1024 * 1024;

/**
 * The bytes of a certificate file, refused by its size before reading (CertificateParseError
 * `too-large`): a 2 GB file named OfcNTCer.dat on a share would otherwise be read whole into
 * memory. Reads at most MAX_CERTIFICATE_BYTES + 1, so a file growing meanwhile is refused too.
 * OS errors are thrown as they are (ENOENT, EACCES...).
 */
export async function readCertificateFile(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_CERTIFICATE_BYTES) throw new CertificateParseError('too-large');
    const buffer = Buffer.alloc(MAX_CERTIFICATE_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = (await handle.read(buffer, length, buffer.length - length, length)).bytesRead;
    if (length > MAX_CERTIFICATE_BYTES) throw new CertificateParseError('too-large');
    return Buffer.from(buffer.subarray(0, length));
  } finally {
    await handle.close();
  }
}

/**
 * A SHA-1 thumbprint the way Windows' certificate dialog (Details → Thumbprint) shows it, so staff
 * can hold it against the server's: lower-case hex in pairs separated by spaces, as Microsoft's
 * "How to: Retrieve the Thumbprint of a Certificate" shows the dialog's value ("a9 09 50 2d …",
 * https://learn.microsoft.com/dotnet/framework/wcf/feature-details/how-to-retrieve-the-thumbprint-of-a-certificate).
 * Newer Windows builds may show the same digits without the spaces (not confirmed from a source
 * here); PowerShell's `Thumbprint` is the same digits in upper case. The digits are what to compare.
 */
export function windowsThumbprint(sha1: string): string {
  return (sha1.toLowerCase().match(/[0-9a-f]{2}/g) ?? []).join(' ');
}
