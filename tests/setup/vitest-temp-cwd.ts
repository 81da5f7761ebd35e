/**
 * Every vitest file (unit tests and the Wine lane) runs in a fresh temporary working directory, and
 * so do the programs it starts (they inherit it): a relative path a test or the product resolves
 * lands there, never in the repository. Paths the tests need are absolute (from import.meta.url).
 * The folder is removed when the file is done. `npm test` also checks that the tree is unchanged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const before = process.cwd();
const cwd = mkdtempSync(path.join(os.tmpdir(), 'acf-cwd-'));
process.chdir(cwd);

afterAll(() => {
  process.chdir(before);
  rmSync(cwd, { recursive: true, force: true });
});
