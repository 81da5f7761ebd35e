/**
 * The renderer's only door: intents it may send, and what it is sent back. The same contract is
 * served by the Electron preload (IPC) and by the browser host (WebSocket). The renderer never
 * names a program or builds a command line: it sends text, the password and choices. Types and
 * the list of intent names only: the argument validators live host-side (hosts/intent-args.ts),
 * tied to these signatures by the compiler.
 */
import type { Lang } from './core/messages.js';
import type { KitState, RepairState, ServerCheckState } from './core/session/state.js';
import type { OutputLine } from './core/run-ipxfer.js';
import type { SessionText } from './core/session-text.js';
import type { WizardStep, WizardSteps } from './core/session/wizard-steps.js';

export type { Lang, RepairState, KitState, ServerCheckState, OutputLine, WizardStep, WizardSteps };
export { WIZARD_STEPS } from './core/session/wizard-steps.js';
/** How a language is chosen from preferred locales: the page's first guess, before the host's arrives. */
export { langOf } from './core/lang.js';

/** Everything the page shows, sent whole on every change and on every (re)connect. */
export interface WizardView {
  state: RepairState;
  kit: KitState;
  serverCheck: ServerCheckState;
  /** Every domain text already worded in the session's language. */
  text: SessionText;
  /** The steps the page may show and the one the session is at. */
  steps: WizardSteps;
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

/** Intents: one function each. They resolve when the session has taken the step (see its state). */
export interface WizardIntents {
  hello(): Promise<HostInfo>;
  detect(): Promise<void>;
  /**
   * `serverBuild`: the build the user named (null: work it out from the files again); left out,
   * the one named before stays: the session remembers it, the page does not send it back.
   */
  setSource(input: string, serverBuild?: number | null): Promise<void>;
  /** After `server-mismatch`: the user confirmed using the other server's files; the same source is checked again. */
  allowOtherServer(): Promise<void>;
  /** `force`: copy and repair although the agent already holds the server's certificate. */
  collect(force: boolean): Promise<void>;
  /**
   * null: no unload password is set. The password is used for this run only. Programs not
   * verified as Trend Micro's run only when the user confirmed it (`allowUnverifiedPublisher`).
   */
  run(password: string | null, allowUnverifiedPublisher: boolean): Promise<void>;
  cancel(): Promise<void>;
  verify(): Promise<void>;
  /** Start the agent services a stopped IpXfer left stopped. */
  startServices(): Promise<void>;
  /** "Repair another PC": a fresh session in the same language. */
  newRepair(): Promise<void>;
  setLanguage(lang: Lang): Promise<void>;
  /** An offline kit from `input` into `outDir`, for the server build the session holds. */
  makeKit(input: string, outDir: string): Promise<void>;
  /** Server check: run CertificateManager -l on this PC (the Apex One server). */
  listAgents(): Promise<void>;
  /** The server check's list as a file to save: CSV (UTF-8 with BOM, for Excel) or JSON. */
  exportAgents(format: 'csv' | 'json'): Promise<{ name: string; mime: string; base64: string }>;
  /** The text report of the last run, to read in the page (a browser cannot open folders). */
  reportText(): Promise<string | null>;
  /** Host capabilities; each rejects where HostInfo says it is not available. */
  pickFolder(): Promise<string | null>;
  openFolder(which: 'reports' | 'work'): Promise<void>;
  relaunchElevated(): Promise<void>;
}

export interface WizardEvents {
  onView(listener: (view: WizardView) => void): () => void;
  onOutput(listener: (batch: OutputBatch) => void): () => void;
}

export type WizardApi = WizardIntents & WizardEvents;

export type IntentName = keyof WizardIntents;

/** Every intent name, checked both ways against WizardIntents by the compiler. */
const INTENT_SET = {
  hello: true,
  detect: true,
  setSource: true,
  allowOtherServer: true,
  collect: true,
  run: true,
  cancel: true,
  verify: true,
  startServices: true,
  newRepair: true,
  setLanguage: true,
  makeKit: true,
  listAgents: true,
  exportAgents: true,
  reportText: true,
  pickFolder: true,
  openFolder: true,
  relaunchElevated: true,
} as const satisfies Record<IntentName, true>;

export const INTENTS = Object.keys(INTENT_SET) as IntentName[];
