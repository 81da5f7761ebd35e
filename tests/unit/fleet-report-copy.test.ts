/**
 * `fix --report-copy DIR`: the report also lands in a central folder under the local report's
 * name, many PCs at once never overwrite each other, and a copy that fails is a warning in the
 * local report plus exit 7 (when the repair itself succeeded), never a lost result.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { copyReport, reportBaseName } from '../../electron/core/fleet/report-copy.js';
import type { Report } from '../../electron/core/report.js';
import { fakeReport } from '../fixtures/fleet-reports.js';
import { runCli } from '../fixtures/cli.js';
import { makeWorld, type World, type WorldOptions } from '../fixtures/world.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

async function fix(o: WorldOptions, central: (w: World) => string | Promise<string>) {
  world = await makeWorld(o);
  const dir = await central(world);
  const r = await runCli(['fix', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', world.workBase, '--reports-dir', world.reportsDir, '--json', '--allow-unverified-publisher', '--report-copy', dir]);
  return { ...r, report: JSON.parse(r.stdout), w: world, dir };
}
const names = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).sort();

describe('fix --report-copy (the real CLI)', () => {
  it('writes the same report (JSON + text) into the central folder under the local name; both say where the copy is', async () => {
    const { code, report, w, dir } = await fix({}, async (w) => {
      const d = path.join(w.dir, 'central');
      await mkdir(d);
      return d;
    });
    expect(code).toBe(0);
    const local = await names(w.reportsDir);
    expect(await names(dir)).toEqual(local);
    const centralJson = JSON.parse(await readFile(path.join(dir, local[0]!), 'utf8'));
    const localJson = JSON.parse(await readFile(path.join(w.reportsDir, local[0]!), 'utf8'));
    expect(centralJson).toEqual(localJson);
    expect(report).toEqual(localJson);
    expect(localJson.reportCopy).toEqual({ dir, json: path.join(dir, local[0]!), text: path.join(dir, local[1]!), error: null });
    expect(localJson.outcome).toBe('fixed');
    expect(await readFile(path.join(dir, local[1]!), 'utf8')).toContain(`Central copy: ${path.join(dir, local[0]!)}`);
  });

  it('a central folder that does not exist: the repair stands, exit 7, the local report records why', async () => {
    const { code, report, stderr, w } = await fix({}, (w) => path.join(w.dir, 'no-such-share'));
    expect(code).toBe(7);
    expect(report.outcome).toBe('fixed');
    expect(report.reportCopy).toMatchObject({ json: null, error: { code: 'ENOENT' } });
    expect(stderr).toMatch(/central copy of the report could not be written .*no-such-share.*exit code 7/);
    const local = await names(w.reportsDir);
    expect(JSON.parse(await readFile(path.join(w.reportsDir, local[0]!), 'utf8')).reportCopy.error.code).toBe('ENOENT');
    expect(await readFile(path.join(w.reportsDir, local[1]!), 'utf8')).toContain('could not be written');
    // A typo is not a folder to create.
    expect(existsSync(path.join(w.dir, 'no-such-share'))).toBe(false);
  });

  it('a failed repair keeps its own exit code (1) when the copy fails too: it says more', async () => {
    const { code, report } = await fix({ behaviour: { noEffect: true } }, async (w) => {
      const f = path.join(w.dir, 'a-file');
      await writeFile(f, '');
      return f;
    });
    expect(code).toBe(1);
    expect(report.reportCopy.error.code).toBe('ENOTDIR');
  });

  it('a PC that is not ready writes no local report, but the central copy says why it was not repaired', async () => {
    const { code, report, w, dir } = await fix({ elevated: false }, async (w) => {
      const d = path.join(w.dir, 'central');
      await mkdir(d);
      return d;
    });
    expect(code).toBe(3);
    expect(existsSync(w.reportsDir)).toBe(false);
    const central = await names(dir);
    expect(central).toHaveLength(2);
    expect(JSON.parse(await readFile(path.join(dir, central[0]!), 'utf8'))).toMatchObject({ outcome: 'environment', error: { code: 'not-elevated' }, computer: { hostname: 'PC-TEST-01' } });
    expect(report.reportCopy.error).toBeNull();
  });
});

describe('many PCs, one share', () => {
  const report = (hostname: string) => fakeReport({ hostname, createdAt: new Date('2026-03-02T09:00:00Z'), outcome: 'fixed' }) as unknown as Report;

  it('the same host name in the same second: every copy gets its own name, none overwritten, no temporary files left', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'acf-central-'));
    temps.push(dir);
    const copies = await Promise.all(Array.from({ length: 12 }, () => copyReport(report('PC-SAME'), dir, 'en')));
    expect(copies.every((c) => c.error === null)).toBe(true);
    const jsons = copies.map((c) => c.json!);
    expect(new Set(jsons).size).toBe(12);
    const all = await names(dir);
    expect(all).toHaveLength(24);
    expect(all.filter((n) => !/\.(json|txt)$/.test(n))).toEqual([]);
    expect(all).toContain(`${reportBaseName(report('PC-SAME'))}.json`);
    expect(all).toContain(`${reportBaseName(report('PC-SAME'), 12)}.json`);
    for (const c of copies) expect(JSON.parse(await readFile(c.json!, 'utf8')).reportCopy.json).toBe(c.json);
  });

  it('a JSON left without its text is not overwritten: the next name is taken', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'acf-central-'));
    temps.push(dir);
    const first = path.join(dir, `${reportBaseName(report('PC-X'))}.json`);
    await writeFile(first, 'kept');
    const copy = await copyReport(report('PC-X'), dir, 'ja');
    expect(copy.json).toBe(path.join(dir, `${reportBaseName(report('PC-X'), 2)}.json`));
    expect(await readFile(first, 'utf8')).toBe('kept');
  });

  it('a folder that cannot be written: the error, worded, and nothing left behind', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'acf-central-'));
    temps.push(dir);
    const copy = await copyReport(report('PC-Y'), path.join(dir, 'missing', 'deeper'), 'ja');
    expect(copy.error).toMatchObject({ code: 'ENOENT', message: expect.stringMatching(/集約先.*書き込めませんでした.*（終了コード: 7）/) });
    expect(await names(dir)).toEqual([]);
  });
});
