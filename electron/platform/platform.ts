/**
 * The one seam between the repair flow and Windows. Everything that differs between a real PC and
 * the training / test simulation goes through this interface; `core/` never asks the OS directly.
 */

import type { RunningProcess } from '../base/process-tree.js';

export type { RunningProcess };

export type Arch = 'x86' | 'x64' | 'arm64';

/** `unknown`: the OS answered in a way that could not be read; never taken as `missing`. */
export type ServiceState = 'running' | 'stopped' | 'missing' | 'unknown';

/** What the agent registry key (`...\TrendMicro\PC-cillinNTCorp\CurrentVersion`) says. */
export interface AgentRegistry {
  /** `Application Path`: the agent folder, as Windows writes it. */
  dir: string;
  /** `Server`: the server host the agent reports to. */
  server: string | null;
  /** `Misc.\ProgramVer`, e.g. "14.0". */
  programVersion: string | null;
  /** `Misc.\BuildNum`: the agent build (a hint for the server build, not proof). */
  build: number | null;
}

/** A path as the user or Windows spells it, turned into one this process can open. */
export type LocalPath =
  | { ok: true; path: string }
  | { ok: false; reason: 'unreachable' | 'mapped-drive' | 'invalid' };

export interface Platform {
  /** `windows` on a real PC, `simulated` for training mode and tests: shown to the user and in reports. */
  readonly kind: 'windows' | 'simulated';
  /** OS bitness, correct even from a 32-bit process; null when the OS is not one we support. */
  arch(): Promise<Arch | null>;
  /** True when this process runs with administrator rights. */
  isElevated(): Promise<boolean>;
  hostname(): Promise<string>;
  /** OEM (console) code page programs write their output in: 932 on Japanese Windows. */
  codePage(): Promise<number>;
  /** The installed security agent, or null when none is installed. */
  agent(): Promise<AgentRegistry | null>;
  serviceState(name: string): Promise<ServiceState>;
  /**
   * Maps a path as typed (`\\server\share\x`, `C:\x`, relative) to a path this process can read.
   * UNC stays UNC on Windows; the simulation maps UNC roots and drives to local folders.
   */
  toLocalPath(path: string): LocalPath;
  /**
   * Ends a process and everything it started (IpXfer may start helpers); `tag` is the run's
   * environment tag where the runner set one. Returns what still runs, when the platform can tell.
   */
  killTree(pid: number, tag?: string | null): Promise<RunningProcess[] | void>;
  /**
   * Makes `dir` writable only by administrators (Windows: SYSTEM + Administrators, inheritance
   * removed; POSIX: 0700 and owned by this user), so nobody else can swap the copies in it.
   */
  makePrivateFolder(dir: string): Promise<void>;
  /**
   * The addresses a host name resolves to through the OS's resolver, or null when it does not
   * resolve (in time). Used to tell whether the server the files come from is the agent's.
   */
  resolveHost(name: string): Promise<string[] | null>;
  /**
   * The program's machine-wide folder (Windows: %ProgramData%\ApexCertFix; the simulation: the
   * simulated PC's own): it holds the lock that lets one repair at a time run on this PC.
   */
  machineFolder(): string;
  /** Starts an agent service (after a cancelled IpXfer left it stopped); false when it did not start. */
  startService?(name: string): Promise<boolean>;
  /**
   * How to start a program the flow runs (IpXfer, CertificateManager). Absent: the file itself.
   * The simulation's stand-ins are `#!` Node scripts, which Windows cannot start by themselves.
   */
  programCommand?(file: string, args: string[]): { file: string; args: string[] };
  /**
   * The OS's own Authenticode verdict (Windows: Get-AuthenticodeSignature's Status) on every file
   * at once, in order: one call for all programs of a run, ended in time. Never throws: a missing
   * verdict says why, and the shipped roots judge instead.
   */
  osSignatureStatuses?(files: readonly string[], signal?: AbortSignal): Promise<OsVerdict[]>;
}

/**
 * Why Windows gave no verdict: PowerShell is not there (`missing`), could not be started (`blocked`,
 * e.g. AppLocker), gave no answer in time (`timed-out`), ended with an error (`failed`), answered
 * in a way that cannot be read (`unreadable`), or could not read this one file (`file-unreadable`).
 */
export type OsVerdictUnavailable = 'missing' | 'blocked' | 'timed-out' | 'failed' | 'unreadable' | 'file-unreadable';

/** Windows' verdict on one file (Get-AuthenticodeSignature's Status, e.g. `Valid`), or why there is none. */
export type OsVerdict = { status: string } | { unavailable: OsVerdictUnavailable };
