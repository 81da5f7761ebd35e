/**
 * The renderer's only door in Electron: the contract's client (one function per intent of its
 * table, and two subscriptions), exposed through contextBridge. No ipcRenderer and no event objects
 * cross over. Sandboxed preloads cannot load our modules at run time, so this file is bundled
 * (rolldown, `npm run build`) into preload.cjs with the contract inlined.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createClient, readHostFrame, type ReplyFrame } from '../../contract/page.js';
import { CHANNELS } from './ipc-channels.js';

const client = createClient(async (frame) => {
  const reply: unknown = await ipcRenderer.invoke(CHANNELS.intent, frame);
  const r = readHostFrame(reply);
  if (!r || !('ok' in r)) throw new Error('not a reply');
  return r satisfies ReplyFrame;
});

ipcRenderer.on(CHANNELS.event, (_event, payload: unknown) => {
  const r = readHostFrame(payload);
  if (r && 'event' in r) client.receive(r);
});

contextBridge.exposeInMainWorld('apexCertFix', client.api);
