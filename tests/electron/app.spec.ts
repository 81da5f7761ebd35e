/**
 * The real Electron app through Playwright's _electron. The Electron binary cannot be downloaded on
 * the build machines (ELECTRON_SKIP_BINARY_DOWNLOAD=1), so these skip there, saying why; on a machine
 * with internet (`npm install electron` without the skip variable) they run.
 */
import { test, expect, _electron as electron } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebContents, WebPreferences } from 'electron';
import { makeWorld, type World } from '../fixtures/world.js';

/** Electron's web contents answer getLastWebPreferences() (electron_api_web_contents.cc), though electron.d.ts leaves it out. */
type WithPreferences = WebContents & { getLastWebPreferences(): WebPreferences | null };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binary = electronBinary();

const SKIP_REASON = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): the app cannot start here';
if (!binary) console.log(`[electron tests] skipped: ${SKIP_REASON}`);
test.skip(!binary, SKIP_REASON);

let world: World;
test.beforeEach(async () => {
  world = await makeWorld({ behaviour: { password: 'trend' } });
});
test.afterEach(async () => {
  await world.cleanup();
});

async function launch() {
  return electron.launch({ executablePath: binary!, args: [path.join(root, 'dist', 'electron', 'hosts', 'electron', 'main.js'), '--simulate', world.profile, '--lang', 'en'] });
}

test('the happy path on the simulated profile', async () => {
  const app = await launch();
  const page = await app.firstWindow();
  const main = page.getByRole('main');
  await expect(page.getByText('This PC is ready for the repair.')).toBeVisible();
  await main.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('Server or folder').fill('\\\\srv');
  await main.getByRole('button', { name: 'Check', exact: true }).click();
  await main.getByRole('button', { name: 'Next', exact: true }).click();
  await main.getByRole('button', { name: 'Copy files', exact: true }).click();
  await page.getByTestId('workdir').waitFor();
  await main.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('Agent unload password').fill('trend');
  // The simulated IpXfer is a script, not Trend Micro's signed program: confirm running it.
  await page.getByLabel('I have checked these files: run them anyway').check();
  await main.getByRole('button', { name: 'Run IpXfer', exact: true }).click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
  await app.close();
});

test('the window\'s security settings, read back from the main process', async () => {
  const app = await launch();
  await app.firstWindow();
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const p = (BrowserWindow.getAllWindows()[0]!.webContents as WithPreferences).getLastWebPreferences()!;
    return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity };
  });
  expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  const page = await app.firstWindow();
  expect(page.url()).toBe('app://wizard/index.html');
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  await app.close();
});

test('navigation away from the app is denied', async () => {
  const app = await launch();
  const page = await app.firstWindow();
  // Waits for the navigation itself (a deadline, not a sleep): an allowed one ends the wait at once.
  const navigated = page.waitForEvent('framenavigated', { timeout: 2000 }).catch(() => null);
  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await navigated;
  expect(page.url()).toBe('app://wizard/index.html');
  await app.close();
});
