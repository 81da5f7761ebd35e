/**
 * The wizard's steps as the session sees them: which a page may show, and the one the session is
 * at. Derived from the state in one place, so a page that (re)connects lands where the session is,
 * and a step the session no longer supports gives way, without the page keeping step rules.
 */
import type { Outcome } from '../outcome.js';
import { isCollected, isPlanned } from './available.js';
import type { RepairState, MismatchedAgentsState } from './state.js';
import { WIZARD_STEPS, type WizardStep, type WizardSteps } from '../../base/steps.js';

export { WIZARD_STEPS, type WizardStep, type WizardSteps };

/** Outcomes that end a repair (the Result step shows them). */
const ENDED: ReadonlySet<Outcome> = new Set(['fixed', 'already-fixed', 'failed', 'not-verified', 'timeout', 'cancelled']);

/**
 * `looking`: the first screen's own look is under way (the PC, then the share of the agent's server,
 * started by the host or by a new repair): its source check belongs to the first screen, not to the
 * Server step, where a source the user chose is checked.
 */
export function wizardSteps(s: RepairState, check: MismatchedAgentsState, looking = false): WizardSteps {
  const ended = s.finishedAt !== null && s.outcome !== null && ENDED.has(s.outcome);
  const collected = isCollected(s);
  const planned = isPlanned(s) && s.blockers.length === 0;
  const onServer = check.localServer !== null && s.environment !== null && !s.environment.agent && s.blockers.every((b) => b.code === 'no-agent');
  const open: Record<WizardStep, boolean> = {
    pc: true,
    guide: true,
    agents: check.localServer !== null,
    server: s.environment !== null && (s.blockers.length === 0 || onServer),
    // After a result, steps 3 and 4 belong to it (its copies ran, or are gone): a new repair starts on step 1.
    collect: planned && !ended,
    run: collected && !ended,
    result: ended,
  };
  return { at: stepAt(s, check, { ended, collected, planned, looking }), open, onServer };
}

function stepAt(s: RepairState, check: MismatchedAgentsState, is: { ended: boolean; collected: boolean; planned: boolean; looking: boolean }): WizardStep {
  if (check.busy) return 'agents';
  switch (s.busy) {
    case 'repair':
      return 'pc';
    case 'run':
      return 'run';
    case 'verify':
    case 'services':
      return s.run ? 'result' : 'run';
    case 'collect':
      return 'collect';
    case 'source':
      return is.looking ? 'pc' : 'server';
    case 'detect':
      return 'pc';
  }
  if (is.ended) return 'result';
  // The first screen holds the plan, the password and the one-click repair (issue 20 §1): a
  // session with a plan, or copies that a publisher refusal stopped, is there.
  if (is.planned || is.collected) return 'pc';
  if (s.error?.step === 'source' && s.source !== null) return 'server';
  if (check.agents) return 'agents';
  return 'pc';
}
