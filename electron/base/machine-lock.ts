/**
 * One holder at a time for a whole machine, across processes: proper-lockfile's lock (an atomic
 * `mkdir` of `<dir>/repair.lock`, its mtime refreshed while held, so a holder that crashed leaves a
 * lock that goes stale and is taken over). Beside it `<dir>/repair-holder.json` says who holds it and
 * since when, for the words a waiting process shows. A waiter polls until its own deadline: both the
 * deadline and every pause between looks are on the caller's clock (a test's fake clock decides when
 * time passes); only proper-lockfile's own refresh timers run on real time.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AbortedError } from './abortable.js';
import type { Clock } from './clock.js';

export interface LockHolder {
  pid: number;
  /** When the holder took the lock (ISO, the holder's clock). */
  since: string;
}

export class LockBusyError extends Error {
  constructor(readonly holder: LockHolder | null) {
    super(`lock busy${holder ? ` (process ${holder.pid} since ${holder.since})` : ''}`);
    this.name = 'LockBusyError';
  }
}

export interface MachineLock {
  release(): Promise<void>;
  /** True once the lock could not be kept fresh (the machine slept, the folder went away). */
  readonly compromised: boolean;
}

export interface LockOptions {
  /** The caller's clock: the holder's `since`, the waiting deadline and the pauses between looks. */
  clock: Clock;
  /** How long to wait for another holder; 0: do not wait. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Called once when the lock is found held, and again when the holder changes. */
  onWaiting?: (holder: LockHolder | null) => void;
  /** A lock not refreshed for this long belongs to a process that died (proper-lockfile's minimum is 2 s). */
  staleMs?: number;
  pollMs?: number;
}

export const LOCK_NAME = 'repair.lock';
export const HOLDER_NAME = 'repair-holder.json';

export async function readHolder(dir: string): Promise<LockHolder | null> {
  try {
    const raw = JSON.parse(await readFile(path.join(dir, HOLDER_NAME), 'utf8')) as Partial<LockHolder>;
    if (typeof raw.pid === 'number' && Number.isInteger(raw.pid) && typeof raw.since === 'string') return { pid: raw.pid, since: raw.since };
  } catch {
    // No holder file (yet), or a torn one: the waiting words then name nobody.
  }
  return null;
}

/** Takes the machine's lock in `dir` (which must exist), waiting up to `timeoutMs`; throws LockBusyError after. */
export async function acquireMachineLock(dir: string, o: LockOptions): Promise<MachineLock> {
  const target = path.join(dir, 'repair');
  const deadline = o.clock.now().getTime() + o.timeoutMs;
  let compromised = false;
  let lastHolder: string | undefined;
  for (;;) {
    try {
      const release = await lockfile.lock(target, {
        lockfilePath: path.join(dir, LOCK_NAME),
        realpath: false,
        retries: 0,
        stale: Math.max(2000, o.staleMs ?? 10_000),
        // Never throw from a timer (the library's default): the run goes on, the flag records it.
        onCompromised: () => {
          compromised = true;
        },
      });
      const holderFile = path.join(dir, HOLDER_NAME);
      // Written beside it and renamed into place: a waiter reading it never sees half a file.
      const partial = `${holderFile}.${process.pid}.partial`;
      await writeFile(partial, JSON.stringify({ pid: process.pid, since: o.clock.now().toISOString() } satisfies LockHolder));
      await rename(partial, holderFile);
      let released = false;
      return {
        get compromised() {
          return compromised;
        },
        release: async () => {
          if (released) return;
          released = true;
          await rm(holderFile, { force: true });
          await release().catch(() => undefined);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
    }
    const holder = await readHolder(dir);
    const key = JSON.stringify(holder);
    if (key !== lastHolder) {
      lastHolder = key;
      o.onWaiting?.(holder);
    }
    if (o.signal?.aborted) throw new AbortedError();
    if (o.clock.now().getTime() >= deadline) throw new LockBusyError(holder);
    // The system clock's wait is a timer that is not unref'd: a CLI whose only work is this wait
    // does not end as if it had finished. An abort ends the wait at once.
    await o.clock.sleep(Math.min(o.pollMs ?? 250, Math.max(1, deadline - o.clock.now().getTime())), o.signal);
    if (o.signal?.aborted) throw new AbortedError();
  }
}
