/**
 * The shipped folder app (release/ApexCertFix-<v>-folder-x64.zip), unzipped by Windows into a
 * path with spaces and Japanese in it, runs the training wizard where it lies and keeps its data
 * beside ApexCertFix.exe (the `portable` marker in the zip). CI only (the Windows job):
 * scripts/ci/prepare-folder-app.mjs unzips it and turns on the one fuse Playwright needs, then
 * `APEX_ELECTRON_APP=<ApexCertFix.exe> npm run test:folder-app`. playwright.config.ts has this
 * project only when APEX_ELECTRON_APP is set.
 */
import { test, expect } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PORTABLE_DATA_FOLDER, PORTABLE_MARKER } from '../../electron/hosts/electron/portable-paths.js';
import { makeWorld, type World } from '../fixtures/world.js';
import { launchApp } from '../electron/harness.js';

const exe = process.env.APEX_ELECTRON_APP ?? '';
test.skip(!exe, 'APEX_ELECTRON_APP is not set (the Windows CI job sets it to the unzipped folder app)');

let world: World;
test.beforeEach(async () => {
  world = await makeWorld({ behaviour: { password: 'trend' } });
});
test.afterEach(async () => {
  await world.cleanup();
});

test('the folder app from a path with spaces and Japanese runs the training wizard in place, its data beside the exe', async () => {
  const folder = path.dirname(exe);
  expect(folder).toMatch(/ /);
  expect(folder).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  expect(readdirSync(folder)).toContain(PORTABLE_MARKER);
  // Not the portable exe's launcher: nothing says where to unpack, nothing is unpacked.
  const app = await launchApp({ executable: exe, packaged: true, profile: world.profile, env: { PORTABLE_EXECUTABLE_DIR: '' } });
  try {
    const where = await app.evaluate(({ app: a }) => ({ packaged: a.isPackaged, exe: process.execPath, appPath: a.getAppPath(), userData: a.getPath('userData') }));
    expect(where.packaged).toBe(true);
    expect(path.resolve(where.exe)).toBe(path.resolve(exe));
    // The code runs from the folder it lies in (resources\app.asar), not from a copy in %TEMP%.
    expect(path.resolve(where.appPath).startsWith(path.resolve(folder))).toBe(true);
    expect(path.resolve(where.userData)).toBe(path.join(folder, PORTABLE_DATA_FOLDER));

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
    await page.getByLabel('I have checked these files: run them anyway').check();
    await main.getByRole('button', { name: 'Run IpXfer', exact: true }).click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
    expect(readdirSync(path.join(folder, PORTABLE_DATA_FOLDER, 'reports')).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  } finally {
    await app.close();
  }
});
