/**
 * The renderer's only door in Electron: one function per intent and two subscriptions, exposed
 * through contextBridge. No ipcRenderer and no event objects cross over. Sandboxed preloads cannot
 * import our modules, so the intent list comes from the main process (electron/ipc-channels.ts).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const intents = ipcRenderer.sendSync('apex:intents') as string[];

function subscribe(channel: 'apex:view' | 'apex:output') {
  return (listener: (payload: unknown) => void) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  };
}

const api: Record<string, unknown> = {
  onView: subscribe('apex:view'),
  onOutput: subscribe('apex:output'),
};
for (const name of intents) api[name] = (...args: unknown[]) => ipcRenderer.invoke(`apex:intent:${name}`, ...args);

contextBridge.exposeInMainWorld('apexCertFix', api);
