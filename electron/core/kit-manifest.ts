/**
 * The offline kit's manifest.json, validated field by field with a schema: a kit on a stick passes
 * through many hands, and a malformed manifest must be refused naming the field, never crash.
 */
import { z } from 'zod';
import { FixError } from './errors.js';

export const KIT_KIND = 'apex-cert-fix-kit';
export const KIT_SCHEMA_VERSION = 1;
/** A manifest is a few kilobytes; anything far larger is not one. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

const text = z.string().min(1).max(4096);
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const build = z.number().int().min(1).max(99_999);
const hex = (length: number) => z.string().regex(new RegExp(`^[0-9A-Fa-f]{${length}}$`));
/** A bare file name: no folder part, no way out of the kit folder. */
const fileName = z.string().min(1).max(255).refine((s) => !/[\\/:]/.test(s) && s !== '.' && s !== '..', 'not a plain file name');

const evidence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('override'), build }),
  z.object({ kind: z.literal('pe-version'), file: text, version: text, build }),
  z.object({ kind: z.literal('kit-manifest'), build, from: text }),
  z.object({ kind: z.literal('datfhs-present'), file: text }),
  z.object({ kind: z.literal('datfhs-absent'), name: text, folder: text }),
  z.object({ kind: z.literal('agent-build'), build }),
]);

const kitFile = z.object({
  role: z.enum(['certificate', 'ipxfer', 'datfhs']),
  arch: z.enum(['x86', 'x64']).nullable(),
  name: fileName,
  size: z.number().int().min(0).max(2 ** 40),
  sha256: hex(64),
});

export const kitManifestSchema = z.object({
  kind: z.literal(KIT_KIND),
  schemaVersion: z.number().int().min(1),
  createdAt: isoDate,
  createdBy: z.object({ tool: z.literal('apex-cert-fix'), version: text }),
  source: z.object({ input: text, root: text }),
  serverBuild: z.object({ value: build.nullable(), evidence: z.array(evidence).max(50) }),
  certificate: z.object({ serial: text, subject: z.string().max(4096), notBefore: isoDate, notAfter: isoDate, sha1: hex(40), sha256: hex(64) }),
  files: z.array(kitFile).min(1).max(16),
});

export type KitManifest = z.infer<typeof kitManifestSchema>;
export type KitFile = KitManifest['files'][number];

/** Parses manifest bytes: a BOM is accepted; anything else wrong is `kit-invalid` naming the field. */
export function parseKitManifest(bytes: Buffer, file: string): KitManifest {
  const invalid = (problem: 'not-json' | 'not-object' | 'not-a-kit' | 'too-large' | 'bad-field', field?: string): never => {
    throw new FixError({ code: 'kit-invalid', file, problem, field: field ?? null });
  };
  if (bytes.length > MAX_MANIFEST_BYTES) invalid('too-large');
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8').replace(/^\ufeff/, ''));
  } catch {
    invalid('not-json');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) invalid('not-object');
  const obj = raw as Record<string, unknown>;
  if (obj.kind !== KIT_KIND) invalid('not-a-kit');
  // A newer tool's kit is refused as such, before its (possibly different) fields are judged.
  if (typeof obj.schemaVersion === 'number' && obj.schemaVersion > KIT_SCHEMA_VERSION) {
    throw new FixError({ code: 'kit-newer', file, version: obj.schemaVersion, supported: KIT_SCHEMA_VERSION });
  }
  const r = kitManifestSchema.safeParse(raw);
  if (!r.success) invalid('bad-field', r.error.issues[0]?.path.join('.') || '(top level)');
  return r.data!;
}
