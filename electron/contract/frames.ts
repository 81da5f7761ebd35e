/**
 * The wire between page and process, whatever carries it (Electron IPC, the browser host's
 * WebSocket, the Wine lane's test entry): a request names an intent, its reply says ok with the
 * intent's answer or not ok with words for the page; events carry the view and the output.
 */
import { z } from 'zod';
import type { IntentArgs, IntentName, IntentResult } from './intents.js';
import type { OutputBatch, WizardView } from './view.js';

export interface RequestFrame<K extends IntentName = IntentName> {
  /** The page's number for this request; the reply carries it back. */
  id: number;
  intent: K;
  args: IntentArgs<K>;
}

/**
 * `id` is null when the frame had no usable id (then nobody is waiting for it). `error` is worded
 * for the page: our messages in the session's language, or the argument that was wrong, never
 * a stack or a value the page sent.
 */
export type ReplyFrame<R = AnyIntentResult> = { id: number | null; ok: true; result: R | null } | { id: number | null; ok: false; error: string };

/** Any intent's answer. */
export type AnyIntentResult = { [K in IntentName]: IntentResult<K> }[IntentName];

export type EventFrame = { event: 'view'; view: WizardView } | { event: 'output'; batch: OutputBatch };

/** What a host sends the page. */
export type HostFrame = ReplyFrame | EventFrame;

/** The request envelope: its arguments are checked against the intent's own schema next. */
export const requestEnvelope = z.object({ id: z.number().int(), intent: z.unknown().optional(), args: z.unknown().optional() });

