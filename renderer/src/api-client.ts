/**
 * The renderer's side of the API (electron/contract/). In Electron the preload provides it as
 * `window.apexCertFix`; in the browser host it is spoken over the WebSocket the page came with.
 * Both are the contract's client: the same frames, the same replies, the same errors.
 */
import { createClient, readHostFrame, type ReplyFrame, type WizardApi } from '../../electron/contract/page.js';

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

/** The WebSocket API at `url` (`ws://…/api?token=…`); `Socket` is the browser's WebSocket unless a test brings its own. */
export function websocketApi(url: string | null, onConnection: (c: Connection) => void, Socket: typeof WebSocket = WebSocket): WizardApi {
  const pending = new Map<number, (reply: ReplyFrame) => void>();
  let opened: Promise<void>;
  let socket: WebSocket | null = null;
  const client = createClient(async (frame) => {
    await opened;
    return new Promise<ReplyFrame>((resolve) => {
      pending.set(frame.id, resolve);
      socket!.send(JSON.stringify(frame));
    });
  });
  if (url === null) {
    // Without the key the host refuses the socket anyway: say so at once, without trying.
    opened = Promise.reject(new Error('no token'));
    opened.catch(() => undefined);
    queueMicrotask(() => onConnection('refused'));
  } else {
    const ws = new Socket(url);
    socket = ws;
    let wasOpen = false;
    opened = new Promise<void>((resolve, reject) => {
      ws.addEventListener('open', () => ((wasOpen = true), onConnection('open'), resolve()), { once: true });
      ws.addEventListener('error', () => reject(new Error('connection failed')), { once: true });
    });
    opened.catch(() => undefined);
    ws.addEventListener('close', () => {
      for (const [id, settle] of pending) settle({ id, ok: false, error: 'disconnected' });
      pending.clear();
      // A socket that never opened was refused: a wrong or missing key, or a host started anew.
      onConnection(wasOpen ? 'lost' : 'refused');
    });
    ws.addEventListener('message', (e) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(e.data));
      } catch {
        return;
      }
      const frame = readHostFrame(parsed);
      if (!frame) return;
      if ('event' in frame) return client.receive(frame);
      if (frame.id === null) return;
      const settle = pending.get(frame.id);
      pending.delete(frame.id);
      settle?.(frame);
    });
  }
  return client.api;
}

export function connect(onConnection: (c: Connection) => void): WizardApi {
  if (window.apexCertFix) {
    queueMicrotask(() => onConnection('open'));
    return window.apexCertFix;
  }
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const url = token === '' ? null : `${location.origin.replace(/^http/, 'ws')}/api?token=${encodeURIComponent(token)}`;
  return websocketApi(url, onConnection);
}
