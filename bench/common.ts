/**
 * What every part of `npm run bench` shares: the mode (full, or `--quick` for `npm test`), the
 * statistics, and how a figure is printed beside its goal.
 *
 * Quick mode runs every part end to end on small sizes with few rounds, so that a change that breaks
 * the bench (a renamed button, a changed interface) fails `npm test` instead of waiting for the next
 * `npm run bench`. Its figures are printed but not judged: they come from a machine busy with the
 * rest of the tests and from sizes too small to mean anything.
 */
import os from 'node:os';

export interface BenchMode {
  quick: boolean;
}

export const MB = 1024 * 1024;

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The p-th percentile (nearest rank, 0 < p <= 100). */
export const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))]!;

export const fmt = (n: number, digits = 2): string => n.toFixed(digits);

/** "meets goal" / "MISSES goal"; in quick mode the goal is shown but not judged. */
export function verdict(mode: BenchMode, ok: boolean): string {
  if (mode.quick) return '(quick: not judged)';
  return ok ? 'meets goal' : 'MISSES goal';
}

/** The machine's load, printed beside timings that depend on it. */
export function load(): string {
  return `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`;
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
