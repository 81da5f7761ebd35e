/**
 * One way to read a command line, for every host (the CLI, the browser host, Electron's main): a
 * table describes each option once (its type, its value's placeholder, its words per language,
 * which commands use it), `node:util` parseArgs reads it, and the same table writes the help.
 */
import { parseArgs } from 'node:util';
import type { Lang } from './langs.js';

export interface OptionSpec<C extends string = string> {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in the help (`DIR`, `SECONDS`); string options only. */
  value?: string;
  /** What the option does, per language; lines break with `\n`. */
  help: Record<Lang, string>;
  /** The commands that take it (all when left out). */
  usedBy?: readonly C[];
  /** Not listed in the help (e.g. a host's internal switch). */
  hidden?: boolean;
}

export type OptionTable<C extends string = string> = Record<string, OptionSpec<C>>;

export type OptionProblem =
  | { kind: 'unknown'; option: string; suggestion: string | null }
  | { kind: 'missing-value'; option: string };

export type ReadOptions =
  | { ok: true; values: Record<string, string | boolean | undefined>; positionals: string[] }
  | { ok: false; problem: OptionProblem };

/**
 * Reads `argv` against the table. `strict: false` (Electron's main, which Chromium's own switches
 * reach too) keeps unknown options out of the way instead of refusing them.
 */
export function readOptions(table: OptionTable, argv: readonly string[], strict = true): ReadOptions {
  const options = Object.fromEntries(Object.entries(table).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}) }]));
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict });
    const known = Object.fromEntries(Object.entries(values).filter(([k]) => k in table)) as Record<string, string | boolean | undefined>;
    // Without strict, a string option with no value reads as `true`: not a value.
    for (const [k, v] of Object.entries(known)) if (table[k]!.type === 'string' && typeof v !== 'string') delete known[k];
    return { ok: true, values: known, positionals };
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    // Node says e.g. "Option '--lang <value>' argument missing" or "Unknown option '--frob'".
    const option = (/'(-[^']+)'/.exec(text)?.[1] ?? text).replace(/ <value>$/, '');
    if ((e as NodeJS.ErrnoException)?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { ok: false, problem: { kind: 'missing-value', option } };
    return { ok: false, problem: { kind: 'unknown', option, suggestion: closest(option, Object.keys(table)) } };
  }
}

/** The known option nearest to a mistyped one (`--sourc` → `--source`), when it is near. */
function closest(typed: string, names: string[]): string | null {
  const word = typed.replace(/^-+/, '').split('=')[0]!.toLowerCase();
  let best: { name: string; d: number } | null = null;
  for (const name of names) {
    const d = name.startsWith(word) && word.length >= 3 ? 0 : distance(word, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(1, Math.floor(best.name.length / 3)) ? `--${best.name}` : null;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

/** Columns line up in a console: East Asian wide characters take two cells. */
const cells = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

/** The options' lines of a help text, in the table's order: `  --name VALUE   words`. */
export function optionHelp(table: OptionTable, lang: Lang, only?: (name: string, spec: OptionSpec) => boolean): string {
  const rows = Object.entries(table)
    .filter(([name, o]) => !o.hidden && (!only || only(name, o)))
    .map(([name, o]) => [`--${name}${o.value ? ` ${o.value}` : ''}${o.short ? `, -${o.short}` : ''}`, o.help[lang]] as const);
  const column = 27;
  const out: string[] = [];
  for (const [left, words] of rows) {
    const [first, ...more] = words.split('\n');
    const pad = cells(left) + 2 < column ? ' '.repeat(column - 2 - cells(left)) : '  ';
    out.push(`  ${left}${pad}${first}`);
    for (const line of more) out.push(`${' '.repeat(column)}${line}`);
  }
  return out.join('\n') + '\n';
}
