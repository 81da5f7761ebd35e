/**
 * The session's facts worded in one language: what the wizard shows and what the report stores.
 * One place, so the screen and the report can never say different things.
 */
import type { RepairState } from './session/state.js';
import { daysLeft, windowsThumbprint } from './certificate.js';
import { messages, type Lang } from './messages.js';
import { serverName, stateCopyStage, ticketSummary } from './ticket-summary.js';
import type { SessionText } from '../base/session-text.js';

export type { SessionText };

/** `now`: the session's clock (days left on the certificate are counted from it). */
export function describeState(s: RepairState, lang: Lang, now: Date): SessionText {
  const m = messages(lang);
  const failed = s.outcome === 'failed' || s.outcome === 'not-verified' || s.outcome === 'timeout';
  const details = s.error?.details;
  const tried = s.source?.tried ?? (details && 'tried' in details ? details.tried : []);
  const autoPcc = m.autoPcc(serverName(s));
  // Once a run has ended, the diagnosis is the agent as it is now (the report keeps "before").
  const before = s.agentCertificateNow ?? s.agentCertificateBefore;
  return {
    outcome: s.outcome ? m.outcomeFor(s.outcome, stateCopyStage(s)) : null,
    outcomeTitle: s.outcome ? m.outcomeTitle[s.outcome] : null,
    verdict: s.verification ? m.verdict[s.verification.verdict] : null,
    tried: tried.map((t) => ({ path: t.path, result: m.tried[t.result] })),
    evidence: s.serverBuild?.evidence.map((e) => m.evidence(e)) ?? [],
    plan: s.plan?.files.map((f) => ({ role: f.role, name: f.name, source: f.source.display, reason: m.reason(f.reason) })) ?? [],
    notes: s.plan?.notes.map((n) => m.note(n)) ?? [],
    checks: s.verification?.checks.map((c) => ({ result: c.result, text: m.check(c) })) ?? [],
    publisher: s.publisher?.checks.map((c) => ({ name: c.name, outcome: c.outcome, badge: m.publisherBadge[c.outcome], note: c.osUnavailable ? m.rootsInstead(c.osUnavailable) : null })) ?? [],
    osChecking: s.osSignatureWait ? m.osChecking(s.osSignatureWait.elapsedMs) : null,
    guidance: failed ? m.reinstall(autoPcc) : null,
    certificateDaysLeft: s.certificate ? daysLeft(s.certificate, now) : null,
    certificateThumbprint: s.certificate ? windowsThumbprint(s.certificate.sha1) : null,
    diagnosis: before && s.certificate ? { matches: before.matchesServer && before.servicesDown.length === 0, short: m.diagnosisShort(before), full: m.diagnosis(before, s.certificate) } : null,
    // Another repair holds this PC (before copying or running), else verify's or a service's wait.
    waiting: s.pcBusy ? m.pcBusyWaiting(s.pcBusy.holder, s.pcBusy.limitMs) : s.waiting ? (s.waiting.service ? m.waitingService(s.waiting.service, s.waiting.elapsedMs, s.waiting.limitMs) : m.waiting(s.waiting.elapsedMs, s.waiting.limitMs)) : null,
    workDirAfter: s.workDirAfter ? m.workDirAfter(s.workDirAfter.path, s.workDirAfter.removed) : null,
    autoPcc,
    ticket: ticketSummary(s, lang),
  };
}
