/** What a repair session accepts next, derived from its state in one place (the step rules). */
import { alreadyFixed } from './agent-before.js';
import type { Available, RepairState } from './state.js';

type Facts = Omit<RepairState, 'available'>;

/** The source was checked: a plan and the server's certificate are known. */
export const isPlanned = (s: Facts) => s.plan !== null && s.certificate !== null;
/**
 * Step 3 left copies to run: they exist (a fixed run's folder is removed) and no run has ended on
 * them (after a result, running again is a new repair with fresh copies).
 */
export const isCollected = (s: Facts) => s.collect.workDir !== null && s.collect.files.length > 0 && s.finishedAt === null && !s.workDirAfter?.removed;
/** Nothing to repair: the agent (as it is now, after a run) holds the server's certificate and its services run. */
export const nothingToRepair = (s: Facts) => alreadyFixed(s.agentCertificateNow ?? s.agentCertificateBefore);
/** This PC was looked at and nothing stops a fix. */
export const isReady = (s: Facts) => s.environment !== null && s.blockers.length === 0;

export function availableFrom(s: Facts, canStartServices: boolean): Available {
  const idle = s.busy === null;
  const ready = isReady(s);
  const planned = isPlanned(s);
  const collected = isCollected(s);
  const stoppedServices = s.verification?.checks.some((c) => c.name === 'service' && c.result !== 'pass') ?? false;
  return {
    detect: idle,
    setSource: idle,
    collect: idle && ready && planned,
    collectForce: idle && ready && planned && s.outcome === 'already-fixed',
    run: idle && ready && collected,
    verify: idle && s.run !== null && s.environment?.agent != null,
    cancel: s.busy !== null,
    repair: idle && ready && planned && !nothingToRepair(s),
    repairForce: idle && ready && planned && nothingToRepair(s),
    startServices: idle && canStartServices && stoppedServices && (s.run?.cancelled === true || s.run?.timedOut === true || s.outcome === 'not-verified'),
  };
}
