/**
 * The renderer's only door in Electron: the contract's client (one function per intent of its
 * table, and two subscriptions), exposed through contextBridge. No ipcRenderer and no event objects
 * cross over. Sandboxed preloads cannot load our modules at run time, so this file is bundled
 * (rolldown, `npm run build`) into preload.cjs with the contract inlined.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createClient, hostFrame, type ReplyFrame } from '../../contract/index.js';
import { CHANNELS } from './ipc-channels.js';

const client = createClient(async (frame) => {
  const reply: unknown = await ipcRenderer.invoke(CHANNELS.intent, frame);
  const r = hostFrame.safeParse(reply);
  if (!r.success || !('ok' in r.data)) throw new Error('not a reply');
  return r.data satisfies ReplyFrame;
});

ipcRenderer.on(CHANNELS.event, (_event, payload: unknown) => {
  const r = hostFrame.safeParse(payload);
  if (r.success && 'event' in r.data) client.receive(r.data);
});

contextBridge.exposeInMainWorld('apexCertFix', client.api);
