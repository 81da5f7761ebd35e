import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../electron/hosts/browser/browser-host.js';
import { FixSession } from '../../electron/core/fix-session.js';
import { makeWorld, type World } from '../fixtures/world.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let world: World | null = null;
let host: BrowserHost | null = null;
afterEach(async () => {
  await host?.close();
  await world?.cleanup();
  host = null;
  world = null;
});

async function start() {
  world = await makeWorld();
  const session = new FixSession({ platform: world.platform, lang: 'en', workBase: world.workBase, reportsDir: world.reportsDir, settleMs: 0 });
  host = await startBrowserHost({ session, staticDir: path.join(root, 'dist', 'renderer'), info: { simulated: true, lang: 'en', kitBesideApp: null, version: 't' } });
  const url = new URL(host.url);
  return { url, token: url.searchParams.get('token')!, ws: (token: string, origin: string) => new WebSocket(`ws://${url.host}/api?token=${token}`, { origin }) };
}

const outcome = (ws: WebSocket) =>
  new Promise<string>((resolve) => {
    ws.on('open', () => resolve('open'));
    ws.on('error', () => resolve('refused'));
  });

describe('browser host', () => {
  it('serves the wizard on 127.0.0.1 with a strict CSP, and nothing outside its folder', async () => {
    const { url } = await start();
    expect(url.hostname).toBe('127.0.0.1');
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(new URL('/../package.json', url))).status).toBe(404);
    expect((await fetch(new URL('/%2e%2e/%2e%2e/package.json', url))).status).toBe(404);
  });

  it('other local pages cannot drive it: a wrong token or another origin is refused', async () => {
    const { url, token, ws } = await start();
    expect(await outcome(ws(token, url.origin))).toBe('open');
    expect(await outcome(ws('wrong-token', url.origin))).toBe('refused');
    expect(await outcome(ws(token, 'http://evil.example'))).toBe('refused');
    expect(await outcome(ws(token, 'http://127.0.0.1:1'))).toBe('refused');
  });

  it('answers intents and refuses unknown ones', async () => {
    const { url, token, ws } = await start();
    const socket = ws(token, url.origin);
    await outcome(socket);
    const ask = (msg: object) =>
      new Promise<Record<string, unknown>>((resolve) => {
        socket.on('message', function on(data) {
          const m = JSON.parse(String(data));
          if (m.id === (msg as { id: number }).id) {
            socket.off('message', on);
            resolve(m);
          }
        });
        socket.send(JSON.stringify(msg));
      });
    expect(await ask({ id: 1, intent: 'hello' })).toMatchObject({ ok: true, result: { kind: 'browser', simulated: true } });
    expect(await ask({ id: 2, intent: 'constructor' })).toMatchObject({ ok: false, error: 'unknown intent' });
    socket.close();
  });
});
