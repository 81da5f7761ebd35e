/** How a session ended, and the CLI exit code that says it (README's table). */
import type { ErrorCategory } from './errors.js';

export type Outcome = 'ready' | 'fixed' | 'already-fixed' | 'failed' | 'not-verified' | 'bad-input' | 'environment' | 'timeout' | 'cancelled';

export const EXIT_CODE: Record<Outcome, number> = {
  ready: 0,
  fixed: 0,
  'already-fixed': 0,
  failed: 1,
  'bad-input': 2,
  environment: 3,
  timeout: 4,
  cancelled: 4,
  'not-verified': 5,
};

export function outcomeOf(category: ErrorCategory): Outcome {
  return category;
}

/** Exit code when the repair finished but its report could not be saved (the result stands). */
export const EXIT_REPORT_NOT_SAVED = 6;
