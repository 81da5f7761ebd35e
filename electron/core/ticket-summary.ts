/**
 * "Copy summary for the ticket": one short paragraph a helpdesk pastes into its ticket — the PC,
 * the agent, the server, the certificate serial before and after, the outcome, the time and the
 * report. One builder for every host (the wizard's button, the CLI's last lines), worded in the
 * session's language by messages.ts.
 */
import { localTimestamp } from '../base/timestamp.js';
import { messages, type CopyStage, type Lang, type TicketFacts } from './messages.js';
import type { RepairState } from './session/state.js';

/** What a bad-input stop left of the copies: none made, removed, or kept in the working folder. */
export function copyStage(f: { workDir: string | null; publisher: unknown; errorCode: string | null | undefined }): CopyStage {
  // A failed or mismatched copy is removed on the spot (collect.ts).
  if (f.errorCode === 'copy-mismatch' || f.errorCode === 'copy-failed') return 'removed';
  if (f.workDir) return 'kept';
  // The publisher check runs on copies: with its result and no working folder, they were removed.
  return f.publisher ? 'removed' : 'none';
}

/** The copy stage of a repair session's state. */
export function stateCopyStage(s: Pick<RepairState, 'collect' | 'publisher' | 'error'>): CopyStage {
  return copyStage({ workDir: s.collect.workDir, publisher: s.publisher, errorCode: s.error?.code });
}

/**
 * The server in use: the source's (`\\server\...`); this PC itself when the source is a local
 * PCCSRV (the Apex One server, where a missing agent is normal); else the one the agent reports to.
 */
export function serverName(s: Pick<RepairState, 'source' | 'environment'>): string | null {
  const unc = /^\\\\([^\\]+)/.exec(s.source?.root ?? s.source?.input ?? '');
  if (unc?.[1]) return unc[1];
  const localServerFolder = !!s.source && /^[A-Za-z]:\\/.test(s.source.root) && !s.source.tried.some((t) => t.result === 'kit');
  if (localServerFolder && s.environment) return s.environment.hostname;
  return s.environment?.agent?.server ?? null;
}

/** The paragraph, or null while the session has no outcome to report (nothing done, or only ready). */
export function ticketSummary(s: RepairState, lang: Lang): string | null {
  const env = s.environment;
  if (!env || !s.outcome || s.outcome === 'ready') return null;
  const m = messages(lang);
  const check = s.verification?.checks.find((c) => c.name === 'agent-certificate');
  const before = s.agentCertificateBefore;
  const ran = s.run !== null;
  const facts: TicketFacts = {
    hostname: env.hostname,
    arch: env.arch,
    agent: env.agent ? { programVersion: env.agent.programVersion, build: env.agent.build, server: env.agent.server } : null,
    source: s.source?.root ?? null,
    certificate: before
      ? {
          before: before.serial,
          after: ran ? (check?.result === 'pass' ? (s.certificate?.serial ?? null) : (check?.actualSerial ?? null)) : before.serial,
          server: s.certificate?.serial ?? null,
          afterIsServer: ran ? check?.result === 'pass' : before.matchesServer,
          ran,
        }
      : null,
    outcome: m.outcomeFor(s.outcome, stateCopyStage(s)),
    errorCode: s.error?.code ?? null,
    at: s.finishedAt ? localTimestamp(new Date(s.finishedAt)) : null,
    report: s.report?.text ?? null,
    reportError: s.reportError,
  };
  return m.ticket(facts);
}
