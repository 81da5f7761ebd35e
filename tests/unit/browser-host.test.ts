import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../electron/hosts/browser/browser-host.js';
import { closeInOrder, contextFor } from '../fixtures/service.js';
import { makeWorld, type World } from '../fixtures/world.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let world: World | null = null;
let host: BrowserHost | null = null;
afterEach(async () => {
  await closeInOrder(host, world);
  [host, world] = [null, null];
});

async function start() {
  world = await makeWorld();
  host = await startBrowserHost({ context: contextFor(world), staticDir: path.join(root, 'dist', 'renderer'), info: { simulated: true, kitBesideApp: null, version: 't' } });
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
    const ask = asker(socket);
    expect(await ask({ id: 1, intent: 'hello' })).toMatchObject({ ok: true, result: { kind: 'browser', simulated: true } });
    expect(await ask({ id: 2, intent: 'constructor' })).toMatchObject({ ok: false, error: 'unknown intent' });
    socket.close();
  });
});

/** Sends one raw frame and waits for the reply with that id (or any id-less reply for raw frames). */
function asker(socket: WebSocket) {
  return (msg: unknown, raw = false) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const wanted = !raw && msg && typeof msg === 'object' && 'id' in msg && typeof (msg as { id: unknown }).id === 'number' ? (msg as { id: number }).id : null;
      socket.on('message', function on(data) {
        const m = JSON.parse(String(data));
        if (m.event) return;
        if (m.id === wanted) {
          socket.off('message', on);
          resolve(m);
        }
      });
      socket.send(raw ? (msg as string) : JSON.stringify(msg));
    });
}

describe('browser host under malformed input', () => {
  it('survives malformed URLs, non-JSON, JSON of every type, unknown intents and wrong argument types, and stays usable', async () => {
    const { url, token, ws } = await start();
    for (const bad of ['/%', '/%E0%A4%A', '/%00', '/..%2f..%2fetc%2fpasswd', '/' + 'a'.repeat(10_000)]) {
      const r = await fetch(new URL(bad, url).toString().replace(/%25/g, '%'));
      expect([400, 404]).toContain(r.status);
    }
    const socket = ws(token, url.origin);
    await outcome(socket);
    const ask = asker(socket);
    const huge = JSON.stringify({ id: 1, intent: 'setSource', args: ['a'.repeat(100_000), null] });
    for (const frame of ['null', 'true', '42', '"text"', '[]', '{}', 'not json', '{"id":', '{"id":"1","intent":"hello"}', huge]) {
      expect(await ask(frame, true)).toMatchObject({ id: null, ok: false });
    }
    let id = 100;
    const shapes: unknown[] = [null, 1, 'x', [], {}, [null], [1, 2, 3], ['\\\\srv', 'abc', 'def'], [{ toString: 1 }], ['a'.repeat(10_000)]];
    for (const intent of ['nope', '__proto__', 'constructor', 'hasOwnProperty', 'setSource', 'run', 'collect', 'makeKit', 'setLanguage', 'openFolder', 'exportMismatchedAgents']) {
      for (const args of shapes) {
        const r = await ask({ id: ++id, intent, args });
        expect(r, `${intent} ${JSON.stringify(args)?.slice(0, 40)}`).toMatchObject({ ok: false });
        expect(String(r.error)).not.toMatch(/at .*\.js:\d+/);
      }
    }
    // Still answering, and nothing was started by any of it.
    expect(await ask({ id: ++id, intent: 'hello' })).toMatchObject({ ok: true });
    expect(host!.service.repair.state.run).toBeNull();
    expect(host!.service.repair.state.collect.workDir).toBeNull();
    expect((await fetch(url)).status).toBe(200);
    socket.close();
  });

  it('a page that connects while a run is going gets the run state and its output so far', async () => {
    world = await makeWorld({ behaviour: { lines: ['first line', 'second line'], hang: true } });
    host = await startBrowserHost({ context: contextFor(world), staticDir: path.join(root, 'dist', 'renderer'), info: { simulated: true, kitBesideApp: null, version: 't' } });
    const svc = host.service;
    // The host looked at the PC as it started; the test drives on from there.
    await svc.lookedAtPc();
    await svc.handle('setSource', ['\\\\srv', null]);
    await svc.handle('collect', [false]);
    const running = svc.handle('run', [null, true]);
    // Until IpXfer has said its two lines (an event, not a poll).
    await new Promise<void>((resolve) => {
      let said = svc.repair.outputSnapshot().total;
      if (said >= 2) return resolve();
      const off = svc.repair.onOutput(() => {
        if (++said < 2) return;
        off();
        resolve();
      });
    });
    const url = new URL(host.url);
    const late = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token')}`, { origin: url.origin });
    // Like every page, it says hello first.
    late.on('open', () => late.send(JSON.stringify({ id: 1, intent: 'hello', args: [] })));
    const first = await new Promise<{ view: { state: { busy: string } }; batch: { reset: boolean; lines: { text: string }[] } }>((resolve) => {
      const got: Record<string, unknown> = {};
      late.on('message', (d) => {
        const m = JSON.parse(String(d));
        if (m.event === 'view' && !got.view) got.view = m.view;
        if (m.event === 'output' && !got.batch) got.batch = m.batch;
        if (got.view && got.batch) resolve(got as never);
      });
    });
    expect(first.view.state.busy).toBe('run');
    expect(first.batch.reset).toBe(true);
    expect(first.batch.lines.map((l) => l.text)).toEqual(['first line', 'second line']);
    // A second run while this one goes is refused, not started.
    const refused = await svc.handle('run', [null, true]).then(() => null, (e: unknown) => e);
    expect(refused).toMatchObject({ code: 'busy' });
    expect(svc.failureText(refused)).toMatch(/still running IpXfer/);
    await svc.handle('cancel', []);
    await running;
    expect(svc.repair.state.outcome).toBe('cancelled');
    late.close();
  });
});
