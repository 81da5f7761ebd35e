// TEST-ONLY. Run by Windows node.exe under Wine (tests/windows/gui.test.ts): the wizard's engine
// (WizardService, dispatch) on the REAL Windows platform (registry, services, IpXfer), served with
// the built page to the lane's Linux Chromium over 127.0.0.1 and a WebSocket, with a per-start key
// in the address as the browser host does. Nothing shipped does this: the real platform is only
// ever driven through Electron's IPC (README, "Never over HTTP on a real PC"); this file lives in
// tests/, is not compiled into dist/ and electron-builder packs only dist/electron and dist/renderer.
//   node.exe gui-host.mjs <ready file> [settle seconds]
// settle seconds: how long verify re-reads the agent after IpXfer (the lane passes 5, as its CLI
// scenarios pass --settle 5: the verdict is the point, not a real agent's minute).
// When listening, writes {"url": ...} to <ready file> (stdout is a file under Wine, not a pipe).
// Lives until killed; a second connection (a reload, a second tab) gets the session as it is.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { renameSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';

const [readyFile, settle] = process.argv.slice(2);
if (!readyFile) {
  process.stderr.write('usage: gui-host.mjs <ready file>\n');
  process.exit(2);
}
const dist = new URL('../../dist/', import.meta.url);
const load = (rel) => import(new URL(rel, dist).href);
const { WindowsPlatform } = await load('electron/platform/windows.js');
const { SessionContext } = await load('electron/core/session/context.js');
const { chosenLang } = await load('electron/core/lang.js');
const { WizardService } = await load('electron/hosts/wizard-service.js');
const { dispatchText, eventFrames } = await load('electron/hosts/dispatch.js');
const { contentSecurityPolicy } = await load('electron/hosts/security.js');

// As the app on a PC: the system's language (the prefix is Japanese), the machine-wide working and
// reports folders (%ProgramData%\ApexCertFix), the shipped time limit for IpXfer.
const context = new SessionContext({
  platform: new WindowsPlatform(),
  lang: chosenLang(undefined),
  version: 'wine-lane',
  ...(settle !== undefined ? { settleMs: Number(settle) * 1000 } : {}),
});
const token = randomBytes(24).toString('base64url');
const sockets = new Set();
const wizard = new WizardService({
  context,
  info: { kind: 'browser', simulated: false, kitBesideApp: null, version: 'wine-lane' },
  settingsFile: null,
  ...eventFrames((frame) => {
    const data = JSON.stringify(frame);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(data);
  }),
});

const root = path.resolve(fileURLToPath(new URL('renderer/', dist)));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2' };
let origin = '';
const server = http.createServer((req, res) => {
  let file;
  try {
    const url = new URL(req.url ?? '/', origin);
    file = path.resolve(root, '.' + decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    if (req.method !== 'GET' || !file.startsWith(root + path.sep) || !statSync(file).isFile()) throw new Error('not served');
  } catch {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy(origin.replace(/^http/, 'ws')),
    'Cache-Control': 'no-store',
  });
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
});
const wss = new WebSocketServer({
  server,
  path: '/api',
  verifyClient: ({ req, origin: from }) => from === origin && new URL(req.url ?? '', origin).searchParams.get('token') === token,
});
wss.on('connection', (ws) => {
  sockets.add(ws);
  ws.on('close', () => sockets.delete(ws));
  ws.on('error', () => sockets.delete(ws));
  const { onView, onOutput } = eventFrames((frame) => ws.send(JSON.stringify(frame)));
  wizard.resync((view, batch) => (onView(view), onOutput(batch)));
  ws.on('message', (data, isBinary) => {
    const text = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    void dispatchText(wizard, text, isBinary).then((reply) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
    });
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
origin = `http://127.0.0.1:${server.address().port}`;
writeFileSync(`${readyFile}.tmp`, JSON.stringify({ url: `${origin}/?token=${token}` }));
renameSync(`${readyFile}.tmp`, readyFile);
process.stderr.write(`gui-host: listening on ${origin}\n`);
