/**
 * Tests leave the working tree as they found it: screenshots (docs/screenshots/) come only from
 * `npm run screenshots`, a Playwright configuration of their own that the normal run never loads;
 * every test works in a temporary working directory; `npm test` fails when the tree changed during
 * the run (scripts/tree-check.mjs). And the repository stands on its own: nothing points outside it.
 */
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDirs } from '../fixtures/temp-dirs.js';
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

const temp = tempDirs('acf-tree-');

/** A copy of the tree check and the closing summary in a small project of its own. */
async function project(git: boolean): Promise<string> {
  const dir = await temp();
  mkdirSync(path.join(dir, 'scripts'));
  for (const f of ['tree-check.mjs', 'test-summary.mjs']) copyFileSync(path.join(root, 'scripts', f), path.join(dir, 'scripts', f));
  writeFileSync(path.join(dir, 'kept.txt'), 'committed\n');
  writeFileSync(path.join(dir, 'mine.txt'), 'committed\n');
  if (git) {
    const g = (...args: string[]) => execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir });
    await g('init', '-q');
    writeFileSync(path.join(dir, '.gitignore'), '.test-summary/\n');
    await g('add', '-A');
    await g('commit', '-qm', 'start');
  }
  // The developer's own uncommitted work, there before the run: never blamed on the tests.
  writeFileSync(path.join(dir, 'mine.txt'), 'work in progress\n');
  writeFileSync(path.join(dir, 'draft.txt'), 'new, not yet added\n');
  return dir;
}

/** `npm test`'s first and last steps around a run that passed one test and did `during`. */
async function runAround(dir: string, during: () => void) {
  await execa(process.execPath, ['scripts/tree-check.mjs', 'record'], { cwd: dir });
  during();
  writeFileSync(path.join(dir, '.test-summary', 'vitest.json'), JSON.stringify({ numPassedTests: 1, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 }));
  return execa(process.execPath, ['scripts/test-summary.mjs'], { cwd: dir, reject: false });
}

describe('the tests leave the tree as they found it', () => {
  it('every test file runs in a fresh temporary working directory, not in the repository', () => {
    const cwd = realpathSync(process.cwd());
    expect(cwd).not.toBe(realpathSync(root));
    expect(cwd.startsWith(realpathSync(os.tmpdir()))).toBe(true);
    expect(readdirSync(cwd)).toEqual([]);
  });

  for (const git of [true, false]) {
    it(`npm test turns red and names each file a run added or changed, and only those (${git ? 'with git' : 'without git'})`, async () => {
      const dir = await project(git);
      const clean = await runAround(dir, () => {});
      expect(clean.stdout).toContain('tests: 1 passed, 0 failed, 0 skipped');
      expect(clean.exitCode).toBe(0);

      const dirty = await runAround(dir, () => {
        writeFileSync(path.join(dir, 'kept.txt'), 'changed by a test\n');
        mkdirSync(path.join(dir, 'abc', 'ApexCertFix-kit'), { recursive: true });
        writeFileSync(path.join(dir, 'abc', 'ApexCertFix-kit', 'manifest.json'), '{}');
      });
      expect(dirty.exitCode).toBe(1);
      expect(dirty.stdout).toContain('tests: 1 passed, 1 failed, 0 skipped');
      expect(dirty.stdout).toContain('the tests changed the working tree');
      const named = dirty.stdout.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim());
      expect(named).toEqual(['abc/ApexCertFix-kit/manifest.json', 'kept.txt']);
    });
  }

  it('a file the developer was already changing, changed again by a run, is named too', async () => {
    const dir = await project(true);
    const r = await runAround(dir, () => writeFileSync(path.join(dir, 'mine.txt'), 'overwritten by a test\n'));
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/\n {2}mine\.txt\n/);
    expect(r.stdout).not.toContain('draft.txt');
  });

  it('npm test records the tree first and checks it last', () => {
    const test = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.test as string;
    expect(test).toMatch(/^rm -rf \.test-summary && node scripts\/tree-check\.mjs record && /);
    expect(test).toMatch(/node scripts\/test-summary\.mjs$/);
  });
});

describe('the repository stands on its own', () => {
  it('no tracked file points at the shared folder outside the repository', async () => {
    // Built from parts, so this file does not name what it looks for.
    const outside = new RegExp(['\\.\\./shared', 'shared/' + 'FACTS', 'shared/' + 'DESIGN'].join('|'));
    const files = (await execa('git', ['ls-files', '-z'], { cwd: root })).stdout.split('\0').filter(Boolean);
    expect(files.length).toBeGreaterThan(100);
    const pointing = files.filter((f) => existsSync(path.join(root, f)) && outside.test(readFileSync(path.join(root, f), 'latin1')));
    expect(pointing).toEqual([]);
  });

  it('every section a file cites in docs/vendor-facts.md or docs/architecture.md is there', async () => {
    const headings = (doc: string) => readFileSync(path.join(root, 'docs', doc), 'utf8').split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3).trim());
    const known = { 'vendor-facts.md': headings('vendor-facts.md'), 'architecture.md': headings('architecture.md') };
    const files = (await execa('git', ['ls-files', '-z'], { cwd: root })).stdout.split('\0').filter((f) => /\.(ts|mjs|cjs|c|md)$/.test(f));
    const cited: string[] = [];
    for (const f of files) {
      if (!existsSync(path.join(root, f))) continue;
      // A citation may wrap inside a comment: join the comment's lines first.
      const text = readFileSync(path.join(root, f), 'utf8').replace(/\n\s*(\*|\/\/|#)?\s*/g, ' ');
      for (const m of text.matchAll(/docs\/(vendor-facts\.md|architecture\.md) "([^"]+)"/g)) {
        cited.push(m[1]!);
        expect(known[m[1] as keyof typeof known], `${f} cites docs/${m[1]} "${m[2]}"`).toContain(m[2]);
      }
    }
    expect(cited.length).toBeGreaterThan(20);
  });

  it('no doc comment is stacked on another (the first one would document nothing)', async () => {
    const files = (await execa('git', ['ls-files', '-z', '*.ts', '*.svelte', '*.mjs', '*.cjs'], { cwd: root })).stdout.split('\0').filter(Boolean);
    const stacked = files.filter((f) => existsSync(path.join(root, f)) && /\*\/[ \t]*\r?\n[ \t]*\/\*\*/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(stacked).toEqual([]);
  });
});
