import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { CertificateParseError, daysLeft, parseCertificate } from '../../electron/core/certificate.js';
import { certificates } from '../fixtures/world.js';

describe('OfcNTCer.dat', () => {
  const { server } = certificates();

  it('reads a DER certificate: serial, subject, validity, thumbprints', () => {
    const info = parseCertificate(server.der);
    expect(info.format).toBe('der');
    expect(info.serial).toBe(server.serial);
    expect(info.subject).toBe('CN=OfficeScan Server NTSG');
    expect(info.sha256).toBe(createHash('sha256').update(server.der).digest('hex').toUpperCase());
    expect(info.sha1).toHaveLength(40);
    expect(Date.parse(info.notAfter) - Date.parse(info.notBefore)).toBeGreaterThan(3 * 364 * 86_400_000);
  });

  it('reads the same certificate in PEM with the same thumbprint', () => {
    const pem = parseCertificate(Buffer.from(server.pem));
    expect(pem.format).toBe('pem');
    expect(pem.sha256).toBe(parseCertificate(server.der).sha256);
  });

  it('refuses an empty file and a file that is not a certificate', () => {
    expect(() => parseCertificate(Buffer.alloc(0))).toThrow(CertificateParseError);
    expect(() => parseCertificate(Buffer.from('MZ this is a program'))).toThrow(CertificateParseError);
    expect(() => parseCertificate(Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'))).toThrow(CertificateParseError);
  });

  it('counts the days left, negative once expired', () => {
    expect(daysLeft({ notAfter: '2026-12-01T00:00:00.000Z' }, new Date('2026-11-26T00:00:00Z'))).toBe(5);
    expect(daysLeft({ notAfter: '2026-11-01T00:00:00.000Z' }, new Date('2026-11-26T00:00:00Z'))).toBeLessThan(0);
  });
});
