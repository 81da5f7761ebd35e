/**
 * The renderer's side of the API (electron/contract.ts). In Electron the preload provides it as
 * `window.apexCertFix`; in the browser host it is spoken over the WebSocket the page came with.
 */
import { INTENTS, type IntentName, type OutputBatch, type WizardApi, type WizardIntents, type WizardView } from '../../electron/contract';

declare global {
  interface Window {
    apexCertFix?: WizardApi;
  }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

function websocketApi(onClosed: () => void): WizardApi {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api?token=${encodeURIComponent(token)}`);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('connection failed')), { once: true });
  });
  const pending = new Map<number, Pending>();
  const viewListeners = new Set<(v: WizardView) => void>();
  const outputListeners = new Set<(b: OutputBatch) => void>();
  let next = 1;
  socket.addEventListener('close', () => {
    for (const p of pending.values()) p.reject(new Error('disconnected'));
    pending.clear();
    onClosed();
  });
  socket.addEventListener('message', (e) => {
    const msg = JSON.parse(String(e.data));
    if (msg.event === 'view') for (const l of viewListeners) l(msg.view);
    else if (msg.event === 'output') for (const l of outputListeners) l(msg.batch);
    else {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.ok) p?.resolve(msg.result);
      else p?.reject(new Error(msg.error));
    }
  });
  function call<K extends IntentName>(intent: K): WizardIntents[K] {
    const send = async (...args: unknown[]) => {
      await opened;
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        socket.send(JSON.stringify({ id, intent, args }));
      });
    };
    return send as WizardIntents[K];
  }
  const intents = {} as WizardIntents;
  for (const name of INTENTS) (intents as Record<IntentName, unknown>)[name] = call(name);
  return {
    ...intents,
    onView: (l) => (viewListeners.add(l), () => void viewListeners.delete(l)),
    onOutput: (l) => (outputListeners.add(l), () => void outputListeners.delete(l)),
  };
}

export function connect(onClosed: () => void): WizardApi {
  return window.apexCertFix ?? websocketApi(onClosed);
}
