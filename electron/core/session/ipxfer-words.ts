/**
 * IpXfer's own last words, quoted when it fails or the fix is not confirmed, so "the unload password
 * is wrong" is read rather than guessed. Its texts are not documented (docs/vendor-facts.md "IpXfer": U): we only
 * pick the last lines that say something, already decoded and masked by the runner.
 */
import type { OutputLine } from '../run-ipxfer.js';

const MAX_LINE = 300;

export function lastMeaningfulLines(lines: readonly OutputLine[], count = 3): string[] {
  const picked: string[] = [];
  for (let i = lines.length - 1; i >= 0 && picked.length < count; i--) {
    const text = lines[i]!.text.trim();
    // Blank lines and progress marks ("....", "50%") say nothing a person can act on.
    if (!/[\p{L}]{2,}/u.test(text)) continue;
    picked.unshift(text.length > MAX_LINE ? text.slice(0, MAX_LINE) + '…' : text);
  }
  return picked;
}
