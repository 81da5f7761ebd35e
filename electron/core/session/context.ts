/**
 * What a repair session and its sibling services share: the platform, the options, the language
 * and the clock. One object, so the kit and the mismatched agents list word and time things like the repair.
 */
import os from 'node:os';
import path from 'node:path';
import { systemClock, type Clock } from '../../base/clock.js';
import type { Arch, Platform } from '../../platform/platform.js';
import { FixError, type ErrorDetails } from '../errors.js';
import { messages, type Lang } from '../messages.js';
import type { ErrorStep, SessionOptions, WordedError } from './state.js';

export interface ResolvedOptions {
  workBase: string;
  reportsDir: string;
  timeoutMs: number;
  settleMs: number;
  archOverride: Arch | null;
  version: string;
  /** This PC's repair lock, left by a process that died, is taken over after this long. */
  lockStaleMs: number;
}

export class SessionContext {
  readonly platform: Platform;
  readonly options: ResolvedOptions;
  private language: Lang;
  /** The session's clock: every judgement of time and every wait uses it. */
  readonly clock: Clock;
  private readonly langListeners = new Set<() => void>();

  constructor(o: SessionOptions) {
    this.platform = o.platform;
    this.language = o.lang;
    this.clock = o.clock ?? systemClock;
    this.options = {
      workBase: o.workBase ?? defaultWorkBase(),
      reportsDir: o.reportsDir ?? defaultReportsDir(),
      timeoutMs: o.timeoutMs ?? 300_000,
      settleMs: o.settleMs ?? 60_000,
      archOverride: o.archOverride ?? null,
      version: o.version ?? '0.0.0',
      lockStaleMs: o.lockStaleMs ?? 10_000,
    };
  }

  get lang(): Lang {
    return this.language;
  }

  /** Rewords every service's texts: the language is one setting for the whole session. */
  setLang(lang: Lang): void {
    this.language = lang;
    for (const l of this.langListeners) l();
  }

  onLang(listener: () => void): () => void {
    this.langListeners.add(listener);
    return () => this.langListeners.delete(listener);
  }

  now(): Date {
    return this.clock.now();
  }

  /** Waits on the session's clock; an abort ends the wait early (it does not throw). */
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    return this.clock.sleep(ms, signal);
  }

  word(details: ErrorDetails, step: ErrorStep): WordedError {
    return { code: details.code, message: messages(this.language).error(details), details, step };
  }

  /** Any thrown value as the worded error a state carries. */
  wordError(e: unknown, step: ErrorStep): { error: WordedError; category: FixError['category'] } {
    const fix = e instanceof FixError ? e : new FixError({ code: 'internal', message: e instanceof Error ? e.message : String(e), ...thrownAt(e) });
    return { error: this.word(fix.details, step), category: fix.category };
  }
}

/**
 * Where an unexpected error was thrown, as `file.js:line` of the first frame in our code (Node's own
 * `node:` frames skipped; no folders: they would name the user's PC).
 */
function thrownAt(e: unknown): { at?: string } {
  for (const line of e instanceof Error ? (e.stack ?? '').split('\n').slice(1) : []) {
    const frame = /([^\s()]+):(\d+):\d+\)?\s*$/.exec(line);
    if (frame && !frame[1]!.startsWith('node:')) return { at: `${frame[1]!.split(/[\\/]/).pop()}:${frame[2]}` };
  }
  return {};
}

/**
 * Working folders: on Windows below %ProgramData%\ApexCertFix\work, made private to SYSTEM and
 * Administrators by the platform (never inherited from a user's %TEMP%); elsewhere the temp folder.
 */
export function defaultWorkBase(): string {
  if (process.platform === 'win32') return path.join(process.env.ProgramData ?? 'C:\\ProgramData', 'ApexCertFix', 'work');
  return path.join(os.tmpdir(), 'ApexCertFix');
}

/** Machine-wide on Windows (the app runs elevated), the user's home elsewhere. */
export function defaultReportsDir(): string {
  if (process.platform === 'win32') return path.join(process.env.ProgramData ?? 'C:\\ProgramData', 'ApexCertFix', 'reports');
  return path.join(os.homedir(), '.apex-cert-fix', 'reports');
}
