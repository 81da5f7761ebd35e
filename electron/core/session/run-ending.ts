/**
 * How a run ended, decided from what verify saw (IpXfer's exit code and output are not documented,
 * FACTS "IpXfer": U, so they never decide): the outcome, and the error that says why, quoting
 * IpXfer's last lines and naming the services a stop left down.
 */
import { FixError } from '../errors.js';
import type { Outcome } from '../outcome.js';
import type { RunResult } from '../run-ipxfer.js';
import type { Verdict } from '../verify.js';

export interface RunFacts {
  result: Pick<RunResult, 'timedOut' | 'cancelled' | 'exitCode'> & Partial<Pick<RunResult, 'signal'>>;
  verdict: Verdict | null;
  lastLines: string[];
  servicesDown: string[];
  timeoutMs: number;
}

export function runEnding({ result, verdict, lastLines, servicesDown, timeoutMs }: RunFacts): { outcome: Outcome; error: FixError | null } {
  if (result.timedOut) return { outcome: 'timeout', error: new FixError({ code: 'timeout', seconds: Math.round(timeoutMs / 1000), servicesDown }) };
  if (result.cancelled) return { outcome: 'cancelled', error: new FixError({ code: 'cancelled', servicesDown }) };
  if (verdict === 'fixed') return { outcome: 'fixed', error: null };
  if (verdict === 'not-fixed') {
    const { exitCode, signal } = result;
    // Ended by a crash or a signal: said as such ("ended abnormally"), never as "could not be started".
    const ended = (exitCode !== 0 && exitCode !== null) || !!signal;
    const error = ended ? new FixError({ code: 'ipxfer-exit', exitCode: exitCode ?? -1, signal: signal ?? null, lastLines }) : new FixError({ code: 'not-fixed', lastLines });
    return { outcome: 'failed', error };
  }
  return { outcome: 'not-verified', error: new FixError({ code: 'not-verified', lastLines, servicesDown }) };
}
