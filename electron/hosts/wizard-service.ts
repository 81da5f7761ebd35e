/**
 * What every UI host does with a FixSession, whatever carries the messages (Electron IPC, the
 * browser host's WebSocket): check each intent's arguments (they come from a page, so they are
 * untrusted), keep the recent sources, word the state for the renderer, and batch output lines
 * so 100k lines cost a few hundred messages, not 100k.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { HostInfo, IntentName, Lang, OutputLine, WizardView } from '../contract.js';
import type { FixSession } from '../core/fix-session.js';
import { describeState } from '../core/session-text.js';
import { agentsToCsv, agentsToJson } from '../core/agents-list.js';

export class IntentError extends Error {}

export interface HostCapabilities {
  pickFolder?: () => Promise<string | null>;
  openFolder?: (folder: string) => Promise<void>;
  relaunchElevated?: () => Promise<void>;
}

export interface WizardHostOptions {
  session: FixSession;
  info: Omit<HostInfo, 'recentSources' | 'canPickFolder' | 'canOpenFolder' | 'canRelaunchElevated' | 'reportsDir'>;
  /** Where recent sources are kept between starts; null keeps them for this start only. */
  settingsFile: string | null;
  capabilities?: HostCapabilities;
  onView: (view: WizardView) => void;
  onOutput: (lines: OutputLine[]) => void;
  /** How often output lines are sent, in ms. */
  outputBatchMs?: number;
}

const MAX_TEXT = 2048;
const MAX_RECENT = 8;

function text(value: unknown, name: string, max = MAX_TEXT): string {
  if (typeof value !== 'string' || value.length > max) throw new IntentError(`${name} must be a string of at most ${max} characters`);
  return value;
}

function buildOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 99999) throw new IntentError('serverBuild must be a whole number or null');
  return value;
}

export class WizardHost {
  private recent: string[] = [];
  private pending: OutputLine[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: (() => void)[];
  private readonly o: WizardHostOptions;

  constructor(o: WizardHostOptions) {
    this.o = o;
    this.unsubscribe = [
      o.session.onState(() => o.onView(this.view())),
      o.session.onOutput((line) => {
        this.pending.push(line);
        this.flushTimer ??= setTimeout(() => this.flush(), o.outputBatchMs ?? 50);
      }),
    ];
  }

  view(): WizardView {
    const state = this.o.session.state;
    return { state, text: describeState(state, state.lang) };
  }

  private flush(): void {
    this.flushTimer = null;
    if (this.pending.length === 0) return;
    const lines = this.pending;
    this.pending = [];
    this.o.onOutput(lines);
  }

  async loadSettings(): Promise<void> {
    if (!this.o.settingsFile) return;
    try {
      const saved = JSON.parse(await readFile(this.o.settingsFile, 'utf8')) as { recentSources?: unknown };
      if (Array.isArray(saved.recentSources)) this.recent = saved.recentSources.filter((s): s is string => typeof s === 'string').slice(0, MAX_RECENT);
    } catch {
      // No settings yet, or unreadable: start with none.
    }
  }

  private async remember(source: string): Promise<void> {
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
      lang: this.o.session.state.lang,
      recentSources: this.recent,
      reportsDir: this.o.session.reportsDir,
      canPickFolder: !!c.pickFolder,
      canOpenFolder: !!c.openFolder,
      canRelaunchElevated: !!c.relaunchElevated,
    };
  }

  /** Runs one intent with arguments exactly as they arrived from the page. */
  async handle(name: IntentName, args: unknown[]): Promise<unknown> {
    const s = this.o.session;
    const c = this.o.capabilities ?? {};
    switch (name) {
      case 'hello':
        this.o.onView(this.view());
        return this.info();
      case 'detect':
        await s.detect();
        return;
      case 'setSource': {
        const input = text(args[0], 'source');
        await s.setSource(input, buildOrNull(args[1]));
        if (s.state.source) await this.remember(input.trim());
        return;
      }
      case 'collect':
        await s.collect();
        return;
      case 'run': {
        // The password is handed to the session for this run and not kept here.
        const password = args[0] === null ? null : text(args[0], 'password', 512);
        await s.run(password, args[1] === true);
        this.flush();
        return;
      }
      case 'cancel':
        s.cancel();
        return;
      case 'verify':
        await s.verify();
        return;
      case 'setLanguage': {
        const lang = args[0];
        if (lang !== 'ja' && lang !== 'en') throw new IntentError('lang must be "ja" or "en"');
        s.setLanguage(lang as Lang);
        return;
      }
      case 'makeKit':
        await s.makeKit(text(args[0], 'source'), text(args[1], 'outDir'), buildOrNull(args[2]));
        return;
      case 'listAgents':
        await s.listAgents(null);
        return;
      case 'exportAgents': {
        const table = s.state.agents?.table;
        if (!table) throw new IntentError('no agents list yet');
        if (args[0] === 'json') {
          return { name: 'mismatched-agents.json', mime: 'application/json', base64: Buffer.from(JSON.stringify(agentsToJson(table), null, 2)).toString('base64') };
        }
        if (args[0] === 'csv') return { name: 'mismatched-agents.csv', mime: 'text/csv', base64: agentsToCsv(table).toString('base64') };
        throw new IntentError('format must be "csv" or "json"');
      }
      case 'pickFolder':
        if (!c.pickFolder) throw new IntentError('this host has no folder picker');
        return c.pickFolder();
      case 'openFolder': {
        if (!c.openFolder) throw new IntentError('this host cannot open folders');
        // Only the folders the session itself made: never a path the page names.
        const folder = args[0] === 'reports' ? s.reportsDir : args[0] === 'work' ? s.state.collect.workDir : null;
        if (!folder) throw new IntentError('no such folder');
        return c.openFolder(folder);
      }
      case 'relaunchElevated':
        if (!c.relaunchElevated) throw new IntentError('this host cannot restart as administrator');
        return c.relaunchElevated();
      default:
        throw new IntentError(`unknown intent ${String(name)}`);
    }
  }

  close(): void {
    this.session.cancel();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flush();
    for (const u of this.unsubscribe) u();
  }

  get session(): FixSession {
    return this.o.session;
  }
}
