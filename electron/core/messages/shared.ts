/** What every language table shares: the language names, the error-table type, and small helpers. */
import type { ErrorDetails, TriedPlace } from '../errors.js';

import type { Lang } from '../lang.js';

export type { Lang };

export const list = (tried: readonly TriedPlace[], names: Record<TriedPlace['result'], string>): string =>
  tried.map((t) => `\n  - ${t.path}: ${names[t.result]}`).join('');

/** One text per error code, given exactly that code's facts: a language is a table of these. */
export type ErrorTexts = { [C in ErrorDetails['code']]: (d: Extract<ErrorDetails, { code: C }>) => string };

/** Where a stop left the copies: before copying, copies removed, or copies kept (a bad-input outcome's words depend on it). */
export type CopyStage = 'none' | 'removed' | 'kept';

/** The facts of one repair a helpdesk ticket needs (ticket-summary.ts gathers them). */
export interface TicketFacts {
  hostname: string;
  arch: string | null;
  agent: { programVersion: string | null; build: number | null; server: string | null } | null;
  source: string | null;
  /** The agent's certificate serial before, and after the run (null: unreadable); `ran` false when IpXfer never ran. */
  certificate: { before: string | null; after: string | null; server: string | null; afterIsServer: boolean; ran: boolean } | null;
  outcome: string;
  errorCode: string | null;
  /** Local time with its offset, or null. */
  at: string | null;
  report: string | null;
  /** Why the report was not saved (folder and OS error code), when it was not. */
  reportError?: { folder: string; reason: string } | null;
}

