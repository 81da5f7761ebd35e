/**
 * The one table of intents: what the page may ask, each with the zod schema of its arguments
 * (they arrive from a page, so they are untrusted) and the type of its answer. Every other list of
 * intents is derived from this one: the names, the page's API (WizardIntents), the preload's
 * functions, the WebSocket client's, and the service's handlers (the compiler holds each to it).
 * The renderer never names a program or builds a command line: it sends text, the password and
 * choices.
 */
import { z } from 'zod';
import { LANGS } from '../base/langs.js';
import type { ExportedFile, HostInfo } from './view.js';
import { INTENT_NAMES } from './intent-names.js';

/** An intent: its arguments' schema and, as a type only, what it answers. */
export interface IntentSpec<A extends z.ZodType, R> {
  args: A;
  /** Never set: carries the answer's type. */
  readonly result?: R;
}

function intent<A extends z.ZodType<readonly unknown[]>>(args: A) {
  return { answers: <R = void>(): IntentSpec<A, R> => ({ args }) };
}

const none = z.tuple([]);
const text = (max: number) => z.string().max(max);
const build = z.number().int().min(1).max(99_999).nullable();

export const INTENT_TABLE = {
  /** The host's capabilities and language; the page then gets the whole view and the output so far. */
  hello: intent(none).answers<HostInfo>(),
  detect: intent(none).answers(),
  /**
   * `serverBuild`: the build the user named (null: work it out from the files again); left out,
   * the one named before stays: the session remembers it, the page does not send it back.
   */
  setSource: intent(z.tuple([text(2048), build.optional()])).answers(),
  /** After `server-mismatch`: the user confirmed using the other server's files; the same source is checked again. */
  allowOtherServer: intent(none).answers(),
  /** `force`: copy and repair although the agent already holds the server's certificate. */
  collect: intent(z.tuple([z.boolean()])).answers(),
  /**
   * null: no unload password is set. The password is used for this run only. Programs not
   * verified as Trend Micro's run only when the user confirmed it (`allowUnverifiedPublisher`).
   */
  run: intent(z.tuple([text(512).nullable(), z.boolean()])).answers(),
  /**
   * The one click (issue 20 §1): copy → checks → IpXfer → verify, in the session. Arguments as
   * `run`, and `force`: repair although there is nothing to repair. A publisher refusal stops
   * before anything runs; the same intent with the confirmation then goes on.
   */
  repair: intent(z.tuple([text(512).nullable(), z.boolean(), z.boolean()])).answers(),
  cancel: intent(none).answers(),
  verify: intent(none).answers(),
  /** Start the agent services a stopped IpXfer left stopped. */
  startServices: intent(none).answers(),
  /** "Repair another PC": a fresh session in the same language. */
  newRepair: intent(none).answers(),
  setLanguage: intent(z.tuple([z.enum(LANGS)])).answers(),
  /** An offline kit from `input` into `outDir`, for the server build the session holds. */
  makeKit: intent(z.tuple([text(2048), text(2048)])).answers(),
  /** Mismatched agents: run CertificateManager -l on this PC (the Apex One server). */
  listMismatchedAgents: intent(none).answers(),
  /** The mismatched agents list as a file to save: CSV (UTF-8 with BOM, for Excel) or JSON. */
  exportMismatchedAgents: intent(z.tuple([z.enum(['csv', 'json'])])).answers<ExportedFile>(),
  /** The text report of the last run, to read in the page (a browser cannot open folders). */
  reportText: intent(none).answers<string | null>(),
  /** Host capabilities; each refuses where HostInfo says it is not available. */
  pickFolder: intent(none).answers<string | null>(),
  openFolder: intent(z.tuple([z.enum(['reports', 'work'])])).answers(),
  relaunchElevated: intent(none).answers(),
};

type Table = typeof INTENT_TABLE;
export type IntentName = keyof Table;
/** An intent's arguments as the page sends them and as its handler receives them (no transforms). */
export type IntentArgs<K extends IntentName> = z.infer<Table[K]['args']>;
export type IntentResult<K extends IntentName> = Table[K] extends IntentSpec<z.ZodType, infer R> ? R : never;

/** Intents: one function each. They resolve when the session has taken the step (see its state). */
export type WizardIntents = { [K in IntentName]: (...args: IntentArgs<K>) => Promise<IntentResult<K>> };

/** Every intent name, in the table's order (intent-names.ts: the page takes the names without the schemas). */
export const INTENTS: readonly IntentName[] = INTENT_NAMES;
// The list and the table hold the same names: one missing or extra fails the build here.
type SameNames = [(typeof INTENT_NAMES)[number]] extends [IntentName] ? ([IntentName] extends [(typeof INTENT_NAMES)[number]] ? true : never) : never;
export const INTENT_NAMES_MATCH: SameNames = true;

export function isIntentName(name: unknown): name is IntentName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(INTENT_TABLE, name);
}

/** The same table typed per intent, so a lookup by a generic name keeps that intent's own types. */
const SPECS: { [K in IntentName]: IntentSpec<z.ZodType<IntentArgs<K>>, IntentResult<K>> } = INTENT_TABLE;

/**
 * The arguments as the handler's own types, or the words for what is wrong: the argument's
 * position and zod's issue code, never the values (a password must not come back in an error).
 */
export function parseIntentArgs<K extends IntentName>(name: K, args: unknown): { ok: true; args: IntentArgs<K> } | { ok: false; error: string } {
  const r = SPECS[name].args.safeParse(args);
  if (r.success) return { ok: true, args: r.data };
  const issue = r.error.issues[0];
  return { ok: false, error: `${name}: argument ${issue?.path.join('.') || '(all)'} ${issue?.code ?? 'invalid'}` };
}
