/**
 * A CLI stop before any report exists: the message on stderr, and with --json still exactly one
 * JSON document on stdout. Returns the exit code for the error's category.
 */
import { forTerminal } from '../../base/terminal-text.js';
import { FixError, type ErrorDetails } from '../../core/errors.js';
import { messages, type Lang } from '../../core/messages.js';
import { EXIT_CODE, outcomeOf } from '../../core/outcome.js';

export function refuse(details: ErrorDetails, lang: Lang, json: boolean, mode?: string): number {
  const message = messages(lang).error(details);
  const outcome = outcomeOf(new FixError(details).category);
  process.stderr.write(forTerminal(message) + '\n');
  if (json) process.stdout.write(JSON.stringify({ schemaVersion: 1, ...(mode ? { mode } : {}), outcome, error: { code: details.code, message } }, null, 2) + '\n');
  return EXIT_CODE[outcome];
}
