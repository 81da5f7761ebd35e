/**
 * The forms a secret passed on a Windows command line can take in the program's output, as we
 * decode it. A console program receives its arguments in the ANSI code page and may print them in
 * the OEM code page (or the other way round); the two differ (1252 vs 850/437 in the West; 932 in
 * Japan, where UTF-8 consoles also exist), and a few tools write UTF-16. It may also print its raw
 * command line, where the secret carries the escapes of Windows command-line quoting.
 */
import iconv from 'iconv-lite';
import { encodingForCodePage } from './code-page.js';

/** Code pages a Windows program may have encoded the secret in, besides the console's own. */
export const LIKELY_CODE_PAGES = [1252, 932, 850, 437, 65001] as const;

/**
 * Windows command-line escapes (CommandLineToArgvW rules), as a program may echo them:
 * `\"` for a quote (backslashes before it doubled), a trailing backslash doubled inside quotes,
 * and the `""` form some runtimes use.
 */
export function commandLineForms(secret: string): string[] {
  const backslashEscaped = secret.replace(/(\\*)"/g, '$1$1\\"');
  const quotedTail = backslashEscaped.replace(/(\\+)$/, '$1$1');
  const doubledQuotes = secret.replace(/"/g, '""');
  return [secret, backslashEscaped, quotedTail, doubledQuotes];
}

function recode(text: string, from: string, to: string): string | null {
  const bytes = iconv.encode(text, from);
  // A code page that cannot hold the text turns it into '?': the program never saw that form.
  if (iconv.decode(bytes, from) !== text) return null;
  return iconv.decode(bytes, to);
}

/**
 * Every distinct form of `secret` in text decoded with `codePage`: each command-line form, encoded
 * in each likely code page (and UTF-16LE), decoded as we decode the output.
 */
export function secretVariants(secret: string, codePage: number, extraCodePages: readonly number[] = []): string[] {
  const to = encodingForCodePage(codePage);
  const from = new Set([to, ...[...LIKELY_CODE_PAGES, ...extraCodePages].map(encodingForCodePage), 'utf16le']);
  const out = new Set<string>();
  for (const form of commandLineForms(secret)) {
    out.add(form);
    for (const enc of from) {
      const v = recode(form, enc, to);
      if (v) out.add(v);
    }
  }
  return [...out].filter((v) => v !== '');
}
