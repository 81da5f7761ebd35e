/**
 * The page's API built from the intent table, for any transport: the Electron preload (IPC) and
 * the browser page (WebSocket) both make theirs here, so both send the same frames and turn a
 * reply into the same resolved value or the same Error.
 */
import type { IntentName, IntentResult, WizardIntents } from './intents.js';
import { INTENT_NAMES } from './intent-names.js';
import type { EventFrame, ReplyFrame, RequestFrame } from './frames.js';
import type { OutputBatch, WizardView } from './view.js';

export interface WizardEvents {
  onView(listener: (view: WizardView) => void): () => void;
  onOutput(listener: (batch: OutputBatch) => void): () => void;
}

export type WizardApi = WizardIntents & WizardEvents;

/** Sends one request and resolves with its reply (a transport never rejects for a refusal: that is a reply). */
export type SendRequest = (frame: RequestFrame) => Promise<ReplyFrame>;

export interface Client {
  api: WizardApi;
  /** Hands an event frame from the host to the page's listeners. */
  receive(frame: EventFrame): void;
}

export function createClient(send: SendRequest): Client {
  let next = 1;
  const views = new Set<(v: WizardView) => void>();
  const outputs = new Set<(b: OutputBatch) => void>();
  const call =
    <K extends IntentName>(intent: K) =>
    async (...args: unknown[]): Promise<IntentResult<K> | null> => {
      // The arguments go as they are: the host checks them (a page is untrusted anyway).
      const reply = await send({ id: next++, intent, args } as RequestFrame);
      if (!reply.ok) throw new Error(reply.error);
      return reply.result as IntentResult<K> | null;
    };
  const intents: Partial<Record<IntentName, unknown>> = {};
  for (const name of INTENT_NAMES) intents[name] = call(name);
  const api = {
    ...(intents as WizardIntents),
    onView: (l: (v: WizardView) => void) => (views.add(l), () => void views.delete(l)),
    onOutput: (l: (b: OutputBatch) => void) => (outputs.add(l), () => void outputs.delete(l)),
  } satisfies WizardApi;
  return {
    api,
    receive(frame) {
      if (frame.event === 'view') for (const l of views) l(frame.view);
      else for (const l of outputs) l(frame.batch);
    },
  };
}
