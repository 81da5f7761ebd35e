/**
 * How a run ended, decided from what verify saw (IpXfer's exit code and output are not documented,
 * docs/vendor-facts.md "IpXfer": U, so they never decide): the outcome, and the error that says why, quoting
 * IpXfer's last lines and naming the services a stop left down.
 */
import { FixError } from '../errors.js';
import type { Outcome } from '../outcome.js';
import type { RunResult } from '../run-ipxfer.js';
import type { AgentVerdict, Verification } from '../verify.js';
import type { ErrorStep } from './state.js';

/** Why a run did not fix the agent, and the step it belongs to: the run's own stop, or what verify saw. */
export interface RunStop {
  error: FixError;
  step: Extract<ErrorStep, 'run' | 'verify'>;
}

export interface RunFacts {
  result: Pick<RunResult, 'timedOut' | 'cancelled' | 'exitCode'> & Partial<Pick<RunResult, 'signal'>>;
  verdict: AgentVerdict | null;
  lastLines: string[];
  servicesDown: string[];
  timeoutMs: number;
}

export function runEnding({ result, verdict, lastLines, servicesDown, timeoutMs }: RunFacts): { outcome: Outcome; stop: RunStop | null } {
  if (result.timedOut) return { outcome: 'timeout', stop: { step: 'run', error: new FixError({ code: 'timeout', seconds: Math.round(timeoutMs / 1000), servicesDown }) } };
  if (result.cancelled) return { outcome: 'cancelled', stop: { step: 'run', error: new FixError({ code: 'cancelled', servicesDown, ipxferStopped: true }) } };
  if (verdict === 'fixed') return { outcome: 'fixed', stop: null };
  if (verdict === 'not-fixed') {
    const { exitCode, signal } = result;
    // Ended by a crash or a signal: said as such ("ended abnormally"), never as "could not be started".
    const ended = (exitCode !== 0 && exitCode !== null) || !!signal;
    const stop: RunStop = ended ? { step: 'run', error: new FixError({ code: 'ipxfer-exit', exitCode: exitCode ?? -1, signal: signal ?? null, lastLines }) } : { step: 'verify', error: new FixError({ code: 'not-fixed', lastLines }) };
    return { outcome: 'failed', stop };
  }
  return { outcome: 'not-verified', stop: { step: 'verify', error: new FixError({ code: 'not-verified', lastLines, servicesDown }) } };
}

/** The agent services verify found not running. */
export function servicesDown(verification: Verification | null): string[] {
  return (verification?.checks ?? []).flatMap((c) => (c.name === 'service' && c.result !== 'pass' ? [c.service] : []));
}
