/**
 * The browser host: serves the built wizard on 127.0.0.1 and speaks the renderer API over a
 * WebSocket. Used by the training mode (where Electron cannot start) and the browser tests.
 * A per-start token in the page address, and an Origin check, keep other local pages from
 * driving it.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventFrame, HostInfo, ReplyFrame } from '../../contract/index.js';
import type { SessionContext } from '../../core/session/context.js';
import { contentSecurityPolicy } from '../security.js';
import { dispatchText, eventFrames } from '../dispatch.js';
import { WizardService, type HostCapabilities } from '../wizard-service.js';

export interface BrowserHostOptions {
  context: SessionContext;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  info: Omit<HostInfo, 'recentSources' | 'canPickFolder' | 'canOpenFolder' | 'canRelaunchElevated' | 'reportsDir' | 'kind' | 'lang'>;
  port?: number;
  settingsFile?: string | null;
  capabilities?: HostCapabilities;
}

export interface BrowserHost {
  url: string;
  /** The wizard's sessions, for a host that must know what is running (and tests). */
  service: WizardService;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export async function startBrowserHost(o: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  const sockets = new Set<WebSocket>();
  const broadcast = (message: EventFrame) => {
    const data = JSON.stringify(message);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(data);
  };
  const wizard = new WizardService({
    context: o.context,
    info: { ...o.info, kind: 'browser' },
    settingsFile: o.settingsFile ?? null,
    capabilities: o.capabilities,
    ...eventFrames(broadcast),
  });
  await wizard.start();

  const root = path.resolve(o.staticDir);
  let origin = '';
  const server = http.createServer((req, res) => {
    // A request handler never throws: a malformed URL (`GET /%`) is a 400, not a dead host.
    serveStatic(root, origin, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  const wss = new WebSocketServer({
    server,
    path: '/api',
    verifyClient: ({ req, origin: from }: { req: http.IncomingMessage; origin: string }) =>
      from === origin && new URL(req.url ?? '', origin).searchParams.get('token') === token,
  });
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', () => sockets.delete(ws));
    // What the page sees first comes from its `hello` (the one protocol, as in Electron): a view
    // pushed here as well would be rendered twice on the way to the first screen.
    ws.on('message', (data, isBinary) => {
      const text = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      void dispatchText(wizard, text, isBinary).then((reply: ReplyFrame) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    service: wizard,
    close: async () => {
      await wizard.close();
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      // Browsers keep extra sockets open (keep-alive, speculative preconnects): close() alone
      // would wait for them, so they are ended too.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function serveStatic(root: string, origin: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  let rel: string;
  try {
    const url = new URL(req.url ?? '/', origin);
    rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const file = path.resolve(root, '.' + rel);
  if (req.method !== 'GET' || !file.startsWith(root + path.sep) || rel.includes('\0')) {
    res.writeHead(404).end();
    return;
  }
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new Error('not a file');
  } catch {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy(origin.replace(/^http/, 'ws')),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
