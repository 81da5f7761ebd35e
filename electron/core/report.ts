/**
 * Step "report": one JSON document (schemaVersion 1, documented in the README) and the same facts
 * as readable text, both written atomically (temp file + rename) so a crash never leaves half a
 * report. The password never reaches here: output lines and the command are masked by the runner.
 */
import type { CertificateInfo } from './certificate.js';
import type { CollectedFile } from './collect.js';
import { categoryOf, type ErrorDetails, type TriedPlace } from './errors.js';
import type { RepairState } from './session/state.js';
import { messages, type Lang } from './messages.js';
import { describeState } from './session-text.js';
import { outcomeOf, type Outcome } from './outcome.js';
import type { OutputLine } from './run-ipxfer.js';
import type { OutputSnapshot } from './output-log.js';
import type { ServerFiles } from './server-files.js';
import type { Check, AgentVerdict } from './verify.js';
import type { KitManifest } from './kit.js';
import type { OsVerdictUnavailable } from '../platform/platform.js';
import type { ServerMatch } from './server-match.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface Report {
  schemaVersion: 1;
  tool: { name: 'apex-cert-fix'; version: string };
  mode: 'inspect' | 'fix' | 'kit';
  platform: 'windows' | 'simulated';
  createdAt: string;
  lang: Lang;
  outcome: Outcome | null;
  error: { code: ErrorDetails['code']; message: string } | null;
  computer: { hostname: string; arch: string | null; detectedArch: string | null; elevated: boolean; codePage: number } | null;
  agent: {
    dir: string;
    server: string | null;
    programVersion: string | null;
    build: number | null;
    certificateBefore: { path: string; serial: string | null; notAfter: string | null; matchesServer: boolean; servicesDown: string[]; problem: string | null } | null;
  } | null;
  source: { input: string; root: string | null; tried: TriedPlace[] } | null;
  serverBuild: { value: number | null; evidence: { kind: string; text: string }[]; needsDatFhs: boolean } | null;
  /** Whose files these are: the source's server against the agent's, and whether the user allowed another (issue 18 §2). */
  server: ServerMatch | null;
  plan: { fileArch: string; files: { role: string; name: string; source: string; reason: string }[]; notes: string[] } | null;
  files: Pick<CollectedFile, 'role' | 'name' | 'source' | 'copy' | 'size' | 'sha256'>[];
  certificate: (CertificateInfo & { fileSha256: string | null; daysLeft: number }) | null;
  workDir: string | null;
  /** After the run: the working folder is removed once the agent is fixed, kept for diagnosis otherwise. */
  workDirAfter: { path: string; removed: boolean } | null;
  command: { executable: string; args: string[]; cwd: string } | null;
  run: {
    attempt: number;
    exitCode: number | null;
    timedOut: boolean;
    cancelled: boolean;
    durationMs: number;
    /** The signal that ended IpXfer (POSIX), and whether it crashed or was killed by someone else. */
    signal: string | null;
    abnormal: boolean;
    /** IpXfer ended, but a program it started held its output open. */
    outputHeldOpen: boolean;
    /** What IpXfer started that still ran afterwards (null: cannot be told on this platform). */
    stillRunning: { pid: number; command: string }[] | null;
    output: string[];
    outputTotalLines: number;
    outputTruncated: boolean;
    /** Left out in the middle: after `after` kept lines, `lines` lines of `chars` characters. */
    outputDropped: { after: number; lines: number; chars: number } | null;
  } | null;
  verification: { verdict: AgentVerdict; checks: (Check & { text: string })[] } | null;
  /** What to do next when the fix did not work (KB 1102855: reinstall the agent). */
  guidance: string | null;
  /** Who signed the collected programs, and whether the user ran them although not verified. */
  publisher: { checks: PublisherEntry[]; allTrusted: boolean; override: boolean } | null;
  /** `kit` mode: where the kit was written and its manifest. */
  kit: { folder: string; manifest: KitManifest } | null;
  /** The report could not be saved where it should have been (it was still printed / shown). */
  reportError: { folder: string; reason: string } | null;
}

/** One checked program: the outcome, and the evidence a helpdesk needs to judge it. */
export interface PublisherEntry {
  name: string;
  role: string;
  outcome: string;
  osStatus: string | null;
  signer: string | null;
  digestAlgorithm: string | null;
  /** Who judged the root: Windows (`osStatus` must be Valid) or the built-in roots. */
  authority: 'windows' | 'roots';
  /** Why Windows gave no verdict, so the built-in roots judged (`missing`, `blocked`, `timed-out`, `failed`, `unreadable`, `file-unreadable`), or null. */
  osUnavailable: OsVerdictUnavailable | null;
  /** Why it is not trusted (English detail), or null. */
  problem: string | null;
  /** The primary signature's chain, signer first: each certificate's subject, issuer and SHA-256 thumbprint. */
  chain: { subject: string; issuer: string; sha256: string }[];
  /** The issuer the chain stops at when its certificate is not carried. */
  chainMissingIssuer: string | null;
  /** The verified timestamp's time, when validity was judged at it. */
  signedAt: string | null;
}

export interface ReportInputs {
  mode: Report['mode'];
  state: RepairState;
  output: Pick<OutputSnapshot, 'lines' | 'total' | 'truncated'> & { gap?: OutputSnapshot['gap'] };
  files: ServerFiles | null;
  serverSha256File: string | null;
  lang: Lang;
  version: string;
  createdAt: Date;
  /** `kit` mode: the kit the kit service wrote. */
  kit: { folder: string; manifest: KitManifest } | null;
}

/** A line longer than 64 KiB comes in pieces: each piece but the last ends in `…`. */
const outputText = (l: OutputLine) => (l.stream === 'stderr' ? `[stderr] ${l.text}` : l.text) + (l.split ? '…' : '');

export function buildReport(i: ReportInputs): Report {
  const s = i.state;
  const env = s.environment;
  const text = describeState(s, i.lang, i.createdAt);
  const m = messages(i.lang);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'apex-cert-fix', version: i.version },
    mode: i.mode,
    platform: s.platform,
    createdAt: i.createdAt.toISOString(),
    lang: i.lang,
    // A kit leaves the repair's outcome alone: a kit written without an error is ready to use.
    outcome: i.mode === 'kit' ? (i.kit && !s.error ? 'ready' : s.error ? outcomeOf(categoryOf(s.error.code)) : null) : s.outcome,
    error: s.error ? { code: s.error.code, message: s.error.message } : null,
    computer: env ? { hostname: env.hostname, arch: env.arch, detectedArch: env.detectedArch, elevated: env.elevated, codePage: env.codePage } : null,
    agent: env?.agent ? { ...env.agent, certificateBefore: s.agentCertificateBefore } : null,
    source: s.source
      ? { input: s.source.input, root: s.source.root, tried: s.source.tried }
      : s.error?.details && 'tried' in s.error.details
        ? { input: 'input' in s.error.details ? s.error.details.input : '', root: null, tried: s.error.details.tried }
        : null,
    serverBuild: s.serverBuild
      ? { value: s.serverBuild.value, evidence: s.serverBuild.evidence.map((e) => ({ ...e, text: m.evidence(e) })), needsDatFhs: s.serverBuild.needsDatFhs }
      : null,
    server: s.serverMatch,
    plan: s.plan
      ? { fileArch: s.plan.fileArch, files: text.plan, notes: text.notes }
      : null,
    files: s.collect.files.map(({ role, name, source, copy, size, sha256 }) => ({ role, name, source, copy, size, sha256 })),
    certificate: s.certificate ? { ...s.certificate, fileSha256: i.serverSha256File, daysLeft: text.certificateDaysLeft! } : null,
    workDir: s.collect.workDir,
    workDirAfter: s.workDirAfter,
    command: s.run?.command ?? s.running?.command ?? null,
    run: s.run
      ? {
          attempt: s.run.attempt,
          exitCode: s.run.exitCode,
          timedOut: s.run.timedOut,
          cancelled: s.run.cancelled,
          durationMs: s.run.durationMs,
          signal: s.run.signal ?? null,
          abnormal: s.run.abnormal ?? false,
          outputHeldOpen: s.run.outputHeldOpen ?? false,
          stillRunning: s.run.stillRunning ?? null,
          output: i.output.lines.map(outputText),
          outputTotalLines: i.output.total,
          outputTruncated: i.output.truncated,
          outputDropped: i.output.gap ? { after: i.output.gap.at, lines: i.output.gap.lines, chars: i.output.gap.chars } : null,
        }
      : null,
    verification: s.verification ? { verdict: s.verification.verdict, checks: s.verification.checks.map((c) => ({ ...c, text: m.check(c) })) } : null,
    guidance: text.guidance,
    publisher: s.publisher
      ? {
          checks: s.publisher.checks.map((c): PublisherEntry => {
            const first = c.signatures[0];
            return {
              name: c.name,
              role: c.role,
              outcome: c.outcome,
              osStatus: c.osStatus,
              signer: first?.signer?.subject ?? null,
              digestAlgorithm: first?.digestAlgorithm ?? null,
              authority: c.authority,
              osUnavailable: c.osUnavailable,
              problem: c.problem,
              chain: (first?.chain?.certificates ?? []).map(({ subject, issuer, sha256 }) => ({ subject, issuer, sha256 })),
              chainMissingIssuer: first?.chain?.missingIssuer ?? null,
              signedAt: first?.validAt === 'timestamp' ? (first.timestamp?.time ?? null) : null,
            };
          }),
          allTrusted: s.publisher.allTrusted,
          override: s.publisherOverride,
        }
      : null,
    kit: i.kit,
    reportError: s.reportError,
  };
}
