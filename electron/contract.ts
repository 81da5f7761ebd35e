/**
 * The renderer's only door (types only): intents it may send, and what it is sent back. The same
 * contract is served by the Electron preload (IPC) and by the browser host (WebSocket). The renderer
 * never names a program or builds a command line: it sends text, the password and choices.
 */
import type { Lang } from './core/messages.js';
import type { SessionState } from './core/session-state.js';
import type { OutputLine } from './core/run-ipxfer.js';
import type { SessionText } from './core/session-text.js';

export type { Lang, SessionState, OutputLine };

/** The session state plus every domain text already worded in the session's language. */
export interface WizardView {
  state: SessionState;
  text: SessionText;
}

export interface HostInfo {
  kind: 'electron' | 'browser';
  /** True in the training mode: the PC and server are simulated. */
  simulated: boolean;
  /** The OS / browser language the wizard should start in. */
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
  setSource(input: string, serverBuild: number | null): Promise<void>;
  collect(): Promise<void>;
  /**
   * null: no unload password is set. The password is used for this run only. Programs not
   * verified as Trend Micro's run only when the user confirmed it (`allowUnverifiedPublisher`).
   */
  run(password: string | null, allowUnverifiedPublisher?: boolean): Promise<void>;
  cancel(): Promise<void>;
  verify(): Promise<void>;
  setLanguage(lang: Lang): Promise<void>;
  makeKit(input: string, outDir: string, serverBuild: number | null): Promise<void>;
  /** Server check: run CertificateManager -l on this PC (the Apex One server). */
  listAgents(): Promise<void>;
  /** The server check's list as a file to save: CSV (UTF-8 with BOM, for Excel) or JSON. */
  exportAgents(format: 'csv' | 'json'): Promise<{ name: string; mime: string; base64: string }>;
  /** Host capabilities; each rejects where HostInfo says it is not available. */
  pickFolder(): Promise<string | null>;
  openFolder(which: 'reports' | 'work'): Promise<void>;
  relaunchElevated(): Promise<void>;
}

export interface WizardEvents {
  onView(listener: (view: WizardView) => void): () => void;
  onOutput(listener: (lines: OutputLine[]) => void): () => void;
}

export type WizardApi = WizardIntents & WizardEvents;

export const INTENTS = [
  'hello',
  'detect',
  'setSource',
  'collect',
  'run',
  'cancel',
  'verify',
  'setLanguage',
  'makeKit',
  'listAgents',
  'exportAgents',
  'pickFolder',
  'openFolder',
  'relaunchElevated',
] as const satisfies readonly (keyof WizardIntents)[];

export type IntentName = (typeof INTENTS)[number];

/** Fails to compile when an intent is added to WizardIntents but not to INTENTS. */
export const INTENTS_COMPLETE: [Exclude<keyof WizardIntents, IntentName>] extends [never] ? true : never = true;
