/**
 * Time as a session sees it: what "now" is and how a wait passes. The real clock reads the system
 * time and waits with timers; a test gives a fake one (tests/fixtures/fake-clock.ts) and decides when
 * time moves, so no judgement or wait depends on how fast the machine is.
 */
export interface Clock {
  now(): Date;
  /** Resolves once `ms` have passed on this clock, or at once when `signal` aborts (never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      // Aborted already (e.g. while the wait was being announced): an 'abort' event will not come again.
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** A clock that stands still at `at` and whose waits pass at once: for "judge at this moment". */
export function clockAt(at: Date): Clock {
  return { now: () => at, sleep: (_ms, _signal) => Promise.resolve() };
}
