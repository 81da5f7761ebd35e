import { defineConfig } from '@playwright/test';

// Debian's Chromium (apt-get install chromium): Playwright's own browser download cannot be reached here.
export default defineConfig({
  // The runner and its workers work in a fresh temporary folder, never in the repository.
  globalSetup: './tests/setup/playwright-temp-cwd.ts',
  projects: [
    { name: 'browser', testDir: 'tests/e2e' },
    // Skips with its reason where the Electron binary is not installed (fails instead with APEX_REQUIRE_ELECTRON).
    { name: 'electron', testDir: 'tests/electron' },
    // The shipped folder app, unzipped by the Windows CI job (npm run test:folder-app); only when it is there.
    ...(process.env.APEX_ELECTRON_APP ? [{ name: 'electron-packaged', testDir: 'tests/electron-packaged' }] : []),
  ],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [[process.env.CI ? 'line' : 'list'], ['json', { outputFile: '.test-summary/playwright.json' }]],
  use: {
    headless: true,
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    viewport: { width: 1200, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
