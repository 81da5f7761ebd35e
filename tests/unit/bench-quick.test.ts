/**
 * The benchmark cannot silently break: `npm test` runs the compiled bench (dist/bench/run.js) in
 * quick mode, every part end to end on small sizes (figures printed, goals not judged), as a child
 * process in a temporary folder of its own that it must leave empty.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BENCH = path.join(root, 'dist', 'bench', 'run.js');
const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })));
});

describe('npm run bench', () => {
  it('runs end to end in quick mode and prints every figure', { timeout: 180_000 }, async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'acf-bench-test-'));
    folders.push(tmp);
    const r = await execa(process.execPath, [BENCH, '--quick'], { reject: false, all: true, env: { TMPDIR: tmp }, timeout: 170_000 });
    expect(r.exitCode, r.all).toBe(0);
    const out = r.stdout;
    expect(out).toContain('(quick: small sizes, figures not judged)');
    // Goals are shown but never judged in quick mode: no verdict at all.
    expect(out).not.toMatch(/meets goal|MISSES goal/);
    for (const figure of [
      /bytes read from source +(\d+) of \1 +\(goal: each byte once: yes\)/,
      /copyFile alone, no hash +\d+ ms +ratio [\d.]+x/,
      /runner line events p50 [\d.]+ ms +p95 [\d.]+ ms/,
      /line handling alone, CPU per 10k lines \(min of 3\): LineDecoder [\d.]+ ms/,
      /summarize \+ join +median \d+ ms/,
      /flood: 2 MB in one line/,
      /renderer JS \(gzip\) +[\d.]+ KB/,
      /first step interactive +\d+ ms after navigation/,
      /2k lines streamed +\d+ ms; \d+ long tasks/,
      /CLI exe \(Node SEA\) +skipped in quick mode.*its timed commands end with exit 0/,
    ]) {
      expect(out).toMatch(figure);
    }
    expect(await readdir(tmp)).toEqual([]);
  });

  it('refuses an unknown part with usage and exit 2', async () => {
    const r = await execa(process.execPath, [BENCH, '--only', 'colect'], { reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('unknown part colect');
    expect(r.stderr).toContain('parts: collect, runner, fleet, flood, ui, cli-exe');
  });
});
