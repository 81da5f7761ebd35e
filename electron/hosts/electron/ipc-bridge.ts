/**
 * The main process's side of the preload: one `ipcMain.handle` per intent, each refusing a sender
 * that is not our page, handing the arguments as they came to the wizard service (which checks them).
 */
import { INTENTS } from '../../contract.js';
import { intentChannel } from './ipc-channels.js';

/** The part of Electron's IpcMain this needs (so the wiring is testable without Electron). */
export interface IntentRegistry {
  handle(channel: string, listener: (event: { senderFrame?: { url?: string } | null }, ...args: unknown[]) => unknown): void;
}

export function registerIntents(ipc: IntentRegistry, service: { handle(name: unknown, args: unknown): Promise<unknown> }, isTrustedSender: (url: string | undefined) => boolean): void {
  for (const name of INTENTS) {
    ipc.handle(intentChannel(name), (event, ...args) => {
      if (!isTrustedSender(event.senderFrame?.url)) throw new Error('untrusted sender');
      return service.handle(name, args);
    });
  }
}
