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
import { INTENTS, type HostInfo, type IntentName } from '../../contract.js';
import type { FixSession } from '../../core/fix-session.js';
import { contentSecurityPolicy } from '../security.js';
import { WizardHost, type HostCapabilities } from '../wizard-service.js';

export interface BrowserHostOptions {
  session: FixSession;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  info: Omit<HostInfo, 'recentSources' | 'canPickFolder' | 'canOpenFolder' | 'canRelaunchElevated' | 'reportsDir' | 'kind'>;
  port?: number;
  settingsFile?: string | null;
  capabilities?: HostCapabilities;
}

export interface BrowserHost {
  url: string;
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

type Incoming = { id: number; intent: string; args?: unknown[] };

export async function startBrowserHost(o: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  const sockets = new Set<WebSocket>();
  const broadcast = (message: unknown) => {
    const data = JSON.stringify(message);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(data);
  };
  const wizard = new WizardHost({
    session: o.session,
    info: { ...o.info, kind: 'browser' },
    settingsFile: o.settingsFile ?? null,
    capabilities: o.capabilities,
    onView: (view) => broadcast({ event: 'view', view }),
    onOutput: (lines) => broadcast({ event: 'output', lines }),
  });
  await wizard.loadSettings();

  const root = path.resolve(o.staticDir);
  let origin = '';
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(root, '.' + rel);
    if (req.method !== 'GET' || !file.startsWith(root + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const s = await stat(file);
      if (!s.isFile()) throw new Error('not a file');
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': contentSecurityPolicy(origin.replace(/^http/, 'ws')),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end();
    }
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
    ws.on('message', async (data) => {
      let msg: Incoming;
      try {
        msg = JSON.parse(String(data)) as Incoming;
      } catch {
        return;
      }
      if (typeof msg.id !== 'number' || !(INTENTS as readonly string[]).includes(msg.intent)) {
        ws.send(JSON.stringify({ id: msg.id, ok: false, error: 'unknown intent' }));
        return;
      }
      try {
        const result = await wizard.handle(msg.intent as IntentName, Array.isArray(msg.args) ? msg.args : []);
        ws.send(JSON.stringify({ id: msg.id, ok: true, result: result ?? null }));
      } catch (e) {
        ws.send(JSON.stringify({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) }));
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    close: async () => {
      wizard.close();
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
