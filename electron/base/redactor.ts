/**
 * A secret (the unload password) must never be shown or stored, in any form, and masking must not
 * give it away either.
 *
 * What is found: every form in secret-variants.ts (code pages, command-line escapes), in any letter
 * case, also when progress redraws (`\r`) are interleaved between its characters, and when a line
 * break (a program wrapping its output, CRLF or LF) falls anywhere inside it: then both lines are
 * hidden.
 *
 * What is hidden: the whole line holding it (or the 64 KiB piece of a longer line), replaced by
 * MASK. Why not just the occurrence: with the password `trend`, `c:\program files (x86)\********
 * micro\` tells every reader the password. A hidden token or word still points at the word. A
 * hidden line says only "the password occurs somewhere in this line": no position, no length, no
 * neighbouring letters; and as every case is matched, `Trend Micro` and `trend micro` lines are
 * hidden alike. What remains is that a hidden line held the password: a reader who can rebuild that
 * line from elsewhere can list its substrings; no rule that still shows the rest of the output can
 * avoid that, and the vendor's password policy (8 to 32 characters of four kinds) makes such a
 * coincidence with ordinary text unlikely.
 */
import { secretVariants } from './secret-variants.js';

export const MASK = '********';

export interface RedactorOptions {
  /** The code page the text was decoded with (the variants are worked out for it). */
  codePage?: number;
  extraCodePages?: readonly number[];
}

/**
 * Between two characters of the secret: any number of progress redraws (`\r`), and at most one
 * line break (`\n`, `\r\n`) per gap.
 */
const GAP = '\\r*(?:\\n\\r*)?';

/** Progress redraws a match may span between two characters of the secret. */
const MAX_REDRAWS = 256;

const escapeRegExp = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
const sameLetter = (a: string, b: string) => a === b || a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();

export class Redactor {
  private variants: string[][] = [];
  private pattern: RegExp | null = null;
  private longest = 0;

  constructor(secrets: readonly (string | undefined | null)[], o: RedactorOptions = {}) {
    const all = new Set<string>();
    for (const s of secrets) if (typeof s === 'string' && s !== '') for (const v of secretVariants(s, o.codePage ?? 65001, o.extraCodePages)) all.add(v);
    // Longest first: at one position the regex takes the first alternative that matches.
    this.variants = [...all].map((v) => [...v]).sort((a, b) => b.length - a.length);
    if (this.variants.length === 0) return;
    this.longest = this.variants[0]!.length;
    const alternatives = this.variants.map((chars) => chars.map(escapeRegExp).join(GAP));
    this.pattern = new RegExp(alternatives.join('|'), 'giu');
  }

  get active(): boolean {
    return this.pattern !== null;
  }

  /** [start, end) of every occurrence starting in [from, to), overlapping ones included. */
  matches(text: string, from = 0, to = text.length): [number, number][] {
    const re = this.pattern;
    if (!re) return [];
    const out: [number, number][] = [];
    re.lastIndex = from;
    for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
      out.push([m.index, m.index + m[0].length]);
      re.lastIndex = m.index + 1;
    }
    return out;
  }

  /**
   * Where the text could still turn into an occurrence when more arrives: the start of the
   * longest tail that is the beginning of a form of the secret (text.length when there is none).
   * Text before it can be shown; the tail must wait.
   */
  pendingStart(text: string, from = 0): number {
    if (!this.pattern) return text.length;
    const window = Math.max(from, text.length - (this.longest + MAX_REDRAWS));
    for (let s = window; s < text.length; s++) {
      if (text[s] === '\r' || text[s] === '\n') continue;
      for (const v of this.variants) if (this.reachesEnd(text, s, v)) return s;
    }
    return text.length;
  }

  private reachesEnd(text: string, s: number, v: string[]): boolean {
    let i = 0;
    let j = s;
    while (j < text.length) {
      if (i === v.length) return false; // a whole occurrence: matches() finds it
      if (i > 0 && (text[j] === '\r' || text[j] === '\n')) {
        j++;
        continue;
      }
      const cp = text.codePointAt(j)!;
      const ch = String.fromCodePoint(cp);
      if (!sameLetter(ch, v[i]!)) return false;
      i++;
      j += ch.length;
    }
    return i > 0 && i < v.length;
  }

  /** Text with every line that holds the secret replaced by MASK (line breaks kept). */
  mask(text: string): string {
    const hits = this.matches(text);
    if (hits.length === 0) return text;
    const out: string[] = [];
    const re = /\r\n|\n|\r/g;
    let start = 0;
    for (;;) {
      const m = re.exec(text);
      const end = m ? m.index : text.length;
      const hidden = hits.some(([a, b]) => a < end && b > start) || (start === end && hits.some(([a, b]) => a <= start && b > start));
      out.push(hidden ? MASK : text.slice(start, end));
      if (!m) break;
      out.push(m[0]);
      start = m.index + m[0].length;
    }
    return out.join('');
  }

  /** Forget the secrets (after the run): later text is passed through unchanged. */
  forget(): void {
    this.variants = [];
    this.pattern = null;
    this.longest = 0;
  }
}
