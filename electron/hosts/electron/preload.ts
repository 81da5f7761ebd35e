/**
 * The renderer's only door in Electron: one function per intent and two subscriptions, exposed
 * through contextBridge. No ipcRenderer and no event objects cross over. Sandboxed preloads cannot
 * load our modules at run time, so this file is bundled (rolldown, `npm run build`) into
 * preload.cjs with the contract's names inlined; the WizardApi type holds it to the contract.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { IntentName, OutputBatch, WizardApi, WizardIntents, WizardView } from '../../contract.js';
import { CHANNELS, intentChannel } from './ipc-channels.js';

function invoke<K extends IntentName>(name: K): WizardIntents[K] {
  return ((...args: unknown[]) => ipcRenderer.invoke(intentChannel(name), ...args)) as WizardIntents[K];
}

function subscribe<T>(channel: string) {
  return (listener: (payload: T) => void) => {
    const handler = (_event: IpcRendererEvent, payload: T) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  };
}

const api: WizardApi = {
  hello: invoke('hello'),
  detect: invoke('detect'),
  setSource: invoke('setSource'),
  allowOtherServer: invoke('allowOtherServer'),
  collect: invoke('collect'),
  run: invoke('run'),
  cancel: invoke('cancel'),
  verify: invoke('verify'),
  startServices: invoke('startServices'),
  newRepair: invoke('newRepair'),
  setLanguage: invoke('setLanguage'),
  makeKit: invoke('makeKit'),
  listAgents: invoke('listAgents'),
  exportAgents: invoke('exportAgents'),
  reportText: invoke('reportText'),
  pickFolder: invoke('pickFolder'),
  openFolder: invoke('openFolder'),
  relaunchElevated: invoke('relaunchElevated'),
  onView: subscribe<WizardView>(CHANNELS.view),
  onOutput: subscribe<OutputBatch>(CHANNELS.output),
};

contextBridge.exposeInMainWorld('apexCertFix', api);
