/**
 * One way from a frame to the wizard service and back, for every host: the Electron IPC bridge,
 * the browser host's WebSocket and the Wine lane's test entry all answer with `dispatch`, so a
 * frame is checked, and a refusal worded, the same everywhere. A host needs only a service and a
 * place to put the reply.
 */
import { requestEnvelope, type AnyIntentResult, type EventFrame, type ReplyFrame } from '../contract/index.js';
import type { OutputBatch, WizardView } from '../contract/index.js';

/** What dispatch needs of the service: run an intent as it arrived, and word a failure. */
export interface IntentService {
  handle(name: unknown, args: unknown): Promise<AnyIntentResult>;
  failureText(e: unknown): string;
}

/** Largest message a page may send: intents carry a few short strings. */
export const MAX_FRAME_BYTES = 64 * 1024;

export const REFUSALS = {
  noId: 'a message needs a numeric id',
  notJson: 'not JSON',
  refused: 'message refused',
  untrusted: 'untrusted sender',
} as const;

/** The frame's id when it has a usable one (the reply carries it back), else null. */
export function frameId(frame: unknown): number | null {
  const r = requestEnvelope.shape.id.safeParse(frame !== null && typeof frame === 'object' && !Array.isArray(frame) ? (frame as { id?: unknown }).id : undefined);
  return r.success ? r.data : null;
}

/** A refusal of the frame as a whole (untrusted sender, too large...), answered with its id if it has one. */
export function refuse(frame: unknown, error: string): ReplyFrame {
  return { id: frameId(frame), ok: false, error };
}

/** Runs one request frame, exactly as it arrived, and answers it. Never rejects. */
export async function dispatch(service: IntentService, frame: unknown): Promise<ReplyFrame> {
  const f = requestEnvelope.safeParse(frame);
  if (!f.success) return refuse(frame, REFUSALS.noId);
  const { id, intent, args } = f.data;
  try {
    const result = await service.handle(intent, args === undefined ? [] : args);
    return { id, ok: true, result: result ?? null };
  } catch (e) {
    return { id, ok: false, error: service.failureText(e) };
  }
}

/** A frame as text (a WebSocket message, a line on a pipe): any shape, any size; a reply, never a crash. */
export async function dispatchText(service: IntentService, data: string | Buffer, isBinary = false): Promise<ReplyFrame> {
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  if (isBinary || size > MAX_FRAME_BYTES) return refuse(null, REFUSALS.refused);
  let frame: unknown;
  try {
    frame = JSON.parse(String(data));
  } catch {
    return refuse(null, REFUSALS.notJson);
  }
  return dispatch(service, frame);
}

/** The service's two event callbacks as frames into one sink (a socket, a window, a pipe). */
export function eventFrames(sink: (frame: EventFrame) => void): { onView: (view: WizardView) => void; onOutput: (batch: OutputBatch) => void } {
  return { onView: (view) => sink({ event: 'view', view }), onOutput: (batch) => sink({ event: 'output', batch }) };
}
