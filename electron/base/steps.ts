/**
 * The wizard's steps: their names and order, and where a session is. One vocabulary for the
 * engine that decides the steps (core/session/wizard-steps.ts) and the page that shows them
 * (contract/view.ts re-exports it).
 */

/** The repair's steps in their order; the mismatched agents list ('agents') stands beside them. */
export const WIZARD_STEPS = ['pc', 'server', 'collect', 'run', 'result', 'guide'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number] | 'agents';

export interface WizardSteps {
  /** Where the session is: the step a page that just connected shows. */
  at: WizardStep;
  open: Record<WizardStep, boolean>;
  /** This PC is the Apex One server and has no agent (normal there): kits to make, nothing to repair. */
  onServer: boolean;
}
