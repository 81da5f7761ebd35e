/**
 * The one table of intents: each intent's argument validator (arguments arrive from a page, so they
 * are untrusted), typed so the compiler holds every validator to its signature in contract.ts.
 */
import { z } from 'zod';
import type { IntentName, WizardIntents } from '../contract.js';
import { LANGS } from '../core/lang.js';

const none = z.tuple([]);
const text = (max: number) => z.string().max(max);
const build = z.number().int().min(1).max(99_999).nullable();

export const INTENT_ARGS = {
  hello: none,
  detect: none,
  setSource: z.tuple([text(2048), build.optional()]),
  allowOtherServer: none,
  collect: z.tuple([z.boolean()]),
  run: z.tuple([text(512).nullable(), z.boolean()]),
  cancel: none,
  verify: none,
  startServices: none,
  newRepair: none,
  setLanguage: z.tuple([z.enum(LANGS)]),
  makeKit: z.tuple([text(2048), text(2048)]),
  listAgents: none,
  exportAgents: z.tuple([z.enum(['csv', 'json'])]),
  reportText: none,
  pickFolder: none,
  openFolder: z.tuple([z.enum(['reports', 'work'])]),
  relaunchElevated: none,
} as const satisfies { [K in IntentName]: z.ZodType<Parameters<WizardIntents[K]>> };

export class IntentError extends Error {}

/** The arguments as the handler's own types, or an IntentError naming what is wrong (never the values). */
export function parseIntentArgs<K extends IntentName>(name: K, args: unknown): Parameters<WizardIntents[K]> {
  const schema: z.ZodType<Parameters<WizardIntents[K]>> = INTENT_ARGS[name] as never;
  const r = schema.safeParse(args);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new IntentError(`${name}: argument ${issue?.path.join('.') || '(all)'} ${issue?.code ?? 'invalid'}`);
}

export function isIntentName(name: unknown): name is IntentName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(INTENT_ARGS, name);
}
