/**
 * The session's facts worded in one language: what the wizard shows and what the report stores.
 * One place, so the screen and the report can never say different things.
 */
import type { RepairState } from './session/state.js';
import { daysLeft } from './certificate.js';
import { messages, type Lang } from './messages.js';

export interface SessionText {
  outcome: string | null;
  verdict: string | null;
  tried: { path: string; result: string }[];
  evidence: string[];
  plan: { role: string; name: string; source: string; reason: string }[];
  notes: string[];
  checks: { result: string; text: string }[];
  guidance: string | null;
  /** Days until the server certificate expires (negative once expired), or null. */
  certificateDaysLeft: number | null;
}

export function describeState(s: RepairState, lang: Lang, now = new Date()): SessionText {
  const m = messages(lang);
  const failed = s.outcome === 'failed' || s.outcome === 'not-verified' || s.outcome === 'timeout';
  const details = s.error?.details;
  const tried = s.source?.tried ?? (details && 'tried' in details ? details.tried : []);
  return {
    outcome: s.outcome ? m.outcome[s.outcome] : null,
    verdict: s.verification ? m.verdict[s.verification.verdict] : null,
    tried: tried.map((t) => ({ path: t.path, result: m.tried[t.result] })),
    evidence: s.serverBuild?.evidence.map((e) => m.evidence(e)) ?? [],
    plan: s.plan?.files.map((f) => ({ role: f.role, name: f.name, source: f.source.display, reason: m.reason(f.reason) })) ?? [],
    notes: s.plan?.notes.map((n) => m.note(n)) ?? [],
    checks: s.verification?.checks.map((c) => ({ result: c.result, text: m.check(c) })) ?? [],
    guidance: failed ? m.reinstall : null,
    certificateDaysLeft: s.certificate ? daysLeft(s.certificate, now) : null,
  };
}
