/**
 * What the page is shown: the view types, declared here and nowhere in core. They describe the
 * part of the session's state the page reads; core's runtime types (RepairState, KitState...)
 * must satisfy them, which the compiler checks where the hosts build a view (hosts/view-check.ts).
 * A field core drops or renames breaks the build, not the page.
 */
import type { Lang } from '../base/langs.js';

export type { Lang };

import type { WizardSteps } from '../base/steps.js';
import type { SessionText } from '../base/session-text.js';

/** The repair's steps in their order, and where a session is (base/steps.ts). */
export { WIZARD_STEPS, type WizardStep, type WizardSteps } from '../base/steps.js';

export type RepairOperationView = 'detect' | 'source' | 'collect' | 'run' | 'verify' | 'services' | 'repair';
/** Where an error belongs on screen: the wizard step (or service) that raised it. */
export type ErrorStepView = 'pc' | 'source' | 'collect' | 'run' | 'verify' | 'kit' | 'agents';
export type OutcomeView = 'ready' | 'fixed' | 'already-fixed' | 'failed' | 'not-verified' | 'bad-input' | 'environment' | 'timeout' | 'cancelled';

/** An error already worded in the session's language. */
export interface WordedErrorView {
  code: string;
  message: string;
  step: ErrorStepView;
  /** The facts behind the words; the page reads those of `server-mismatch` (which servers) to ask. */
  details: ErrorDetailsView;
}

/** An error's facts as the page may read them: the servers of a `server-mismatch`, the code of any other. */
export type ErrorDetailsView = { code: string; source?: string; agent?: string | null; unknown?: boolean };

/** What the session accepts next: the page renders this instead of re-deriving the step rules. */
export interface AvailableView {
  detect: boolean;
  setSource: boolean;
  collect: boolean;
  /** Repair although the agent already holds the server's certificate. */
  collectForce: boolean;
  /** The one-click repair (copy → checks → IpXfer → verify). */
  repair: boolean;
  /** The same although there is nothing to repair. */
  repairForce: boolean;
  run: boolean;
  verify: boolean;
  cancel: boolean;
  startServices: boolean;
}

export interface CertificateView {
  serial: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
}

export interface EnvironmentView {
  arch: 'x86' | 'x64' | 'arm64' | null;
  elevated: boolean;
  hostname: string;
  agent: { dir: string; server: string | null; programVersion: string | null; build: number | null } | null;
}

export interface TriedPlaceView {
  path: string;
  result: 'server-folder' | 'kit' | 'incomplete' | 'not-found' | 'not-a-server-folder' | 'no-access' | 'unreachable' | 'mapped-drive';
}

export interface CommandView {
  executable: string;
  /** Arguments as shown and stored: the password is `********`. */
  args: string[];
  cwd: string;
}

export type FileRoleView = 'certificate' | 'ipxfer' | 'datfhs';

export interface RepairStateView {
  lang: Lang;
  busy: RepairOperationView | null;
  available: AvailableView;
  environment: EnvironmentView | null;
  /** What stops a fix on this PC (not elevated, no agent...), already worded. */
  blockers: WordedErrorView[];
  source: { input: string; root: string; tried: TriedPlaceView[] } | null;
  serverBuild: { value: number | null; evidence: { kind: string }[] } | null;
  plan: { files: { role: FileRoleView; name: string }[]; notes: { code: string }[] } | null;
  certificate: CertificateView | null;
  /** The agent's certificate before any run, compared with the server's. */
  agentCertificateBefore: { serial: string | null; notAfter: string | null; matchesServer: boolean; servicesDown: string[] } | null;
  /** The agent as it is after a run: what the earlier steps show once there is a result. */
  agentCertificateNow: { serial: string | null; notAfter: string | null; matchesServer: boolean; servicesDown: string[] } | null;
  /** The one-click repair's phase. */
  phase: 'copy' | 'checks' | 'ipxfer' | 'verify' | null;
  /** After a run: services down, stopped before the run or during it; `runStopped`: IpXfer was stopped. */
  servicesAfter: { before: string[]; during: string[]; runStopped: boolean } | null;
  collect: {
    progress: { file: string; fileBytes: number; fileTotal: number; bytesDone: number; bytesTotal: number } | null;
    workDir: string | null;
    files: { role: FileRoleView; name: string; size: number; sha256: string }[];
  };
  /** Who signed the collected programs (checked after copying, before anything runs). */
  publisher: {
    checks: { name: string; outcome: string; signatures: { signer: { subject: string } | null }[]; osStatus: string | null }[];
    allTrusted: boolean;
  } | null;
  /** The user chose to run programs that are not verified as Trend Micro's. */
  publisherOverride: boolean;
  /** The command that will run, password masked: with and without `-pwd`. */
  commandPreview: { withPassword: CommandView; withoutPassword: CommandView } | null;
  run: { exitCode: number | null; command: CommandView; lines: number; attempt: number } | null;
  running: { command: CommandView; startedAt: string; attempt: number } | null;
  /** Verify re-reading the agent, or "Start the services" waiting for `service` to run. */
  waiting: { elapsedMs: number; limitMs: number; service?: string } | null;
  /** Windows is checking the programs' signatures: for how long so far. */
  osSignatureWait: { elapsedMs: number } | null;
  /** Another repair holds this PC: this one waits for it. */
  pcBusy: { holder: { pid: number; since: string } | null; limitMs: number } | null;
  verification: { verdict: 'fixed' | 'not-fixed' | 'unknown' } | null;
  outcome: OutcomeView | null;
  error: WordedErrorView | null;
  report: { json: string; text: string } | null;
  /** Why the report could not be written (the repair result stands). */
  reportError: { folder: string; reason: string } | null;
  workDirAfter: { path: string; removed: boolean } | null;
  finishedAt: string | null;
}

export interface KitStateView {
  busy: 'kit' | null;
  /** `shown`: the folder as the user named it; `folder` is where it really is. */
  kit: { folder: string; shown: string; manifest: { files: { name: string }[] } } | null;
  error: WordedErrorView | null;
}

export interface AgentsTableView {
  headers: string[];
  rows: string[][];
  /** Column index of each recognised role. */
  roles: Partial<Record<'host' | 'ip' | 'domain' | 'guid', number>>;
}

export interface MismatchedAgentsStateView {
  busy: 'agents' | null;
  /** This PC is an Apex One server (CertificateManager found): the mismatched agents list is offered. */
  localServer: string | null;
  agents: { listFile: string; table: AgentsTableView; certificate: (CertificateView & { daysLeft: number }) | null; renewedRecently: boolean } | null;
  error: WordedErrorView | null;
}

/** Every domain text already worded in the session's language (core's describeState). */
export type SessionTextView = SessionText;

/** Everything the page shows, sent whole on every change and on every (re)connect. */
export interface WizardView {
  state: RepairStateView;
  kit: KitStateView;
  mismatchedAgents: MismatchedAgentsStateView;
  /** Every domain text already worded in the session's language. */
  text: SessionTextView;
  /** The steps the page may show and the one the session is at. */
  steps: WizardSteps;
}

export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
  /** The line goes on in the next one (it was longer than 64 KiB). */
  split?: true;
}

/** Output lines: `reset` replaces what the page holds (a new run, or a page that just connected). */
export interface OutputBatch {
  reset: boolean;
  lines: OutputLine[];
  /** Lines the session dropped from the middle of a flood (the page shows that they were). */
  dropped: number;
}

export interface HostInfo {
  kind: 'electron' | 'browser';
  /** True in the training mode: the PC and server are simulated. */
  simulated: boolean;
  /** The language the session speaks: the host's choice wins at start. */
  lang: Lang;
  canPickFolder: boolean;
  canOpenFolder: boolean;
  canRelaunchElevated: boolean;
  /** An offline kit found beside the portable exe, offered as a source. */
  kitBesideApp: string | null;
  recentSources: string[];
  reportsDir: string;
  version: string;
}

/** The mismatched agents list as a file to save. */
export interface ExportedFile {
  name: string;
  mime: string;
  base64: string;
}
