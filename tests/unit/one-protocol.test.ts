/**
 * One protocol from page to process: the same intents, bad ones and a `busy` among them, sent
 * through Electron's path (the bundled preload against the real IPC bridge, as in
 * ipc-contract.test.ts) and through the browser's (the page's own WebSocket client against the real
 * browser host), get the same replies, worded the same, in both languages. Raw frames that no page
 * of ours would send get the same refusals from both too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import type { ReplyFrame, WizardApi } from '../../electron/contract/index.js';
import { startBrowserHost, type BrowserHost } from '../../electron/hosts/browser/browser-host.js';
import { registerIntents } from '../../electron/hosts/electron/ipc-bridge.js';
import { isTrustedSenderUrl } from '../../electron/hosts/security.js';
import { WizardService } from '../../electron/hosts/wizard-service.js';
import { websocketApi } from '../../renderer/src/api-client.js';
import { contextFor } from '../fixtures/service.js';
import { makeWorld, type World } from '../fixtures/world.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const INFO = { simulated: true, kitBesideApp: null, version: 't' } as const;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** One way in: the page's API, raw frames straight at the host, and the service behind it. */
interface Path {
  api: WizardApi;
  raw(frame: unknown): Promise<ReplyFrame>;
  service: WizardService;
  world: World;
}

/** Electron: the built preload, `require('electron')` answered by a stand-in wired to the real bridge. */
async function electronPath(): Promise<Path> {
  const world = await makeWorld({ behaviour: { lines: ['working'], hang: true } });
  const service = new WizardService({ context: contextFor(world), info: { ...INFO, kind: 'browser' }, settingsFile: null, onView: () => undefined, onOutput: () => undefined });
  cleanups.push(() => world.cleanup(), () => service.close());
  const handlers = new Map<string, (event: unknown, frame: unknown) => Promise<ReplyFrame>>();
  registerIntents({ handle: (channel, fn) => handlers.set(channel, fn as (event: unknown, frame: unknown) => Promise<ReplyFrame>) }, service, isTrustedSenderUrl);
  const invoke = async (channel: string, frame: unknown) => handlers.get(channel)!({ senderFrame: { url: 'app://wizard/index.html' } }, frame);
  let api: WizardApi | null = null;
  const electron = {
    contextBridge: { exposeInMainWorld: (_key: string, exposed: WizardApi) => (api = exposed) },
    ipcRenderer: { invoke, on: () => undefined, removeListener: () => undefined },
  };
  const code = readFileSync(path.join(root, 'dist', 'electron', 'hosts', 'electron', 'preload.cjs'), 'utf8');
  const module = { exports: {} };
  new Function('require', 'module', 'exports', code)((id: string) => (id === 'electron' ? electron : undefined), module, module.exports);
  return { api: api!, raw: (frame) => invoke('apex:intent', frame), service, world };
}

/** The browser: the real host, the page's WebSocket client, and a second socket for raw frames. */
async function browserPath(): Promise<Path> {
  const world = await makeWorld({ behaviour: { lines: ['working'], hang: true } });
  const host: BrowserHost = await startBrowserHost({ context: contextFor(world), staticDir: path.join(root, 'dist', 'renderer'), info: INFO });
  cleanups.push(() => world.cleanup(), () => host.close());
  const url = new URL(host.url);
  const address = `ws://${url.host}/api?token=${url.searchParams.get('token')}`;
  /** The page's socket, as a browser makes it (the browser sends the page's Origin). */
  class PageSocket extends WebSocket {
    constructor(to: string) {
      super(to, { origin: url.origin });
    }
  }
  const api = websocketApi(address, () => undefined, PageSocket as unknown as typeof globalThis.WebSocket);
  const socket = new WebSocket(address, { origin: url.origin });
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  cleanups.push(() => socket.close());
  const raw = (frame: unknown) =>
    new Promise<ReplyFrame>((resolve) => {
      // Replies to frames without a usable id come back with id null; only one raw frame is out at a time.
      const id = frame !== null && typeof frame === 'object' ? (frame as { id?: unknown }).id : null;
      const wanted = Number.isSafeInteger(id) ? (id as number) : null;
      socket.on('message', function on(data) {
        const m = JSON.parse(String(data)) as ReplyFrame & { event?: string };
        if (m.event || m.id !== wanted) return;
        socket.off('message', on);
        resolve(m);
      });
      socket.send(JSON.stringify(frame));
    });
  return { api, raw, service: host.service, world };
}

type Outcome = { ok: true; result: unknown } | { ok: false; error: string };
const settle = (p: Promise<unknown>): Promise<Outcome> =>
  p.then(
    (result) => ({ ok: true, result }),
    (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : `not an Error: ${String(e)}` }),
  );

/** Until the session runs IpXfer (an event of the session, not a poll). */
function running(service: WizardService): Promise<void> {
  return new Promise((resolve) => {
    if (service.repair.state.busy === 'run' && service.repair.state.running) return resolve();
    const off = service.repair.onState((s) => {
      if (s.busy !== 'run' || !s.running) return;
      off();
      resolve();
    });
  });
}

/** The same sequence through one path: every reply the page sees, paths of the world made neutral. */
async function sequence(p: Path): Promise<Record<string, Outcome>> {
  const { api } = p;
  const bad = api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const out: Record<string, Outcome> = {};
  out.hello = await settle(api.hello());
  out['setSource wrong type'] = await settle(bad.setSource!({ evil: true }, null));
  out['setSource bad build'] = await settle(bad.setSource!('\\\\srv', 'abc'));
  out['run password not text'] = await settle(bad.run!(42, false));
  out['run with a password, bad flag'] = await settle(bad.run!('secret-pwd', 'x'));
  out['setLanguage fr'] = await settle(bad.setLanguage!('fr'));
  out['collect too many'] = await settle(bad.collect!(false, 'more'));
  out['openFolder a path'] = await settle(bad.openFolder!('/etc'));
  out.detect = await settle(api.detect());
  out.setSource = await settle(api.setSource('\\\\srv', null));
  out.collect = await settle(api.collect(false));
  const run = settle(api.run(null, true));
  await running(p.service);
  out['collect while running'] = await settle(api.collect(false));
  out['newRepair while running'] = await settle(api.newRepair());
  out['setLanguage ja'] = await settle(api.setLanguage('ja'));
  out['verify while running, in Japanese'] = await settle(api.verify());
  out.cancel = await settle(api.cancel());
  out.run = await run;
  out['exportMismatchedAgents without a list'] = await settle(api.exportMismatchedAgents('csv'));
  out.pickFolder = await settle(api.pickFolder());
  out['openFolder reports'] = await settle(api.openFolder('reports'));
  out.relaunchElevated = await settle(api.relaunchElevated());
  // Frames no page of ours sends, straight at the host.
  const raws: [string, unknown][] = [
    ['no id', { intent: 'hello' }],
    ['id not a number', { id: '1', intent: 'hello' }],
    ['id not whole', { id: 1.5, intent: 'hello' }],
    ['not an object', 42],
    ['null', null],
    ['an array', [1, 'hello']],
    ['no intent', { id: 7 }],
    ['unknown intent', { id: 8, intent: 'format-c' }],
    ['inherited name', { id: 9, intent: 'constructor', args: [] }],
    ['args not a list', { id: 10, intent: 'collect', args: true }],
    ['args left out', { id: 11, intent: 'cancel' }],
  ];
  for (const [name, frame] of raws) out[`raw: ${name}`] = await p.raw(frame);
  return JSON.parse(JSON.stringify(out).replaceAll(JSON.stringify(p.world.dir).slice(1, -1), '<world>')) as Record<string, Outcome>;
}

describe('one protocol: Electron IPC and the browser WebSocket answer alike', () => {
  it('the same intents, bad ones and a busy among them, get identical replies on both paths', async () => {
    const viaIpc = await sequence(await electronPath());
    const viaSocket = await sequence(await browserPath());
    expect(viaSocket).toEqual(viaIpc);

    // And the replies are the ones a user should read.
    expect(viaIpc.hello).toMatchObject({ ok: true, result: { kind: 'browser', simulated: true, lang: 'en', reportsDir: expect.stringContaining('<world>') } });
    expect(viaIpc['setSource bad build']).toEqual({ ok: false, error: 'setSource: argument 1 invalid_type' });
    expect(viaIpc['setLanguage fr']).toEqual({ ok: false, error: 'setLanguage: argument 0 invalid_value' });
    expect(viaIpc['collect too many']).toMatchObject({ ok: false, error: expect.stringMatching(/^collect: argument/) });
    expect(JSON.stringify(viaIpc)).not.toContain('secret-pwd');
    for (const ok of ['detect', 'setSource', 'collect', 'cancel', 'run', 'setLanguage ja']) expect(viaIpc[ok], ok).toEqual({ ok: true, result: null });
    // `busy` is worded, never its code: in Electron it used to reach the page as `busy: {"code":…}`.
    expect(viaIpc['collect while running']).toEqual({ ok: false, error: expect.stringMatching(/^Please wait: still running IpXfer/) });
    expect(viaIpc['newRepair while running']).toEqual({ ok: false, error: expect.stringMatching(/^Please wait: still running IpXfer/) });
    expect(viaIpc['verify while running, in Japanese']).toMatchObject({ ok: false, error: expect.stringMatching(/[ぁ-んァ-ン]/) });
    expect(JSON.stringify(viaIpc)).not.toMatch(/"code"|busy:|Error invoking|at .*\.js:\d+/);
    expect(viaIpc.pickFolder).toEqual({ ok: false, error: 'this host has no folder picker' });
    expect(viaIpc['raw: no id']).toEqual({ id: null, ok: false, error: 'a message needs a numeric id' });
    expect(viaIpc['raw: unknown intent']).toEqual({ id: 8, ok: false, error: 'unknown intent' });
    expect(viaIpc['raw: inherited name']).toEqual({ id: 9, ok: false, error: 'unknown intent' });
    expect(viaIpc['raw: args not a list']).toEqual({ id: 10, ok: false, error: 'collect: argument (all) invalid_type' });
    expect(viaIpc['raw: args left out']).toEqual({ id: 11, ok: true, result: null });
  });
});
