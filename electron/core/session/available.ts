/** What a repair session accepts next, derived from its state in one place (the step rules). */
import type { Available, RepairState } from './state.js';

export function availableFrom(s: Omit<RepairState, 'available'>, canStartServices: boolean): Available {
  const idle = s.busy === null;
  const ready = s.environment !== null && s.blockers.length === 0;
  const planned = s.plan !== null && s.certificate !== null;
  const collected = s.collect.workDir !== null && s.collect.files.length > 0;
  const stoppedServices = s.verification?.checks.some((c) => c.name === 'service' && c.result !== 'pass') ?? false;
  return {
    detect: idle,
    setSource: idle,
    collect: idle && ready && planned,
    collectForce: idle && ready && planned && s.outcome === 'already-fixed',
    run: idle && ready && collected,
    verify: idle && s.run !== null && s.environment?.agent != null,
    cancel: s.busy !== null,
    startServices: idle && canStartServices && stoppedServices && (s.run?.cancelled === true || s.run?.timedOut === true || s.outcome === 'not-verified'),
  };
}
