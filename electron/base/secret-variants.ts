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

/** The secret as letters without their accents: Unicode NFD minus the combining marks (é→e, Å→A). */
export function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/**
 * The forms `text` takes when a program that holds it encodes it in `from` and we read the bytes
 * as `to`. A code page that can hold the text gives one form. One that cannot is still what an
 * ANSI/OEM program prints with: Windows converts its arguments with WideCharToMultiByte, which
 * writes `?` for a character it cannot map (the form iconv-lite gives too), or, without
 * WC_NO_BEST_FIT_CHARS (the default), a "best fit" letter: é→e in a code page without é.
 *
 * The best-fit forms covered are the accent-stripped ones (NFD minus combining marks), with `?`
 * for what stays unmappable. Windows' best-fit tables go further, and are not reproduced here:
 * letters with no decomposition (ł→l, ø→o, đ→d), ligatures and compatibility forms (æ→a, ﬁ→f,
 * full-width Ａ→A, ① →1), typographic punctuation (“ ” → ", – → -), and per-code-page choices
 * (cp932 maps some Western letters to full-width ones). A password with such characters may be
 * printed in a form this list does not hold; the vendor's 8-to-32-character policy makes it a
 * password of letters, digits and symbols that are mostly ASCII.
 */
function recodeForms(text: string, from: string, to: string): string[] {
  const bytes = iconv.encode(text, from);
  if (iconv.decode(bytes, from) === text) return [iconv.decode(bytes, to)];
  const out = [iconv.decode(bytes, to)];
  const bestFit = withoutAccents(text);
  if (bestFit !== text) out.push(iconv.decode(iconv.encode(bestFit, from), to));
  return out;
}

/**
 * Every distinct form of `secret` in text decoded with `codePage`: each command-line form, encoded
 * in each likely code page (and UTF-16LE), with `?` or a best-fit letter where a code page cannot
 * hold a character, decoded as we decode the output.
 */
export function secretVariants(secret: string, codePage: number, extraCodePages: readonly number[] = []): string[] {
  const to = encodingForCodePage(codePage);
  const from = new Set([to, ...[...LIKELY_CODE_PAGES, ...extraCodePages].map(encodingForCodePage), 'utf16le']);
  const out = new Set<string>();
  for (const form of commandLineForms(secret)) {
    out.add(form);
    for (const enc of from) for (const v of recodeForms(form, enc, to)) out.add(v);
  }
  return [...out].filter((v) => v !== '');
}
