/**
 * The main process's side of the preload: one `ipcMain.handle` for request frames, refusing a
 * sender that is not our page, and answering everything else with the same `dispatch` as every
 * host. A refusal is a reply frame, never a thrown error: Electron would wrap a thrown error in
 * words of its own ("Error invoking remote method…"), and the page must read the same words as
 * in the browser.
 */
import type { ReplyFrame } from '../../contract/index.js';
import { dispatch, refuse, REFUSALS, type IntentService } from '../dispatch.js';
import { CHANNELS } from './ipc-channels.js';

/** The part of Electron's IpcMain this needs (so the wiring is testable without Electron). */
export interface IntentRegistry {
  handle(channel: string, listener: (event: { senderFrame?: { url?: string } | null }, frame: unknown) => Promise<ReplyFrame>): void;
}

export function registerIntents(ipc: IntentRegistry, service: IntentService, isTrustedSender: (url: string | undefined) => boolean): void {
  ipc.handle(CHANNELS.intent, async (event, frame) => {
    if (!isTrustedSender(event.senderFrame?.url)) return refuse(frame, REFUSALS.untrusted);
    return dispatch(service, frame);
  });
}
