/**
 * The serialisable state of a repair session and of the two small services beside it (offline kit,
 * mismatched agents list): what every host renders, what the report records, and what can happen next.
 */
import type { Clock } from '../../base/clock.js';
import type { Arch, Platform } from '../../platform/platform.js';
import type { PublisherCheck } from '../authenticode.js';
import type { CertificateInfo } from '../certificate.js';
import type { CollectedFile, CollectProgress } from '../collect.js';
import type { EnvironmentInfo } from '../environment.js';
import type { ErrorDetails, TriedPlace } from '../errors.js';
import type { KitManifest } from '../kit.js';
import type { Lang } from '../messages.js';
import type { Outcome } from '../outcome.js';
import type { Plan } from '../plan.js';
import type { IpXferCommand, RunResult } from '../run-ipxfer.js';
import type { ServerBuild } from '../server-build.js';
import type { ServerMatch } from '../server-match.js';
import type { Verification } from '../verify.js';
import type { AgentsList } from '../mismatched-agents.js';

/** The operations of a repair session; at most one runs at a time. */
export type RepairOperation = 'detect' | 'source' | 'collect' | 'run' | 'verify' | 'services' | 'repair';

/** The one-click repair's phases, in order (issue 20 §1): what the repair screen shows live. */
export type RepairPhase = 'copy' | 'checks' | 'ipxfer' | 'verify';

/** Where an error belongs on screen: the wizard step (or service) that raised it. */
export type ErrorStep = 'pc' | 'source' | 'collect' | 'run' | 'verify' | 'kit' | 'agents';

export interface SessionOptions {
  platform: Platform;
  lang: Lang;
  /** Fresh working folders are made below this folder. */
  workBase?: string;
  reportsDir?: string;
  /** IpXfer's time limit. */
  timeoutMs?: number;
  /** How long verify keeps re-reading the agent after IpXfer (KA-0010504: it may take a while). */
  settleMs?: number;
  archOverride?: Arch | null;
  /** The tool's version, for reports. */
  version?: string;
  /** What "now" is and how waits pass (the system's clock unless a test or a training world sets one). */
  clock?: Clock;
  /** A dead process's lock on this PC is taken over after this long (default 10 s; at least 2 s). */
  lockStaleMs?: number;
}

/** What the session accepts next: hosts render this instead of re-deriving the step rules. */
export interface Available {
  detect: boolean;
  setSource: boolean;
  collect: boolean;
  /** Repair although the agent already holds the server's certificate. */
  collectForce: boolean;
  run: boolean;
  verify: boolean;
  cancel: boolean;
  startServices: boolean;
  /** The one-click repair (copy → checks → IpXfer → verify): the agent needs it. */
  repair: boolean;
  /** The same, although there is nothing to repair (the agent holds the certificate and its services run). */
  repairForce: boolean;
}

export interface WordedError {
  code: ErrorDetails['code'];
  message: string;
  details: ErrorDetails;
  step: ErrorStep;
}

export interface AgentCertificateBefore {
  path: string;
  serial: string | null;
  notAfter: string | null;
  matchesServer: boolean;
  /** When the certificate matches: the agent services that are not running (then IpXfer is still worth running). */
  servicesDown: string[];
  problem: string | null;
}

export interface PublisherState {
  checks: (PublisherCheck & { name: string; role: string })[];
  allTrusted: boolean;
}

export interface RepairState {
  lang: Lang;
  platform: Platform['kind'];
  busy: RepairOperation | null;
  available: Available;
  environment: EnvironmentInfo | null;
  /** What stops a fix on this PC (not elevated, no agent...), already worded. */
  blockers: WordedError[];
  source: { input: string; root: string; tried: TriedPlace[] } | null;
  serverBuild: ServerBuild | null;
  /** Whether the files come from the agent's own server (issue 18 §2). */
  serverMatch: ServerMatch | null;
  plan: Plan | null;
  certificate: CertificateInfo | null;
  /** The agent's certificate before any run, compared with the server's. */
  agentCertificateBefore: AgentCertificateBefore | null;
  collect: { progress: CollectProgress | null; workDir: string | null; files: CollectedFile[] };
  /** Who signed the collected programs (checked after copying, before anything runs). */
  publisher: PublisherState | null;
  /** Windows is judging the programs' signatures (one PowerShell call, 20 s at most): for how long so far. */
  osSignatureWait: { elapsedMs: number } | null;
  /** The user chose to run programs that are not verified as Trend Micro's (recorded in the report). */
  publisherOverride: boolean;
  /** The command that will run, password masked: with and without `-pwd`. */
  commandPreview: { withPassword: IpXferCommand; withoutPassword: IpXferCommand } | null;
  run: (RunResult & { command: IpXferCommand; lines: number; attempt: number }) | null;
  running: { command: IpXferCommand; startedAt: string; attempt: number } | null;
  /** Another repair holds this PC's lock: this one waits for it (up to the time limit) before copying or running. */
  pcBusy: { holder: { pid: number; since: string } | null; limitMs: number } | null;
  /**
   * Verify is re-reading the agent until it takes the certificate or the settle time ends; with
   * `service`, "Start the services" is waiting for that service to run.
   */
  waiting: { elapsedMs: number; limitMs: number; service?: string } | null;
  verification: Verification | null;
  outcome: Outcome | null;
  error: WordedError | null;
  report: ReportPaths | null;
  /** Why the report could not be written (the repair result stands). */
  reportError: { folder: string; reason: string } | null;
  /** The working folder after a run: removed after a fixed result, kept for diagnosis otherwise. */
  workDirAfter: { path: string; removed: boolean } | null;
  /** When the session reached its outcome (ISO): the time a ticket summary quotes. */
  finishedAt: string | null;
  /** The one-click repair's current phase (null: not repairing). */
  phase: RepairPhase | null;
  /** The agent as it is after a run (read again at its end): what the earlier steps show once there is a result. */
  agentCertificateNow: AgentCertificateBefore | null;
  /**
   * After a run, the agent services that are not running, told apart: stopped before the run
   * (the diagnosis said so) or stopped during it; `runStopped`: IpXfer was stopped (cancel, time limit).
   */
  servicesAfter: { before: string[]; during: string[]; runStopped: boolean } | null;
}

export interface KitState {
  busy: 'kit' | null;
  /** `shown`: the kit's folder as the user named it (`E:\\ApexCertFix-kit`), for every text. */
  kit: { folder: string; shown: string; manifest: KitManifest } | null;
  error: WordedError | null;
}

export interface MismatchedAgentsState {
  busy: 'agents' | null;
  /** This PC is an Apex One server (CertificateManager found): the mismatched agents list is offered. */
  localServer: string | null;
  agents: AgentsList | null;
  error: WordedError | null;
}

export interface ReportPaths {
  json: string;
  text: string;
}
