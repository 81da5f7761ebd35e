/**
 * The real Electron app through Playwright's _electron, on the training platform (--simulate). The
 * Electron binary cannot be downloaded on the build machines (ELECTRON_SKIP_BINARY_DOWNLOAD=1), so
 * these skip there, saying why; the Windows CI job installs it and sets APEX_REQUIRE_ELECTRON, which
 * turns a missing binary into a failure (tests/electron/harness.ts).
 */
import { test, expect, type ElectronApplication } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WebContents, WebPreferences } from 'electron';
import { INTENTS } from '../../electron/contract/index.js';
import { messages } from '../../electron/core/messages.js';
import { PORTABLE_DATA_FOLDER, PROGRAM_DATA_FOLDER } from '../../electron/hosts/electron/portable-paths.js';
import { makeWorld, type World } from '../fixtures/world.js';
import { en, repairToFixed } from '../e2e/harness.js';
import { launchApp, requiredBinary, secondInstanceCommand, SKIP_REASON, tempFolder, type LaunchOptions } from './harness.js';

/** Electron's web contents answer getLastWebPreferences() (electron_api_web_contents.cc), though electron.d.ts leaves it out. */
type WithPreferences = WebContents & { getLastWebPreferences(): WebPreferences | null };

const binary = requiredBinary();
test.skip(!binary, SKIP_REASON);

let world: World;
let stick: { dir: string; remove: () => void };
const cleanups: (() => Promise<void>)[] = [];
test.beforeEach(async () => {
  world = await makeWorld({ behaviour: { password: 'trend' } });
  // Each app gets its own "stick": its own data folder and single-instance lock.
  stick = tempFolder('stick');
});
test.afterEach(async () => {
  // The app first: Windows refuses to delete files a running app holds open.
  for (const c of cleanups.splice(0).reverse()) await c();
  await world.cleanup();
  stick.remove();
});

function options(env: Record<string, string> = {}): LaunchOptions {
  return { executable: binary!, profile: world.profile, env: { PORTABLE_EXECUTABLE_DIR: stick.dir, ...env } };
}

async function launch(env: Record<string, string> = {}): Promise<ElectronApplication> {
  const app = await launchApp(options(env));
  cleanups.push(() => app.close().catch(() => undefined));
  return app;
}

test('the happy path on the simulated profile, its report kept beside the exe', async () => {
  const app = await launch();
  const page = await app.firstWindow();
  // TODO(contract helper): assert that this walk sends the same intent sequence as the IPC/WebSocket
  // protocol test another helper is writing for the typed contract (hello, detect, setSource,
  // collect, run, verify), once that test and its recorded sequence exist.
  await expect(page.getByText('This PC is ready for the repair.')).toBeVisible();
  // The default path, as the page tests walk it: the password, the training stand-ins' confirmation, Repair.
  expect(await repairToFixed(page, { password: 'trend', t: en })).toBeLessThanOrEqual(3);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
  const data = path.join(stick.dir, PORTABLE_DATA_FOLDER);
  expect(await app.evaluate(({ app: a }) => a.getPath('userData'))).toBe(data);
  const reports = readdirSync(path.join(data, 'reports'));
  expect(reports.filter((f) => f.endsWith('.json'))).toHaveLength(1);
  expect(reports.filter((f) => f.endsWith('.txt'))).toHaveLength(1);
});

test('the window opens with the hardened settings, no menu, on app://wizard', async () => {
  const app = await launch();
  const page = await app.firstWindow();
  const main = await app.evaluate(({ BrowserWindow, Menu }) => {
    const p = (BrowserWindow.getAllWindows()[0]!.webContents as WithPreferences).getLastWebPreferences()!;
    return {
      prefs: { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, nodeIntegrationInSubFrames: p.nodeIntegrationInSubFrames, webSecurity: p.webSecurity, webviewTag: p.webviewTag, allowRunningInsecureContent: p.allowRunningInsecureContent },
      menu: Menu.getApplicationMenu(),
      windows: BrowserWindow.getAllWindows().length,
    };
  });
  expect(main).toEqual({
    prefs: { contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false },
    menu: null,
    windows: 1,
  });
  expect(page.url()).toBe('app://wizard/index.html');
});

test('the page sees only the preload API: one function per intent and two subscriptions, no Node, no ipcRenderer', async () => {
  const app = await launch();
  const page = await app.firstWindow();
  await page.waitForFunction(() => 'apexCertFix' in window);
  const seen = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const api = w.apexCertFix as Record<string, unknown>;
    return {
      keys: Object.keys(api).sort(),
      kinds: [...new Set(Object.values(api).map((v) => typeof v))],
      node: ['require', 'process', 'module', 'Buffer', 'global', 'ipcRenderer', 'electron', '__dirname'].filter((k) => typeof w[k] !== 'undefined'),
      // Whatever the preload added to window: only our one name.
      added: Object.getOwnPropertyNames(window).filter((k) => /apex|ipc|electron/i.test(k)),
    };
  });
  expect(seen.keys).toEqual([...INTENTS, 'onView', 'onOutput'].sort());
  expect(seen.kinds).toEqual(['function']);
  expect(seen.node).toEqual([]);
  expect(seen.added).toEqual(['apexCertFix']);
});

test('navigation away from the app is refused', async () => {
  const app = await launch();
  const page = await app.firstWindow();
  // Waits for the navigation itself (a deadline, not a sleep): an allowed one ends the wait at once.
  const navigated = page.waitForEvent('framenavigated', { timeout: 2000 }).catch(() => null);
  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await navigated;
  expect(page.url()).toBe('app://wizard/index.html');
});

test('new windows and <webview> are refused', async () => {
  const app = await launch();
  const page = await app.firstWindow();
  const before = await app.evaluate(({ webContents }) => webContents.getAllWebContents().length);
  // A new window would end this wait at once; none must come within the deadline.
  const opened = app.waitForEvent('window', { timeout: 2000 }).catch(() => null);
  const results = await page.evaluate(() => {
    const r = [window.open('https://example.com/'), window.open('app://wizard/index.html'), window.open('about:blank')].map((w) => w === null);
    const view = document.createElement('webview');
    view.setAttribute('src', 'https://example.com/');
    document.body.appendChild(view);
    return r;
  });
  expect(await opened).toBeNull();
  expect(results).toEqual([true, true, true]);
  expect(await app.evaluate(({ BrowserWindow, webContents }) => ({ windows: BrowserWindow.getAllWindows().length, contents: webContents.getAllWebContents().length }))).toEqual({ windows: 1, contents: before });
  expect(page.url()).toBe('app://wizard/index.html');
});

test('a second instance hands over to the first (restored and focused) and ends at once', async () => {
  const app = await launch();
  await app.firstWindow();
  await app.evaluate(({ app: a, BrowserWindow }) => {
    const g = globalThis as unknown as { secondInstances: number };
    g.secondInstances = 0;
    a.on('second-instance', () => g.secondInstances++);
    BrowserWindow.getAllWindows()[0]!.minimize();
  });
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isMinimized())).toBe(true);
  const again = secondInstanceCommand(options());
  const env = { ...process.env, PORTABLE_EXECUTABLE_DIR: stick.dir } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE;
  const second = spawn(again.file, again.args, { env, stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve, reject) => {
    second.on('error', reject);
    second.on('exit', resolve);
  });
  expect(code).toBe(0);
  await expect.poll(() => app.evaluate(() => (globalThis as unknown as { secondInstances: number }).secondInstances)).toBe(1);
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isMinimized())).toBe(false);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('a stick that cannot be written: data in %ProgramData%\\ApexCertFix, and the window says so', async () => {
  // A "stick" below a file: creating its data folder really fails, on Windows as on Linux.
  const blocked = path.join(stick.dir, 'write-protected');
  writeFileSync(blocked, '');
  const programData = path.join(stick.dir, 'ProgramData');
  mkdirSync(programData);
  const app = await launch({ PORTABLE_EXECUTABLE_DIR: path.join(blocked, 'E'), ProgramData: programData });
  await app.firstWindow();
  const expected = path.join(programData, PROGRAM_DATA_FOLDER);
  expect(await app.evaluate(({ app: a }) => a.getPath('userData'))).toBe(expected);
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getTitle());
  expect(title).toContain(messages('en').label.dataTitle(expected));
  expect(existsSync(expected)).toBe(true);
});
