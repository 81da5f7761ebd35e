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
      // Resolved first: the intents waiting for the socket (the page's hello) go out before the page
      // redraws for "open", not after (`npm run bench`, first step interactive).
      ws.addEventListener('open', () => ((wasOpen = true), resolve(), onConnection('open')), { once: true });
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

interface Opened {
  api: WizardApi;
  last: Connection | null;
  listener: ((c: Connection) => void) | null;
}

let opened: Opened | null = null;

/**
 * The page's one connection, opened on the first call (early-connection.ts makes that the first
 * thing the page's code does, so the socket's handshake runs while the rest is evaluated); later
 * calls get the same one, and `onConnection` hears its state, the current one first.
 */
export function connect(onConnection?: (c: Connection) => void): WizardApi {
  if (!opened) {
    const o: Opened = { api: null as unknown as WizardApi, last: null, listener: null };
    const hear = (c: Connection) => {
      o.last = c;
      o.listener?.(c);
    };
    if (window.apexCertFix) {
      queueMicrotask(() => hear('open'));
      o.api = window.apexCertFix;
    } else {
      const token = new URLSearchParams(location.search).get('token') ?? '';
      const url = token === '' ? null : `${location.origin.replace(/^http/, 'ws')}/api?token=${encodeURIComponent(token)}`;
      o.api = websocketApi(url, hear);
    }
    opened = o;
  }
  if (onConnection) {
    opened.listener = onConnection;
    if (opened.last) onConnection(opened.last);
  }
  return opened.api;
}
