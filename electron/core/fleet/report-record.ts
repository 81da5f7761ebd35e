/**
 * One report file's text → the fields the fleet view uses, or why it is skipped. Pure. The schema
 * is lenient on purpose: it checks only what the view reads, so reports of older and newer
 * versions with the same schemaVersion still count, and a field of the wrong type is named.
 */
import { z } from 'zod';
import { REPORT_SCHEMA_VERSION } from '../report.js';
import type { FleetReport, SkipReason } from './fleet-types.js';

export const TOOL_NAME = 'apex-cert-fix';

const nullableString = z.string().nullable().optional().catch(null);

const ReportFields = z.object({
  schemaVersion: z.number().int().positive(),
  tool: z.object({ name: z.literal(TOOL_NAME), version: nullableString }),
  mode: z.string(),
  platform: nullableString,
  createdAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
  // An outcome is a word of this tool (`fixed`, `not-verified`, or one of a newer version): never a
  // name every object has (`constructor`, `__proto__`, `toString`), which a share anyone can write
  // to could plant to break the counts.
  outcome: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/)
    .refine((o) => !(o in Object.prototype), 'not an outcome')
    .nullable(),
  error: z.object({ code: z.string() }).nullable().optional().catch(null),
  computer: z.object({ hostname: z.string().trim().min(1) }),
  agent: z
    .object({ certificateBefore: z.object({ serial: nullableString, matchesServer: z.boolean().optional().catch(undefined) }).nullable().optional().catch(null) })
    .nullable()
    .optional()
    .catch(null),
  certificate: z.object({ serial: nullableString }).nullable().optional().catch(null),
  verification: z
    .object({ checks: z.array(z.object({ name: z.string(), actualSerial: nullableString }).catch({ name: '', actualSerial: null })) })
    .nullable()
    .optional()
    .catch(null),
});

export type RecordResult = { ok: true; report: FleetReport } | { ok: false; reason: SkipReason; detail: string | null };

const skip = (reason: SkipReason, detail: string | null = null): RecordResult => ({ ok: false, reason, detail });

export function readReportRecord(text: string, file: string): RecordResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return skip('not-json');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return skip('foreign');
  const d = doc as { tool?: { name?: unknown }; schemaVersion?: unknown; mode?: unknown };
  if (typeof d.tool !== 'object' || d.tool === null || d.tool.name !== TOOL_NAME) return skip('foreign');
  if (typeof d.schemaVersion === 'number' && d.schemaVersion > REPORT_SCHEMA_VERSION) return skip('newer-schema', String(d.schemaVersion));
  // A kit's manifest or an inspect document is ours but says nothing about a repair.
  if (typeof d.mode === 'string' && d.mode !== 'fix') return skip('not-a-repair', d.mode);
  const parsed = ReportFields.safeParse(doc);
  if (!parsed.success) return skip('invalid', [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(document)'))].join(', '));
  const r = parsed.data;
  if (r.mode !== 'fix') return skip('not-a-repair', r.mode);
  const after = r.verification?.checks.find((c) => c.name === 'agent-certificate')?.actualSerial ?? null;
  // No run (already fixed, or stopped before IpXfer): the agent's certificate as it was found.
  const before = r.agent?.certificateBefore?.serial ?? null;
  return {
    ok: true,
    report: {
      file,
      hostname: r.computer.hostname.trim(),
      createdAt: r.createdAt,
      time: Date.parse(r.createdAt),
      outcome: r.outcome,
      errorCode: r.error?.code ?? null,
      serverSerial: r.certificate?.serial ?? null,
      agentSerialAfter: r.verification ? after : before,
      platform: r.platform ?? null,
      toolVersion: r.tool.version ?? null,
    },
  };
}
