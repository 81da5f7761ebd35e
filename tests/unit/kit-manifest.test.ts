/** manifest.json read defensively: every malformed field named, a BOM accepted, never a crash. */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseKitManifest } from '../../electron/core/kit-manifest.js';
import { FixError } from '../../electron/core/errors.js';
import { messages } from '../../electron/core/messages.js';
import { runCli } from '../fixtures/cli.js';
import { makeWorld } from '../fixtures/world.js';

const valid = {
  kind: 'apex-cert-fix-kit',
  schemaVersion: 1,
  createdAt: '2026-11-01T09:00:00.000Z',
  createdBy: { tool: 'apex-cert-fix', version: '0.1.0' },
  source: { input: '\\\\srv', root: '\\\\srv\\ofcscan' },
  serverBuild: { value: 12526, evidence: [{ kind: 'override', build: 12526 }] },
  certificate: { serial: '01AB', subject: 'CN=OfficeScan Server NTSG', notBefore: '2026-01-01T00:00:00Z', notAfter: '2029-01-01T00:00:00Z', sha1: 'A'.repeat(40), sha256: 'B'.repeat(64) },
  files: [{ role: 'certificate', arch: null, name: 'OfcNTCer.dat', size: 900, sha256: 'C'.repeat(64) }],
};

function refusal(value: unknown, raw?: Buffer): { problem: string; field: string | null; message: string } {
  try {
    parseKitManifest(raw ?? Buffer.from(JSON.stringify(value)), 'E:\\ApexCertFix-kit\\manifest.json');
  } catch (e) {
    expect(e).toBeInstanceOf(FixError);
    const d = (e as FixError).details as { problem: string; field?: string | null };
    return { problem: d.problem, field: d.field ?? null, message: messages('en').error((e as FixError).details) };
  }
  throw new Error('accepted');
}

const without = (key: string) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));

describe('kit manifest', () => {
  it('accepts a valid manifest, with or without a byte-order mark', () => {
    expect(parseKitManifest(Buffer.from(JSON.stringify(valid)), 'm').serverBuild.value).toBe(12526);
    expect(parseKitManifest(Buffer.from('\ufeff' + JSON.stringify(valid)), 'm').files).toHaveLength(1);
  });

  it('names the field for every malformed one', () => {
    const cases: [unknown, string][] = [
      [{ ...valid, createdAt: {} }, 'createdAt'],
      [{ ...valid, createdAt: 'yesterday' }, 'createdAt'],
      [without('source'), 'source'],
      [without('serverBuild'), 'serverBuild'],
      [{ ...valid, serverBuild: { value: 'x', evidence: [] } }, 'serverBuild.value'],
      [{ ...valid, serverBuild: { value: 1, evidence: [{ kind: 'pe-version' }] } }, 'serverBuild.evidence.0.file'],
      [{ ...valid, certificate: { ...valid.certificate, sha256: 'zz' } }, 'certificate.sha256'],
      [{ ...valid, files: [] }, 'files'],
      [{ ...valid, files: [{ ...valid.files[0], name: '..\\..\\Windows\\evil.exe' }] }, 'files.0.name'],
      [{ ...valid, files: [{ ...valid.files[0], size: -1 }] }, 'files.0.size'],
      [{ ...valid, files: [{ ...valid.files[0], role: 'script' }] }, 'files.0.role'],
      [{ ...valid, schemaVersion: '1' }, 'schemaVersion'],
    ];
    for (const [value, field] of cases) {
      const r = refusal(value);
      expect(r, field).toMatchObject({ problem: 'bad-field', field });
      expect(r.message).toContain(field);
    }
  });

  it('says what kind of file it is when it is not a manifest at all', () => {
    expect(refusal(null, Buffer.from('{ not json')).problem).toBe('not-json');
    expect(refusal([1, 2]).problem).toBe('not-object');
    expect(refusal({ ...valid, kind: 'other' }).problem).toBe('not-a-kit');
    expect(refusal(null, Buffer.alloc(2 * 1024 * 1024, 0x20)).problem).toBe('too-large');
  });

  it('the CLI refuses a kit whose manifest has "createdAt": {} with exit 2 and the field, never a stack trace', async () => {
    const world = await makeWorld();
    try {
      const out = path.join(world.dir, 'stick');
      expect((await runCli(['kit', '--simulate', world.profile, '--source', '\\\\srv', '--out', out])).code).toBe(0);
      const file = path.join(out, 'ApexCertFix-kit', 'manifest.json');
      await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), createdAt: {} }));
      const r = await runCli(['inspect', '--simulate', world.profile, '--source', out, '--json', '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout).error.code).toBe('kit-invalid');
      expect(r.stderr).toContain('createdAt');
      expect(r.stderr).not.toMatch(/at .+\.js:\d+/);
    } finally {
      await world.cleanup();
    }
  });
});
