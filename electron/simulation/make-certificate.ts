/**
 * Certificates for the training mode and tests, shaped like the server's (docs/vendor-facts.md "Certificates":
 * subject "OfficeScan Server NTSG", valid three years). node-forge builds them; Node makes the RSA
 * key, which is many times faster than forge's pure-JS key generation.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface MadeCertificate {
  der: Buffer;
  pem: string;
  serial: string;
  /** The private key (PKCS#8 PEM), for signing test programs. */
  keyPem: string;
}

export function makeCertificate(o: { commonName?: string; organization?: string; notBefore?: Date; years?: number; serial?: string; codeSigning?: boolean } = {}): MadeCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // A positive, minimally encoded DER integer: top bit clear, first byte not zero.
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  cert.serialNumber = o.serial ?? serial.toString('hex');
  const from = o.notBefore ?? new Date(Date.now() - 86_400_000);
  const to = new Date(from);
  to.setFullYear(from.getFullYear() + (o.years ?? 3));
  cert.validity.notBefore = from;
  cert.validity.notAfter = to;
  const name = [{ name: 'commonName', value: o.commonName ?? 'OfficeScan Server NTSG' }, ...(o.organization ? [{ name: 'organizationName', value: o.organization }] : [])];
  cert.setSubject(name);
  cert.setIssuer(name);
  if (o.codeSigning) cert.setExtensions([{ name: 'extKeyUsage', codeSigning: true }, { name: 'keyUsage', digitalSignature: true }]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()), forge.md.sha256.create());
  const pem = forge.pki.certificateToPem(cert);
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return { der, pem, serial: cert.serialNumber.toUpperCase(), keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}
