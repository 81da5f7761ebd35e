import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Each file runs in a fresh temporary working directory (tests/setup/vitest-temp-cwd.ts).
    setupFiles: ['tests/setup/vitest-temp-cwd.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Real child processes and real folders: two workers match this machine's two cores.
    maxWorkers: 2,
  },
});
