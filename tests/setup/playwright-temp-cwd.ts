/**
 * Playwright's global setup: the runner moves into a fresh temporary working directory before any
 * worker starts, so the workers (which inherit it), the hosts they serve and the programs those start
 * resolve relative paths there, never in the repository. Paths the tests need are absolute (from
 * import.meta.url). The folder is removed at the end. `npm test` also checks that the tree is unchanged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const before = process.cwd();
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'acf-cwd-'));
  process.chdir(cwd);
  return () => {
    process.chdir(before);
    rmSync(cwd, { recursive: true, force: true });
  };
}
