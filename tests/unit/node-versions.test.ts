/**
 * The Node versions are stated truthfully, in one sense everywhere: the project's own code needs
 * Node 20.19+ (package.json `engines`, and `devEngines`, which npm 10.9+ enforces on install and
 * `npm run`); Electron and the Windows app build need 22.12+ (README). `npm run setup`
 * (scripts/npm-ci.mjs) turns npm's EBADENGINE warnings for exactly those packages into one note
 * and passes any other warning through as npm wrote it.
 */
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGING, packagingNote, settleEngineWarnings } from '../../scripts/npm-ci.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NPM_CI = path.join(root, 'scripts', 'npm-ci.mjs');

const block = (pkg: string, node: string) =>
  [
    'npm warn EBADENGINE Unsupported engine {',
    `npm warn EBADENGINE   package: '${pkg}',`,
    `npm warn EBADENGINE   required: { node: '${node}' },`,
    "npm warn EBADENGINE   current: { node: 'v20.20.2', npm: '11.19.1' }",
    'npm warn EBADENGINE }',
  ].join('\n');

/** npm 11.19's stderr for `npm ci` of this lock file on Node 20.20.2, as recorded, plus an unrelated warning. */
const RECORDED = [
  'npm warn deprecated inflight@1.0.6: This module is not supported',
  block('@electron-internal/extract-zip@1.0.8', '>=22.12.0'),
  block('@electron/get@5.1.0', '>=22.12.0'),
  block('@electron/rebuild@4.2.1', '>=22.12.0'),
  block('electron@45.5.0', '>= 22.12.0'),
  block('node-abi@4.40.0', '>=22.12.0'),
  block('left-pad@9.0.0', '>=24'),
].join('\n');

interface LockPackage {
  dev?: boolean;
  engines?: { node?: string };
}

describe('Node versions', () => {
  it('package.json states Node 20.19+ for the project (engines, and devEngines that npm enforces)', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.engines.node).toBe('>=20.19');
    expect(pkg.devEngines.runtime).toEqual({ name: 'node', version: '>=20.19', onFail: 'error' });
  });

  it('the packages the note speaks for are development-only in the lock file and declare Node 22.12+', async () => {
    const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
    for (const name of Object.keys(PACKAGING)) {
      const found = Object.entries(lock.packages).filter(([where]) => where.endsWith(`node_modules/${name}`));
      expect(found.length, name).toBeGreaterThan(0);
      for (const [where, p] of found) expect(p.dev, where).toBe(true);
      // Older copies nested under other tools may accept Node 20; the warned one is the 22.12 one.
      expect(found.map(([, p]) => p.engines?.node?.replace(/\s+/g, '')), name).toContain('>=22.12.0');
    }
  });

  it('the README says which Node runs what', async () => {
    const readme = await readFile(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain('### Node versions');
    expect(readme).toMatch(/Node\.js 20\.19 or later; running Electron and building the Windows apps need 22\.12 or later/);
  });

  it('setup turns the packaging warnings into one note and passes any other through unchanged', () => {
    const { passed, packaging } = settleEngineWarnings(RECORDED);
    expect(packaging.map((p) => p.pkg)).toEqual(['@electron-internal/extract-zip@1.0.8', '@electron/get@5.1.0', '@electron/rebuild@4.2.1', 'electron@45.5.0', 'node-abi@4.40.0']);
    expect(passed).toBe(['npm warn deprecated inflight@1.0.6: This module is not supported', block('left-pad@9.0.0', '>=24')].join('\n'));
    const note = packagingNote(packaging, 'v20.20.2');
    expect(note).toContain('Node v20.20.2 here. @electron-internal/extract-zip@1.0.8, @electron/get@5.1.0, @electron/rebuild@4.2.1, electron@45.5.0, node-abi@4.40.0 declare Node >=22.12.0');
    expect(note).toContain('`npm start` under Electron and `npm run dist:win` need Node 22.12 or later');
    expect(note).toContain('training mode and the CLI need Node 20.19 or later');
  });

  it('setup prints what npm prints, the note once, and exits with npm\'s exit code', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'acf-npm-ci-'));
    try {
      // A stand-in for npm (npm_execpath, as `npm run setup` sets it) that writes the recorded stderr.
      const fake = path.join(dir, 'npm-cli.mjs');
      await writeFile(fake, `process.stderr.write(${JSON.stringify(RECORDED + '\n')}); console.log('added 1 package, args ' + process.argv.slice(2).join(' ')); process.exitCode = 3;`);
      const r = await execa(process.execPath, [NPM_CI, '--ignore-scripts'], { reject: false, env: { npm_execpath: fake } });
      expect(r.exitCode).toBe(3);
      expect(r.stdout).toBe('added 1 package, args ci --no-audit --no-fund --ignore-scripts');
      expect(r.stderr.match(/EBADENGINE Unsupported engine/g)).toHaveLength(1);
      expect(r.stderr).toContain("package: 'left-pad@9.0.0'");
      expect(r.stderr).toContain('npm warn deprecated inflight@1.0.6');
      expect(r.stderr.match(/setup: note:/g)).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
