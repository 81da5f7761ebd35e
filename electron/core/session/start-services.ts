/**
 * "Start the services" after a cancelled or timed-out IpXfer left the agent's services stopped.
 * `sc start` returns as soon as the service is START_PENDING, which `sc query` reads as not
 * running, so a look right after it says nothing. Each service is started in the agent's order
 * (tmlisten, the listener, before ntrtscan, the scan service) and its state is read again until it
 * runs, for up to SERVICE_START_LIMIT_MS, with the session's clock; every service that did not
 * start is named, not only the first.
 */
import type { Platform } from '../../platform/platform.js';

export const SERVICE_START_LIMIT_MS = 30_000;
export const SERVICE_POLL_MS = 1_000;
/** The order services are started in: the listener first, then the scan service. */
const START_ORDER = ['tmlisten', 'ntrtscan'];

export interface StartServicesOptions {
  platform: Pick<Platform, 'serviceState'> & { startService(name: string): Promise<boolean> };
  services: readonly string[];
  /** The session's clock, in milliseconds. */
  now: () => number;
  /** The session's wait: a fake clock in tests moves time instead of waiting. */
  wait: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  limitMs?: number;
  pollMs?: number;
  /** Before each wait: which service, how long so far. */
  onWaiting?: (service: string, elapsedMs: number, limitMs: number) => void;
}

/** Starts the services in order and waits for each; returns those that did not reach RUNNING. */
export async function startServicesInOrder(o: StartServicesOptions): Promise<string[]> {
  const limit = o.limitMs ?? SERVICE_START_LIMIT_MS;
  const rank = (s: string) => {
    const i = START_ORDER.indexOf(s.toLowerCase());
    return i < 0 ? START_ORDER.length : i;
  };
  const failed: string[] = [];
  for (const service of [...o.services].sort((a, b) => rank(a) - rank(b))) {
    if (o.signal?.aborted) {
      failed.push(service);
      continue;
    }
    if (!(await o.platform.startService(service).catch(() => false))) {
      failed.push(service);
      continue;
    }
    const started = o.now();
    for (;;) {
      const state = await o.platform.serviceState(service).catch(() => 'unknown' as const);
      if (state === 'running') break;
      const elapsed = o.now() - started;
      // Pending (read as stopped) and unreadable states are waited on; a missing service never comes.
      if (state === 'missing' || elapsed >= limit || o.signal?.aborted) {
        failed.push(service);
        break;
      }
      o.onWaiting?.(service, elapsed, limit);
      await o.wait(Math.min(o.pollMs ?? SERVICE_POLL_MS, limit - elapsed), o.signal);
    }
  }
  return failed;
}
