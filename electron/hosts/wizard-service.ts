/**
 * What every UI host does, whatever carries the messages (Electron IPC, the browser host's
 * WebSocket, the Wine lane's test entry; dispatch.ts turns their frames into calls here): one
 * handler per intent of the contract's table (the compiler checks each against it), the
 * arguments validated first, the recent sources kept, the state worded for the renderer, and
 * output batched so 100k lines cost a few hundred messages. The sessions live here, not in the
 * page: a page that reloads or reconnects gets the whole view and the output so far again.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { isIntentName, parseIntentArgs, type AnyIntentResult, type HostInfo, type IntentName, type IntentResult, type OutputBatch, type WizardIntents, type WizardView } from '../contract/index.js';
import { agentsToCsv, agentsToJson } from '../core/mismatched-agents.js';
import { FixError } from '../core/errors.js';
import { messages } from '../core/messages.js';
import type { SessionContext } from '../core/session/context.js';
import { KitService } from '../core/session/kit-service.js';
import { RepairSession } from '../core/session/repair-session.js';
import { MismatchedAgentsService } from '../core/session/mismatched-agents-service.js';
import { describeState, type SessionText } from '../core/session-text.js';
import type { KitState, RepairState, MismatchedAgentsState } from '../core/session/state.js';
import { wizardSteps, type WizardSteps } from '../core/session/wizard-steps.js';

/** A refusal of the intent itself (unknown, wrong arguments, not possible here): its words go to the page as they are. */
export class IntentError extends Error {}

export interface HostCapabilities {
  pickFolder?: () => Promise<string | null>;
  openFolder?: (folder: string) => Promise<void>;
  relaunchElevated?: () => Promise<void>;
}

export interface WizardServiceOptions {
  context: SessionContext;
  info: Omit<HostInfo, 'recentSources' | 'canPickFolder' | 'canOpenFolder' | 'canRelaunchElevated' | 'reportsDir' | 'lang'>;
  /** Where recent sources are kept between starts; null keeps them for this start only. */
  settingsFile: string | null;
  capabilities?: HostCapabilities;
  onView: (view: WizardView) => void;
  onOutput: (batch: OutputBatch) => void;
  /** How often output lines are sent, in ms. */
  outputBatchMs?: number;
}

const MAX_RECENT = 8;

/** The view as core holds it: what is sent as the contract's WizardView (hosts/view-check.ts). */
export interface SessionView {
  state: RepairState;
  kit: KitState;
  mismatchedAgents: MismatchedAgentsState;
  text: SessionText;
  steps: WizardSteps;
}

export class WizardService {
  private recent: string[] = [];
  private pending: OutputBatch = { reset: false, lines: [], dropped: 0 };
  private flushTimer: NodeJS.Timeout | null = null;
  private repairSession!: RepairSession;
  private unsubscribeRepair: (() => void)[] = [];
  readonly kit: KitService;
  readonly mismatchedAgents: MismatchedAgentsService;
  private readonly o: WizardServiceOptions;
  private readonly unsubscribe: (() => void)[];

  constructor(o: WizardServiceOptions) {
    this.o = o;
    this.kit = new KitService(o.context);
    this.mismatchedAgents = new MismatchedAgentsService(o.context);
    this.attachRepair(new RepairSession(o.context));
    this.unsubscribe = [
      this.kit.onState(() => this.publish()),
      this.mismatchedAgents.onState(() => this.publish()),
      this.mismatchedAgents.onOutput((line) => this.queue(line)),
    ];
  }

  get repair(): RepairSession {
    return this.repairSession;
  }

  private attachRepair(session: RepairSession): void {
    for (const u of this.unsubscribeRepair) u();
    this.repairSession = session;
    this.unsubscribeRepair = [
      session.onState((s) => {
        // A new run starts a new log on every page.
        if (s.running && s.running.attempt !== this.lastAttempt) {
          this.lastAttempt = s.running.attempt;
          this.pending = { reset: true, lines: [], dropped: 0 };
        }
        this.publish();
      }),
      session.onOutput((line) => this.queue(line)),
    ];
  }
  private lastAttempt = 0;

  view(): SessionView {
    const state = this.repairSession.state;
    const mismatchedAgents = this.mismatchedAgents.state;
    return { state, kit: this.kit.state, mismatchedAgents, text: describeState(state, state.lang, this.o.context.now()), steps: wizardSteps(state, mismatchedAgents, this.looking?.at === this.repairSession) };
  }

  private publish(): void {
    this.o.onView(this.view());
  }

  private queue(line: OutputBatch['lines'][number]): void {
    this.pending.lines.push(line);
    this.flushTimer ??= setTimeout(() => this.flush(), this.o.outputBatchMs ?? 50);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pending.lines.length === 0 && !this.pending.reset) return;
    const batch = this.pending;
    this.pending = { reset: false, lines: [], dropped: 0 };
    this.o.onOutput(batch);
  }

  /** What a page that just (re)connected needs: the whole view, then the output kept so far. */
  resync(send: (view: WizardView, output: OutputBatch) => void): void {
    const busyAgents = this.mismatchedAgents.state.busy !== null || (this.mismatchedAgents.state.agents !== null && !this.repairSession.state.running && !this.repairSession.state.run);
    const snap = busyAgents ? this.mismatchedAgents.outputSnapshot() : this.repairSession.outputSnapshot();
    send(this.view(), { reset: true, lines: snap.lines, dropped: snap.total - snap.lines.length });
  }

  /**
   * The host starts: the saved settings are read, and the PC (then the suggested source) is looked
   * at at once, while the window loads, instead of when the page first asks: the first screen then
   * opens on its diagnosis rather than waiting for a round trip and the checks behind it (`npm run
   * bench`, "first step interactive"). Looking changes nothing; what it finds, or fails to find, is
   * the session's state, which the page shows as if it had asked itself.
   */
  async start(): Promise<void> {
    await this.loadSettings();
    // Its failures are the session's state; nobody awaits this one.
    this.lookAtPc().catch(() => undefined);
  }

  /** Resolves once a look at the PC under way (`start`'s, or a page's) has ended. */
  async lookedAtPc(): Promise<void> {
    await this.looking?.done.catch(() => undefined);
  }

  /** The look under way, and the repair it looks for: a new repair gets a look of its own. */
  private looking: { at: RepairSession; done: Promise<void> } | null = null;
  private closed = false;

  /** The PC, then the suggested source; a second ask while one look runs for this repair joins it. */
  private lookAtPc(): Promise<void> {
    const session = this.repairSession;
    if (this.looking?.at === session) return this.looking.done;
    const done: Promise<void> = (async () => {
      await Promise.all([session.detect(), this.mismatchedAgents.detect()]);
      // A host closed meanwhile (the window closed at once) reads no share after its close, and a
      // repair replaced meanwhile ("repair another PC") is not checked for the new one.
      if (!this.closed && session === this.repairSession) await this.checkSuggestedSource();
    })().finally(() => {
      if (this.looking?.done === done) this.looking = null;
    });
    this.looking = { at: session, done };
    return done;
  }

  private async loadSettings(): Promise<void> {
    if (!this.o.settingsFile) return;
    try {
      const saved = JSON.parse(await readFile(this.o.settingsFile, 'utf8')) as { recentSources?: unknown };
      if (Array.isArray(saved.recentSources)) this.recent = saved.recentSources.filter((s): s is string => typeof s === 'string').slice(0, MAX_RECENT);
    } catch {
      // No settings yet, or unreadable: start with none.
    }
  }

  /**
   * The source the page pre-fills: a kit beside the app, else the share of the server the agent
   * reports to. It is offered anyway, so it never goes into the recent list.
   */
  private suggestedSource(): string | null {
    const server = this.repairSession.state.environment?.agent?.server;
    return this.o.info.kitBesideApp ?? (server ? `\\\\${server}\\ofcscan` : null);
  }

  /**
   * Say what is wrong before asking anything: once the PC is known and ready, the suggested source
   * is checked, so the first screen can show the agent's certificate beside the server's. Reading a
   * share changes nothing; a source that cannot be reached is said on the Server step.
   */
  private async checkSuggestedSource(): Promise<void> {
    const s = this.repairSession.state;
    const suggested = this.suggestedSource();
    if (!suggested || !s.environment || s.blockers.length > 0 || s.source || s.busy) return;
    await this.repairSession.setSource(suggested, null);
  }

  private async remember(source: string): Promise<void> {
    // Only what the user typed or picked: the pre-filled suggestion is offered anyway.
    if (source.toLowerCase() === this.suggestedSource()?.toLowerCase()) return;
    this.recent = [source, ...this.recent.filter((s) => s.toLowerCase() !== source.toLowerCase())].slice(0, MAX_RECENT);
    if (!this.o.settingsFile) return;
    try {
      await mkdir(path.dirname(this.o.settingsFile), { recursive: true });
      await writeFile(this.o.settingsFile, JSON.stringify({ recentSources: this.recent }, null, 2));
    } catch {
      // Settings are a convenience; a read-only stick must not stop a repair.
    }
  }

  info(): HostInfo {
    const c = this.o.capabilities ?? {};
    return {
      ...this.o.info,
      lang: this.o.context.lang,
      recentSources: this.recent,
      reportsDir: this.o.context.options.reportsDir,
      canPickFolder: !!c.pickFolder,
      canOpenFolder: !!c.openFolder,
      canRelaunchElevated: !!c.relaunchElevated,
    };
  }

  /** Runs one intent with arguments exactly as they arrived from the page: validated, then handled. */
  async handle(name: unknown, args: unknown): Promise<AnyIntentResult> {
    if (!isIntentName(name)) throw new IntentError('unknown intent');
    return this.run(name, args === undefined ? [] : args);
  }

  private async run<K extends IntentName>(name: K, args: unknown): Promise<IntentResult<K>> {
    const parsed = parseIntentArgs(name, args);
    if (!parsed.ok) throw new IntentError(parsed.error);
    const handler: WizardIntents[K] = this.handlers[name];
    return handler(...parsed.args);
  }

  private readonly handlers: WizardIntents = {
    hello: async () => {
      // A page that says hello (first load, reload, a reopened window) gets the session as it is now.
      this.resync((view, output) => {
        this.flush();
        this.o.onView(view);
        this.o.onOutput(output);
      });
      return this.info();
    },
    detect: () => this.lookAtPc(),
    setSource: async (input, serverBuild) => {
      await this.repairSession.setSource(input, serverBuild);
      // Only what the user typed and what was found: a recent list of sources that worked.
      if (this.repairSession.state.source) await this.remember(input.trim());
    },
    allowOtherServer: async () => {
      await this.repairSession.allowOtherServer();
    },
    collect: async (force) => {
      await this.repairSession.collect(force);
    },
    run: async (password, allowUnverifiedPublisher) => {
      // The password is handed to the session for this run and not kept here.
      await this.repairSession.run(password, { allowUnverifiedPublisher });
      this.flush();
    },
    repair: async (password, allowUnverifiedPublisher, force) => {
      // The password is handed to the session for this repair and not kept here.
      await this.repairSession.repair(password, { allowUnverifiedPublisher, force });
      this.flush();
    },
    cancel: async () => {
      this.repairSession.cancel();
      this.kit.cancel();
      this.mismatchedAgents.cancel();
    },
    verify: async () => {
      await this.repairSession.verify();
    },
    startServices: async () => {
      await this.repairSession.startServices();
    },
    newRepair: async () => {
      // Worded in the session's language, like every refusal the page shows.
      const running = this.repairSession.state.busy;
      if (running) throw new FixError({ code: 'busy', running });
      void this.repairSession.dispose();
      this.lastAttempt = 0;
      this.pending = { reset: true, lines: [], dropped: 0 };
      this.attachRepair(new RepairSession(this.o.context));
      this.flush();
      this.publish();
      await this.lookAtPc();
    },
    setLanguage: async (lang) => {
      this.o.context.setLang(lang);
    },
    makeKit: async (input, outDir) => {
      await this.kit.make(input, outDir, this.repairSession.buildOverride);
    },
    listMismatchedAgents: async () => {
      this.pending = { reset: true, lines: [], dropped: 0 };
      await this.mismatchedAgents.list(null);
      this.flush();
    },
    exportMismatchedAgents: async (format) => {
      const table = this.mismatchedAgents.state.agents?.table;
      if (!table) throw new IntentError('no agents list yet');
      if (format === 'json') return { name: 'mismatched-agents.json', mime: 'application/json', base64: Buffer.from(JSON.stringify(agentsToJson(table), null, 2)).toString('base64') };
      return { name: 'mismatched-agents.csv', mime: 'text/csv', base64: agentsToCsv(table).toString('base64') };
    },
    reportText: async () => {
      const file = this.repairSession.state.report?.text;
      return file ? (await readFile(file, 'utf8')).replace(/^\ufeff/, '') : null;
    },
    pickFolder: async () => {
      const pick = this.o.capabilities?.pickFolder;
      if (!pick) throw new IntentError('this host has no folder picker');
      return pick();
    },
    openFolder: async (which) => {
      const open = this.o.capabilities?.openFolder;
      if (!open) throw new IntentError('this host cannot open folders');
      // Only the folders the session itself made: never a path the page names.
      const folder = which === 'reports' ? this.o.context.options.reportsDir : this.repairSession.state.collect.workDir;
      if (!folder) throw new IntentError('no such folder');
      return open(folder);
    },
    relaunchElevated: async () => {
      const relaunch = this.o.capabilities?.relaunchElevated;
      if (!relaunch) throw new IntentError('this host cannot restart as administrator');
      return relaunch();
    },
  };

  /** A handler's failure as the words the page shows: our messages, never a stack or a password. */
  failureText(e: unknown): string {
    if (e instanceof FixError) return messages(this.o.context.lang).error(e.details);
    if (e instanceof IntentError) return e.message;
    return 'internal error';
  }

  /** Whether something is running that closing the window would stop (IpXfer above all). */
  get busy(): boolean {
    return this.repairSession.state.busy !== null || this.kit.state.busy !== null || this.mismatchedAgents.state.busy !== null;
  }

  /** Stops what runs (IpXfer and what it started); resolves once every operation has ended. */
  close(): Promise<void> {
    this.closed = true;
    const ended = Promise.all([this.repairSession.dispose(), this.kit.dispose(), this.mismatchedAgents.dispose(), this.lookedAtPc()]);
    this.flush();
    for (const u of [...this.unsubscribe, ...this.unsubscribeRepair]) u();
    return ended.then(() => undefined);
  }
}
