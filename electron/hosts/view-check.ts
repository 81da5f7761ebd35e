/**
 * Compile-time only: core's runtime types satisfy the view the page is promised (contract/view.ts),
 * so the renderer can read the view without importing core. A field core renames or drops, or a
 * step it adds, fails the build here instead of showing nothing on a page. (The step list and the
 * session's words are declared once, in base/, for both: their rows below hold by construction.)
 */
import type * as C from '../contract/index.js';
import type { OutputLine } from '../core/run-ipxfer.js';
import type { SessionText } from '../core/session-text.js';
import type { KitState, RepairState, MismatchedAgentsState } from '../core/session/state.js';
import type { WIZARD_STEPS, WizardStep, WizardSteps } from '../core/session/wizard-steps.js';
import type { SessionView } from './wizard-service.js';

type Holds<T extends true> = T;
type Assignable<From, To> = [From] extends [To] ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type ViewChecks = [
  Holds<Assignable<SessionView, C.WizardView>>,
  Holds<Assignable<RepairState, C.RepairStateView>>,
  Holds<Assignable<KitState, C.KitStateView>>,
  Holds<Assignable<MismatchedAgentsState, C.MismatchedAgentsStateView>>,
  Holds<Assignable<SessionText, C.SessionTextView>>,
  Holds<Assignable<OutputLine, C.OutputLine>>,
  Holds<Same<WizardSteps, C.WizardSteps>>,
  Holds<Same<WizardStep, C.WizardStep>>,
  Holds<Same<typeof WIZARD_STEPS, typeof C.WIZARD_STEPS>>,
  Holds<Same<RepairState['lang'], C.Lang>>,
];
