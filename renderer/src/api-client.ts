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

/**
 * How the page stands with its engine: `refused` — the page was opened without its one-time key
 * (or with an old one): only the address printed in the terminal works; `lost` — it was connected.
 */
export type Connection = 'connecting' | 'open' | 'refused' | 'lost';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

function websocketApi(onConnection: (c: Connection) => void): WizardApi {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const pending = new Map<number, Pending>();
  const viewListeners = new Set<(v: WizardView) => void>();
  const outputListeners = new Set<(b: OutputBatch) => void>();
  let opened: Promise<void>;
  let socket: WebSocket | null = null;
  if (token === '') {
    // Without the key the host refuses the socket anyway: say so at once, without trying.
    opened = Promise.reject(new Error('no token'));
    opened.catch(() => undefined);
    queueMicrotask(() => onConnection('refused'));
  } else {
    const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api?token=${encodeURIComponent(token)}`);
    socket = ws;
    let wasOpen = false;
    opened = new Promise<void>((resolve, reject) => {
      ws.addEventListener('open', () => ((wasOpen = true), onConnection('open'), resolve()), { once: true });
      ws.addEventListener('error', () => reject(new Error('connection failed')), { once: true });
    });
    opened.catch(() => undefined);
    ws.addEventListener('close', () => {
      for (const p of pending.values()) p.reject(new Error('disconnected'));
      pending.clear();
      // A socket that never opened was refused: a wrong or missing key, or a host started anew.
      onConnection(wasOpen ? 'lost' : 'refused');
    });
    ws.addEventListener('message', (e) => {
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
  }
  let next = 1;
  function call<K extends IntentName>(intent: K): WizardIntents[K] {
    const send = async (...args: unknown[]) => {
      await opened;
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        socket!.send(JSON.stringify({ id, intent, args }));
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

export function connect(onConnection: (c: Connection) => void): WizardApi {
  if (window.apexCertFix) {
    queueMicrotask(() => onConnection('open'));
    return window.apexCertFix;
  }
  return websocketApi(onConnection);
}
