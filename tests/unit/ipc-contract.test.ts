import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INTENTS } from '../../electron/contract.js';
import { FixSession } from '../../electron/core/fix-session.js';
import { allChannels, CHANNELS, INTENT_PREFIX, intentChannel } from '../../electron/hosts/electron/ipc-channels.js';
import { IntentError, WizardHost } from '../../electron/hosts/wizard-service.js';
import { makeWorld, type World } from '../fixtures/world.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

describe('IPC contract', () => {
  it('one channel per intent plus the two event channels and the intent list, nothing else', () => {
    expect(allChannels().sort()).toEqual([CHANNELS.intents, CHANNELS.view, CHANNELS.output, ...INTENTS.map(intentChannel)].sort());
    expect(new Set(allChannels()).size).toBe(allChannels().length);
  });

  it('the preload uses only those channels and exposes no ipcRenderer or event object', async () => {
    const preload = await readFile(path.join(root, 'electron', 'hosts', 'electron', 'preload.cts'), 'utf8');
    const used = [...preload.matchAll(/'(apex:[a-z:]+)/g)].map((m) => m[1]!);
    for (const channel of used) expect(channel === INTENT_PREFIX || allChannels().includes(channel)).toBe(true);
    expect(preload).toContain("exposeInMainWorld('apexCertFix', api)");
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).toMatch(/listener\(payload\)/); // events arrive without the IpcRendererEvent
  });

  it('every intent has a handler; an unknown one is refused', async () => {
    world = await makeWorld();
    const session = new FixSession({ platform: world.platform, lang: 'en', workBase: world.workBase, reportsDir: world.reportsDir, settleMs: 0 });
    const host = new WizardHost({ session, info: { kind: 'browser', simulated: true, lang: 'en', kitBesideApp: null, version: 't' }, settingsFile: null, onView: () => {}, onOutput: () => {} });
    for (const name of INTENTS) {
      const outcome = await host.handle(name, []).then(
        () => 'ok',
        (e: Error) => e.message,
      );
      expect(outcome).not.toMatch(/unknown intent/);
    }
    await expect(host.handle('rm -rf' as never, [])).rejects.toThrow(IntentError);
    host.close();
  });

  it('intent arguments from the page are checked', async () => {
    world = await makeWorld();
    const session = new FixSession({ platform: world.platform, lang: 'en', workBase: world.workBase, reportsDir: world.reportsDir, settleMs: 0 });
    const host = new WizardHost({ session, info: { kind: 'browser', simulated: true, lang: 'en', kitBesideApp: null, version: 't' }, settingsFile: null, onView: () => {}, onOutput: () => {} });
    await expect(host.handle('setSource', [{ evil: true }])).rejects.toThrow(/source must be a string/);
    await expect(host.handle('setSource', ['\\\\srv', 'abc'])).rejects.toThrow(/serverBuild/);
    await expect(host.handle('run', [42])).rejects.toThrow(/password must be a string/);
    await expect(host.handle('setLanguage', ['fr'])).rejects.toThrow(/lang/);
    await expect(host.handle('openFolder', ['/etc'])).rejects.toThrow(/cannot open folders/);
    host.close();
  });
});
