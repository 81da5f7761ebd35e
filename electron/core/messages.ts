/**
 * Everything the engine, the fleet features and the CLI say to a person: one table per language
 * (messages/en.ts is the reference, messages/ja.ts is typed by it, so a key missing in one language
 * does not compile; adding a language is adding a table). The engine and its hosts pass codes and
 * facts around (errors.ts, plan.ts, verify.ts); only these tables turn them into words.
 * `messages(lang)` is the one lookup: `.fleet` and `.cli` are sections of the same table. The page's
 * words are the contract's (contract/page-messages/), of the same shape (base/wording.ts).
 */
import type { ErrorDetails } from './errors.js';
import { en, enErrors, type Messages } from './messages/en.js';
import { ja, jaErrors } from './messages/ja.js';
import type { ErrorTexts, Lang } from './messages/shared.js';

export type { Messages };
export type { CopyStage, Lang, TicketFacts } from './messages/shared.js';

export const MESSAGES: Record<Lang, Messages> = { ja, en };

/** A language's table, plus `error(d)`: the one place an error's code picks its text. */
export type WordedMessages = Messages & { error(d: ErrorDetails): string };

const ERRORS: Record<Lang, ErrorTexts> = { en: enErrors, ja: jaErrors };

function worded(lang: Lang): WordedMessages {
  const errors = ERRORS[lang] as Record<ErrorDetails['code'], (d: ErrorDetails) => string>;
  return { ...MESSAGES[lang], error: (d: ErrorDetails) => errors[d.code](d) };
}

const WORDED: Record<Lang, WordedMessages> = { en: worded('en'), ja: worded('ja') };

export function messages(lang: Lang): WordedMessages {
  return WORDED[lang];
}

/** A fleet outcome code in words; an outcome this version does not know is shown as it is. */
export function outcomeWord(lang: Lang, outcome: string | null): string {
  if (outcome === null) return '-';
  const words = MESSAGES[lang].fleet.outcome;
  return Object.hasOwn(words, outcome) ? words[outcome]! : outcome;
}
