/**
 * Tests leave the working tree as they found it: screenshots (docs/screenshots/) come only from
 * `npm run screenshots`, a Playwright configuration of their own that the normal run never loads.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import config from '../../playwright.config.js';
import screenshots from '../../playwright.screenshots.config.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('test hygiene', () => {
  it('the normal Playwright run never runs the screenshots, and no test of it writes into docs/', () => {
    const dirs = (config.projects ?? []).map((p) => p.testDir);
    expect(dirs).not.toContain('tests/screenshots');
    for (const dir of ['tests/e2e', 'tests/unit', 'tests/electron']) {
      for (const file of readdirSync(path.join(root, dir))) {
        if (file === 'test-hygiene.test.ts') continue;
        expect(readFileSync(path.join(root, dir, file), 'utf8'), `${dir}/${file}`).not.toMatch(/docs[/\\]+screenshots|'docs',\s*'screenshots'|\.\.\/\.\.\/docs/);
      }
    }
  });

  it('npm run screenshots runs them on their own', () => {
    expect((screenshots.projects ?? []).map((p) => p.testDir)).toEqual(['tests/screenshots']);
    const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.screenshots).toBe('npm run build && playwright test -c playwright.screenshots.config.ts');
    expect(scripts['test:e2e']).not.toContain('screenshots');
  });
});
