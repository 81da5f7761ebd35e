/** The serialisable state of a repair session: what every host renders and the report records. */
import type { Arch, Platform } from '../platform/platform.js';
import type { PublisherCheck } from './authenticode.js';
import type { CertificateInfo } from './certificate.js';
import type { CollectedFile, CollectProgress } from './collect.js';
import type { EnvironmentInfo } from './environment.js';
import type { ErrorDetails, TriedPlace } from './errors.js';
import type { KitManifest } from './kit.js';
import type { Lang } from './messages.js';
import type { Outcome } from './outcome.js';
import type { Plan } from './plan.js';
import type { IpXferCommand, RunResult } from './run-ipxfer.js';
import type { ServerBuild } from './server-build.js';
import type { Verification } from './verify.js';
import type { AgentsList } from './agents-list.js';

export type Busy = 'detect' | 'source' | 'collect' | 'run' | 'verify' | 'kit' | 'agents' | null;

export interface SessionOptions {
  platform: Platform;
  lang: Lang;
  /** Fresh working folders are made below this folder. */
  workBase?: string;
  reportsDir?: string;
  /** IpXfer's time limit. */
  timeoutMs?: number;
  /** How long verify waits for agent services IpXfer is restarting. */
  settleMs?: number;
  archOverride?: Arch | null;
  /** The tool's version, for reports. */
  version?: string;
  now?: () => Date;
}

export interface SessionState {
  lang: Lang;
  platform: Platform['kind'];
  busy: Busy;
  environment: EnvironmentInfo | null;
  /** What stops a fix on this PC (not elevated, no agent...), already worded. */
  blockers: WordedError[];
  source: { input: string; root: string; tried: TriedPlace[] } | null;
  serverBuild: ServerBuild | null;
  plan: Plan | null;
  certificate: CertificateInfo | null;
  /** Does the agent already hold the server's certificate (before any run)? */
  agentCertificateBefore: { path: string; serial: string | null; matchesServer: boolean; problem: string | null } | null;
  collect: { progress: CollectProgress | null; workDir: string | null; files: CollectedFile[] };
  /** Who signed the collected programs (checked after copying, before anything runs). */
  publisher: { checks: (PublisherCheck & { name: string; role: string; osStatus: string | null })[]; allTrusted: boolean } | null;
  /** The user chose to run programs that are not verified as Trend Micro's (recorded in the report). */
  publisherOverride: boolean;
  /** The command that will run, password masked: with and without `-pwd`. */
  commandPreview: { withPassword: IpXferCommand; withoutPassword: IpXferCommand } | null;
  run: (RunResult & { command: IpXferCommand; lines: number; attempt: number }) | null;
  running: { command: IpXferCommand; startedAt: string; attempt: number } | null;
  verification: Verification | null;
  outcome: Outcome | null;
  error: WordedError | null;
  report: ReportPaths | null;
  /** Why the report could not be written (the repair result stands). */
  reportError: string | null;
  /** The offline kit written by `makeKit`. */
  kit: { folder: string; manifest: KitManifest } | null;
  /** This PC is an Apex One server (CertificateManager found): the server check is offered. */
  localServer: string | null;
  /** The server check's list of mismatched agents. */
  agents: AgentsList | null;
}

export interface WordedError {
  code: ErrorDetails['code'];
  message: string;
  details: ErrorDetails;
}

export interface ReportPaths {
  json: string;
  text: string;
}
