/**
 * The Wine lane (tests/windows/): the product's Windows code under Wine against a prefix with real
 * services, registry and PE programs. One prefix, so one scenario at a time. `npm run test:windows`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/windows/**/*.test.ts'],
    globalSetup: ['tests/windows/global-setup.ts'],
    // Each file runs in a fresh temporary working directory (tests/setup/vitest-temp-cwd.ts).
    setupFiles: ['tests/setup/vitest-temp-cwd.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
