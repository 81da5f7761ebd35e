/**
 * The project's CI (.github/workflows/ci.yml) checked here, where GitHub Actions cannot run:
 * against GitHub Actions' schema (@action-validator/cli, the same check a broken copy fails), every
 * npm script and repository script it calls exists, the artifacts the Windows job downloads are
 * the ones the Linux job uploads, the Linux job runs the README's test command, and the Windows job
 * gets Electron's binary (no skip variable) and refuses to skip the Electron tests.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump, load } from 'js-yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKFLOW = path.join(root, '.github', 'workflows', 'ci.yml');
const VALIDATOR = path.join(root, 'node_modules', '@action-validator', 'cli', 'cli.mjs');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  env?: Record<string, string>;
  steps: Step[];
}
const workflow = load(readFileSync(WORKFLOW, 'utf8')) as { jobs: Record<string, Job>; env?: Record<string, string> };
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

function validate(file: string) {
  const r = spawnSync(process.execPath, [VALIDATOR, file], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: r.stdout + r.stderr };
}

const jobOn = (runner: string): Job => {
  const job = Object.values(workflow.jobs).find((j) => j['runs-on'] === runner);
  if (!job) throw new Error(`no job on ${runner}`);
  return job;
};
const runs = (job: Job) => job.steps.flatMap((s) => (s.run ? [s.run] : []));
const allRuns = () => Object.values(workflow.jobs).flatMap(runs);

describe('.github/workflows/ci.yml', () => {
  it('validates against GitHub Actions\' schema', () => {
    const r = validate(WORKFLOW);
    expect(r.out).toBe('');
    expect(r.status).toBe(0);
  });

  it('a broken copy fails the same check, with the error as JSON (the check is not a no-op)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acf-workflow-'));
    try {
      const broken = structuredClone(workflow) as unknown as { jobs: Record<string, Record<string, unknown>> };
      const linux = broken.jobs[Object.keys(broken.jobs)[0]!]!;
      linux['runs-onn'] = linux['runs-on'];
      delete linux['runs-on'];
      const file = path.join(dir, 'ci.yml');
      writeFileSync(file, dump(broken));
      const r = validate(file);
      expect(r.status).toBe(1);
      const report = JSON.parse(r.out.slice(r.out.indexOf('{'))) as { errors: unknown[] };
      expect(JSON.stringify(report.errors)).toContain('runs-on');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every npm script it runs exists in package.json', () => {
    const called = allRuns().flatMap((run) => [...run.matchAll(/\bnpm (?:run(?:-script)?\s+([\w:.-]+)|(test)\b)/g)].map((m) => m[1] ?? m[2]!));
    expect(called.length).toBeGreaterThan(4);
    for (const name of called) expect(scripts, `npm run ${name}`).toHaveProperty([name]);
  });

  it('every repository script it runs with node exists', () => {
    const files = allRuns().flatMap((run) => [...run.matchAll(/\bnode (scripts\/[\w/.-]+\.mjs)/g)].map((m) => m[1]!));
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(existsSync(path.join(root, f)), f).toBe(true);
  });

  it('the Linux job runs the README\'s test command', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(/^npm run setup && npm test\b/m);
    expect(runs(jobOn('ubuntu-latest'))).toContain('npm run setup && npm test');
  });

  it('the Windows job gets Electron\'s binary, refuses to skip tests/electron, runs the native lane, dist:win and the folder app', () => {
    const win = jobOn('windows-latest');
    const text = JSON.stringify(win);
    expect(text).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(JSON.stringify(workflow.env ?? {})).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(win.env?.APEX_REQUIRE_ELECTRON).toBe('1');
    const r = runs(win).join('\n');
    expect(r).toContain('npm run test:electron');
    expect(scripts['test:electron']).toContain('--project electron');
    expect(r).toContain('npm run test:windows');
    expect(win.steps.find((s) => s.run?.includes('npm run test:windows'))?.env?.APEX_NATIVE_LANE).toBe('1');
    expect(r).toMatch(/npm run dist:win -- --cli-exes dist\/win/);
    expect(r).toContain('npm run test:folder-app');
    expect(r).toMatch(/node scripts\/ci\/prepare-folder-app\.mjs release\/ApexCertFix-\*-folder-x64\.zip\n[^]*npm run test:folder-app/);
    expect(readFileSync(path.join(root, 'scripts', 'ci', 'prepare-folder-app.mjs'), 'utf8')).toMatch(/DEFAULT_FOLDER_NAME = '[^']* [^']*'/);
  });

  it('what the Windows job downloads is what the Linux job uploads, and the apps, folder apps and CLI exes are uploaded', () => {
    const uploaded = (job: Job) => job.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@')).map((s) => s.with!.name);
    const win = jobOn('windows-latest');
    const downloads = win.steps.filter((s) => s.uses?.startsWith('actions/download-artifact@')).map((s) => s.with!.name);
    expect(downloads.length).toBe(2);
    for (const name of downloads) expect(uploaded(jobOn('ubuntu-latest'))).toContain(name);
    expect([win.needs].flat()).toContain(Object.entries(workflow.jobs).find(([, j]) => j['runs-on'] === 'ubuntu-latest')![0]);
    const artifacts = win.steps.find((s) => s.with?.name === 'windows-artifacts')!.with!.path!;
    for (const kind of ['setup', 'portable', 'folder']) expect(artifacts).toContain(`-${kind}-`);
    expect(artifacts).toContain('release/apex-cert-fix-*.exe');
  });
});
