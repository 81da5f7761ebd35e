/**
 * What must hold before IpXfer runs: copies to run (step 3 done), a PC that is ready, and programs
 * that are Trend Micro's or that the user confirmed. The first that does not hold is thrown.
 */
import type { CollectedFile } from '../collect.js';
import { environmentProblems } from '../environment.js';
import { FixError } from '../errors.js';
import { publisherGate } from './publisher-checks.js';
import type { RepairState } from './state.js';

export interface RunnableCopies {
  workDir: string;
  ipxfer: CollectedFile;
  certificate: CollectedFile;
  /** The programs run on the user's word (not verified as Trend Micro's): the report says so. */
  overridden: boolean;
}

/** The first thing that stops a fix on this PC, as an error (null: nothing does). */
export function firstBlocker(s: Pick<RepairState, 'environment'>): FixError | null {
  const problem = s.environment ? environmentProblems(s.environment)[0] : undefined;
  return problem ? new FixError(problem) : null;
}

export function runnableCopies(s: RepairState, allowUnverifiedPublisher: boolean): RunnableCopies {
  const { workDir, files } = s.collect;
  const ipxfer = files.find((f) => f.role === 'ipxfer');
  const certificate = files.find((f) => f.role === 'certificate');
  if (!workDir || !ipxfer || !certificate) throw new FixError({ code: 'step-order', step: 'run', needs: 'collect' });
  const blocker = firstBlocker(s);
  if (blocker) throw blocker;
  const { refusal, overridden } = publisherGate(s.publisher, allowUnverifiedPublisher);
  if (refusal) throw refusal;
  return { workDir, ipxfer, certificate, overridden };
}
