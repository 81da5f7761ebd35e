/**
 * `apex-cert-fix summarize` as a helpdesk runs it (the real CLI, real folders): counts and table,
 * --json, --csv, the join with the agents list written as a target list, bad input exit 2 with
 * nothing written; and `fix` without a console: no prompt, no colour codes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFakeReport } from '../fixtures/fleet-reports.js';
import { execa } from 'execa';
import { CLI, runCli } from '../fixtures/cli.js';
import { makeWorld } from '../fixtures/world.js';

const AGENTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/agents');
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

async function fleet() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'acf-sum-'));
  temps.push(dir);
  const at = (h: number) => new Date(Date.UTC(2026, 2, 2, h));
  await writeFakeReport(path.join(dir, 'a'), { hostname: 'WS-001', createdAt: at(9), outcome: 'failed' });
  await writeFakeReport(path.join(dir, 'b'), { hostname: 'ws-001', createdAt: at(10), outcome: 'fixed', serverSerial: 'AA11' });
  await writeFakeReport(dir, { hostname: 'WS-002', createdAt: at(9), outcome: 'not-verified' });
  await writeFakeReport(dir, { hostname: 'PC-経理-01', createdAt: at(9), outcome: 'timeout' });
  await writeFile(path.join(dir, 'broken.json'), '{"schemaVersion": 1, "tool": {"name": "apex-cert-');
  return dir;
}

describe('apex-cert-fix summarize', () => {
  it('prints counts by outcome and one row per PC (the latest), and lists skipped files', async () => {
    const dir = await fleet();
    const r = await runCli(['summarize', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 PCs, from 4 reports');
    expect(r.stdout).toMatch(/^PC\s+Outcome\s+When\s+Server certificate\s+Agent certificate after\s+Error\s+Report$/m);
    expect(r.stdout).toMatch(/^ws-001\s+fixed\s+2026-03-02 \d\d:00\s+AA11\s+AA11\s+-\s+ws-001_\d{8}-\d{6}\.json$/m);
    expect(r.stdout).toMatch(/^WS-002\s+not confirmed\s.*\snot-verified\s/m);
    expect(r.stdout).toContain('1 files skipped:');
    expect(r.stdout).toMatch(/broken\.json: not valid JSON/);
  });

  it('--json: exactly one document on stdout; --csv: the table for Excel (UTF-8 with BOM, CRLF)', async () => {
    const dir = await fleet();
    const csv = path.join(dir, 'fleet.csv');
    const r = await runCli(['summarize', dir, '--json', '--csv', csv, '--lang', 'ja']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ kind: 'apex-cert-fix-fleet-summary', mode: 'summarize', counts: { fixed: 1, 'not-verified': 1, timeout: 1 }, files: { found: 5, read: 4, skipped: 1 } });
    expect(doc.skipped[0]).toMatchObject({ reason: 'not-json' });
    expect(r.stderr).toContain('3台のPC');
    const bytes = await readFile(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('"PC","結果","日時","サーバ証明書","実行後のエージェント証明書","エラーコード","レポート"');
    expect(lines[1]).toMatch(/^"PC-経理-01","タイムアウト",/);
    expect(lines[1]).toContain(path.join(dir, 'PC-経理-01_'));
  });

  it('--agents LIST --targets-out FILE: the hosts without a fixed report, one per line (CRLF, no BOM)', async () => {
    const dir = await fleet();
    const targets = path.join(dir, 'targets.txt');
    const r = await runCli(['summarize', dir, '--agents', path.join(AGENTS, 'en-utf8.csv'), '--targets-out', targets, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Agents list: 2 agents, 1 repaired, 1 still to repair');
    expect(r.stdout).toContain('  WS-002: not confirmed');
    expect(await readFile(targets, 'utf8')).toBe('WS-002\r\n');
    const ja = await runCli(['summarize', dir, '--agents', path.join(AGENTS, 'ja-cp932.csv'), '--targets-out', targets, '--lang', 'en']);
    expect(ja.stdout).toMatch(/Host names with non-ASCII characters .*PC-営業-07/);
    // PC-経理-01's latest report timed out: still a target, written as UTF-8.
    expect(await readFile(targets, 'utf8')).toBe('PC-経理-01\r\nPC-営業-07\r\n');
  });

  const refusals: [string, (dir: string) => string[], RegExp][] = [
    ['no folder', () => ['summarize'], /one or more report folders/],
    ['a folder that does not exist', (d) => ['summarize', path.join(d, 'nope')], /does not exist or cannot be reached/],
    ['--targets-out without --agents', (d) => ['summarize', d, '--targets-out', path.join(d, 'out.txt')], /used together with --agents/],
    ['an agents list without host names', (d) => ['summarize', d, '--agents', path.join(d, 'broken.json'), '--targets-out', path.join(d, 'out.txt')], /is not a list this tool can read/],
    ['a fix option', (d) => ['summarize', d, '--report-copy', d], /--report-copy.*an option of fix only/],
  ];
  for (const [name, args, message] of refusals) {
    it(`refuses ${name}: exit 2, a message, nothing written`, async () => {
      const dir = await fleet();
      const r = await runCli([...args(dir), '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(path.join(dir, 'out.txt'))).toBe(false);
    });
  }
});

describe('fix without a console (deployment tools)', () => {
  it('asks nothing, prints no colour or control codes, and exits with the documented code', async () => {
    const w = await makeWorld({});
    try {
      // No --password-stdin: standard input is never read, even when nothing ever arrives on it.
      const child = execa(process.execPath, [CLI, 'fix', '--simulate', w.profile, '--source', '\\\\srv', '--work-dir', w.workBase, '--reports-dir', w.reportsDir, '--allow-unverified-publisher', '--lang', 'ja'], { stdin: 'pipe', reject: false, timeout: 60_000, env: { LANG: 'ja_JP.UTF-8' } });
      const done = await child;
      const r = { code: done.exitCode, stdout: String(done.stdout), stderr: String(done.stderr) };
      expect(r.code).toBe(0);
      // eslint-disable-next-line no-control-regex
      expect(r.stdout + r.stderr).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/);
      expect(r.stdout).not.toMatch(/パスワード:/);
    } finally {
      await w.cleanup();
    }
  });
});
