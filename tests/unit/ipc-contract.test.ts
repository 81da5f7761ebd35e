/**
 * The page-to-process path in Electron, exercised for real: the bundled preload (dist/.../preload.cjs,
 * as Electron loads it) runs against a stand-in for Electron's contextBridge / ipcRenderer / ipcMain
 * objects, wired to our real main-process bridge and wizard service.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INTENTS, type WizardApi } from '../../electron/contract/index.js';
import { registerIntents } from '../../electron/hosts/electron/ipc-bridge.js';
import { isTrustedSenderUrl } from '../../electron/hosts/security.js';
import type { WizardService } from '../../electron/hosts/wizard-service.js';
import { closeInOrder, serviceFor } from '../fixtures/service.js';
import { makeWorld, type World } from '../fixtures/world.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let world: World | null = null;
let service: WizardService | null = null;
afterEach(async () => {
  await closeInOrder(service, world);
  [service, world] = [null, null];
});

/** Loads the built preload with `require('electron')` answered by a minimal Electron stand-in. */
function loadPreload(svc: WizardService, senderUrl: string) {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  registerIntents({ handle: (channel, fn) => handlers.set(channel, fn as (event: unknown, ...args: unknown[]) => unknown) }, svc, isTrustedSenderUrl);
  let exposed: { key: string; api: WizardApi } | null = null;
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: WizardApi) => (exposed = { key, api }) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        const fn = handlers.get(channel);
        if (!fn) throw new Error(`no handler for ${channel}`);
        return fn({ senderFrame: { url: senderUrl } }, ...args);
      },
      on: (channel: string, fn: (event: unknown, payload: unknown) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(fn);
      },
      removeListener: (channel: string, fn: (event: unknown, payload: unknown) => void) => listeners.get(channel)?.delete(fn),
    },
  };
  const code = readFileSync(path.join(root, 'dist', 'electron', 'hosts', 'electron', 'preload.cjs'), 'utf8');
  const module = { exports: {} };
  new Function('require', 'module', 'exports', code)((id: string) => (id === 'electron' ? electron : undefined), module, module.exports);
  const send = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((fn) => fn({ sender: 'event object' }, payload));
  return { exposed: exposed!, send };
}

describe('IPC: page → preload → main → wizard service', () => {
  it('exposes exactly one function per intent plus the two subscriptions, and every intent reaches its handler', async () => {
    world = await makeWorld();
    service = serviceFor(world);
    const { exposed } = loadPreload(service, 'app://wizard/index.html');
    expect(exposed.key).toBe('apexCertFix');
    expect(Object.keys(exposed.api).sort()).toEqual([...INTENTS, 'onOutput', 'onView'].sort());
    expect(await exposed.api.hello()).toMatchObject({ kind: 'browser', simulated: true, lang: 'en' });
    await exposed.api.detect();
    expect(service.repair.state.environment?.hostname).toBe('PC-TEST-01');
    await exposed.api.setSource('\\\\srv', null);
    expect(service.repair.state.plan).not.toBeNull();
  });

  it('every intent refuses arguments of the wrong shape, naming the argument, never echoing it', async () => {
    world = await makeWorld();
    service = serviceFor(world);
    const { exposed } = loadPreload(service, 'app://wizard/index.html');
    const api = exposed.api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const bad: Record<string, unknown[]> = {
      setSource: [{ evil: true }, null],
      collect: ['yes'],
      run: [42, false],
      setLanguage: ['fr'],
      makeKit: ['\\\\srv', 7],
      exportMismatchedAgents: ['xml'],
      openFolder: ['/etc'],
    };
    for (const name of INTENTS) {
      const args = bad[name] ?? ['unexpected'];
      await expect(api[name]!(...args), name).rejects.toThrow(new RegExp(`^${name}: argument`));
    }
    await expect(api.run!('secret-pwd', 'x')).rejects.toThrow(/^run: argument 1/);
    await expect(api.run!('secret-pwd', 'x')).rejects.not.toThrow(/secret-pwd/);
  });

  it('a frame that is not our page is refused; events arrive without the IPC event object', async () => {
    world = await makeWorld();
    service = serviceFor(world);
    const evil = loadPreload(service, 'https://evil.example/');
    await expect(evil.exposed.api.hello()).rejects.toThrow(/untrusted sender/);
    const good = loadPreload(service, 'app://wizard/index.html');
    const got: unknown[] = [];
    good.exposed.api.onView((v) => got.push(v));
    good.send('apex:event', { event: 'view', view: { state: 'x' } });
    // Not an event frame: nothing reaches the page.
    good.send('apex:event', { state: 'y' });
    good.send('apex:event', null);
    expect(got).toEqual([{ state: 'x' }]);
  });
});
