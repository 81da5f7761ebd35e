/**
 * `npm run screenshots`: the README's screenshots (docs/screenshots/), made only when asked. The
 * normal test run (playwright.config.ts) never looks in tests/screenshots, so tests leave the
 * working tree as they found it.
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

export default defineConfig({
  ...base,
  projects: [{ name: 'screenshots', testDir: 'tests/screenshots' }],
  reporter: [['list']],
  workers: 1,
});
