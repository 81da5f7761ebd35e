/**
 * What a program started, found through Linux's /proc. A process group alone is not enough: a
 * helper that calls setsid() leaves the group and the session, and once its parent is gone it is
 * re-parented to init. So three clues are combined:
 * - parent pids (walked from the program while it still runs),
 * - an environment tag the program was started with, which its descendants inherit whatever their
 *   parent, group or session (only a process that clears its environment loses it),
 * - membership of a process group or session led by one of the processes already found.
 * Parent pids break when a parent ends, so a killer freezes the family first (kill-process-group.ts).
 * Where /proc does not exist (macOS), null: "cannot tell", never "nothing".
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The environment variable that marks every process a run started. */
export const TAG_VARIABLE = 'RUN_PROGRAM_TAG';

export interface RunningProcess {
  pid: number;
  /** The program file (argv[0]); never its arguments, which may hold a secret. */
  command: string;
}

export interface ProcessInfo extends RunningProcess {
  ppid: number;
  pgid: number;
  sid: number;
  /** Ended, waiting for its parent to collect it: not running any more. */
  zombie: boolean;
  tagged: boolean;
}

const PROC = '/proc';

function readStat(pid: number): Pick<ProcessInfo, 'ppid' | 'pgid' | 'sid' | 'zombie'> | null {
  try {
    const stat = readFileSync(`${PROC}/${pid}/stat`, 'latin1');
    // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { zombie: fields[0] === 'Z' || fields[0] === 'X', ppid: Number(fields[1]), pgid: Number(fields[2]), sid: Number(fields[3]) };
  } catch {
    return null; // ended while we looked
  }
}

function readEnvironment(pid: number): string {
  try {
    return '\0' + readFileSync(`${PROC}/${pid}/environ`, 'utf8');
  } catch {
    return ''; // ended, or not ours to read
  }
}

function readCommand(pid: number): string {
  try {
    const argv0 = readFileSync(`${PROC}/${pid}/cmdline`, 'utf8').split('\0')[0];
    if (argv0) return argv0;
    return readFileSync(`${PROC}/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}

/** The tag a running process was started with, or null. */
export function readTag(pid: number): string | null {
  const marker = `\0${TAG_VARIABLE}=`;
  const env = readEnvironment(pid);
  const at = env.indexOf(marker);
  if (at < 0) return null;
  const end = env.indexOf('\0', at + marker.length);
  return env.slice(at + marker.length, end < 0 ? undefined : end) || null;
}

/** Every process on the system, or null where /proc is missing. */
export function listProcesses(tag: string | null): ProcessInfo[] | null {
  let names: string[];
  try {
    names = readdirSync(PROC);
  } catch {
    return null;
  }
  const marker = tag ? `\0${TAG_VARIABLE}=${tag}\0` : null;
  const out: ProcessInfo[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const stat = readStat(pid);
    if (!stat) continue;
    const tagged = marker !== null && (readEnvironment(pid) + '\0').includes(marker);
    out.push({ pid, ...stat, tagged, command: '' });
  }
  return out;
}

/**
 * The processes related to `rootPid` (itself included while it runs), zombies left out. The root's
 * pid seeds the search even when it has ended: its group and session keep its number.
 */
export function relatedProcesses(rootPid: number, procs: readonly ProcessInfo[], known: Iterable<number> = []): ProcessInfo[] {
  const ids = new Set<number>([rootPid, ...known]);
  const isOurs = (p: ProcessInfo) => p.pid === process.pid || p.pid === 1;
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (ids.has(p.pid) || isOurs(p)) continue;
      if (p.tagged || ids.has(p.ppid) || ids.has(p.pgid) || ids.has(p.sid)) {
        ids.add(p.pid);
        grew = true;
      }
    }
  }
  return procs.filter((p) => ids.has(p.pid) && !p.zombie).map((p) => ({ ...p, command: readCommand(p.pid) }));
}

/** What of the run is still running, or null where this cannot be told. */
export function stillRunning(rootPid: number, tag: string | null): RunningProcess[] | null {
  const procs = listProcesses(tag);
  if (!procs) return null;
  return relatedProcesses(rootPid, procs).map(({ pid, command }) => ({ pid, command }));
}
