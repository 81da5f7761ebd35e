/**
 * Text from outside (host names from reports and lists, error texts, IpXfer's and
 * CertificateManager's output) printed to a terminal carries no raw control characters: an ESC
 * could recolour, move the cursor, retitle the window or (in some terminals) answer back; a BEL
 * rings; a CR overwrites the start of the line so a line can pose as another. They are shown
 * escaped instead (`\x1B`, `\r`), as are C1 controls, DEL, and the bidirectional overrides and
 * isolates that reorder what is shown ("Trojan Source").
 */

const escapeOne = (ch: string): string => {
  if (ch === '\r') return '\\r';
  if (ch === '\n') return '\\n';
  const cp = ch.codePointAt(0)!;
  return cp <= 0xff ? `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
};

// eslint-disable-next-line no-control-regex
const CONTROLS_KEEP_LINES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A text of several lines (a message we wrote): line feeds and tabs kept, every other control escaped. */
export function forTerminal(text: string): string {
  return text.replace(CONTROLS_KEEP_LINES, escapeOne);
}

/** One value on one line (a host name, an output line, an error detail): line breaks escaped too. */
export function oneLine(text: string): string {
  return text.replace(CONTROLS, escapeOne);
}

// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** True when the text holds a control character (tabs and line breaks included). */
export function hasControl(text: string): boolean {
  return ANY_CONTROL.test(text);
}
