/** Reads the server's OfcNTCer.dat as `source` found it: the bytes every later step compares with. */
import { CertificateParseError, readCertificateBytes, readCertificateFile, type CertificateFile } from '../certificate.js';
import { FixError } from '../errors.js';
import type { ServerFiles } from '../server-files.js';

export async function readServerCertificate(files: ServerFiles): Promise<CertificateFile> {
  const cert = files.certificate!;
  let bytes: Buffer;
  try {
    bytes = await readCertificateFile(cert.local);
  } catch (e) {
    if (e instanceof CertificateParseError) throw new FixError({ code: 'certificate-invalid', path: cert.display, reason: e.problem });
    throw new FixError({ code: 'source-unreadable', path: cert.display, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  try {
    return readCertificateBytes(bytes);
  } catch (e) {
    if (e instanceof CertificateParseError) throw new FixError({ code: 'certificate-invalid', path: cert.display, reason: e.problem });
    throw e;
  }
}
