/**
 * What the fleet features say, in Japanese and in English: `summarize` over a real share holding
 * every kind of file a share collects (reports of every outcome, one of a newer version, partial,
 * foreign, too large, unreadable, links that lead nowhere), each skipped file named with its reason
 * in the user's language; the join with the agents list; every refusal (exit 2) naming the path it
 * is about; the central copy's line and the password file's refusals in Japanese.
 */
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { messages, outcomeWord, type Lang } from '../../electron/core/messages.js';
import { SKIP_REASONS, type FleetErrorDetails } from '../../electron/core/fleet/fleet-types.js';
import { copyReport } from '../../electron/core/fleet/report-copy.js';
import { MAX_REPORT_BYTES } from '../../electron/core/fleet/scan-reports.js';
import type { Report } from '../../electron/core/report.js';
import { readPasswordFile } from '../../electron/hosts/cli/password-file.js';
import { fakeReport, writeFakeReport } from '../fixtures/fleet-reports.js';
import { runCli } from '../fixtures/cli.js';
import { tempDirs } from '../fixtures/temp-dirs.js';

const AGENTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/agents');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const LANGS: Lang[] = ['en', 'ja'];
const temp = tempDirs('acf-fleetw-');
const at = (h: number, m = 0) => new Date(Date.UTC(2026, 2, 2, h, m));

function expectReadable(text: string, lang: Lang, what = text): void {
  expect(text.trim(), what).not.toBe('');
  expect(text, what).not.toMatch(/undefined|\[object Object\]|NaN/);
  if (lang === 'ja') expect(text, what).toMatch(JAPANESE);
  else expect(text, what).not.toMatch(JAPANESE);
}

describe('the fleet table, in both languages', () => {
  for (const lang of LANGS) {
    const m = messages(lang).fleet;

    it(`${lang}: every refusal names the path it is about, with the OS error in words`, () => {
      const cases: FleetErrorDetails[] = [
        { code: 'folder-missing', path: '\\\\fs01\\ApexCertFix-reports$', reason: 'ENOENT' },
        { code: 'folder-not-folder', path: 'D:\\reports.zip' },
        { code: 'list-unreadable', path: 'C:\\lists\\agents.csv', reason: 'EACCES' },
        { code: 'list-no-host', path: 'C:\\lists\\ips.csv', headers: ['IP Address', 'Domain'] },
        { code: 'list-no-host', path: 'C:\\lists\\blank.csv', headers: [] },
        { code: 'list-invalid', path: 'C:\\lists\\agents.json', problem: 'agents is not a list' },
        { code: 'output-failed', path: 'C:\\out\\targets.txt', reason: 'EROFS' },
      ];
      const texts = cases.map((d) => m.error(d));
      cases.forEach((d, i) => {
        const text = texts[i]!;
        expectReadable(text, lang, d.code);
        expect(text).toContain(d.path);
        if ('reason' in d) expect(text).toContain(`${d.reason}`);
        if ('problem' in d) expect(text).toContain(d.problem);
        if ('headers' in d) for (const h of d.headers) expect(text).toContain(h);
      });
      // An OS error code in words: the helpdesk sees "access denied", the ticket keeps EACCES.
      expect(texts[2]).toContain(lang === 'en' ? 'access denied (EACCES)' : 'アクセスが拒否されました（EACCES）');
      // A list without any column says so, rather than showing an empty list of columns.
      expect(texts[4]).toMatch(lang === 'en' ? /\(columns: none\)/ : /（列: なし）/);
    });

    it(`${lang}: each reason to skip a file, each outcome and each summary line has its own words`, () => {
      const skips = SKIP_REASONS.map((r) => m.skip[r]);
      expect(new Set(skips).size).toBe(SKIP_REASONS.length);
      for (const s of skips) expectReadable(s, lang);
      const outcomes = ['fixed', 'already-fixed', 'failed', 'not-verified', 'bad-input', 'environment', 'timeout', 'cancelled', 'ready'];
      expect(new Set(outcomes.map((o) => outcomeWord(lang, o))).size).toBe(outcomes.length);
      for (const o of outcomes) expectReadable(outcomeWord(lang, o), lang, o);
      // An outcome of a newer version is shown as written; no outcome at all as a dash.
      expect(outcomeWord(lang, 'quarantined-by-v2')).toBe('quarantined-by-v2');
      expect(outcomeWord(lang, null)).toBe('-');
      const lines = [
        m.summary.title(12, 40),
        m.summary.skipped(3),
        m.summary.skippedMore(7),
        m.summary.agents(50, 38, 12),
        m.summary.targetsWritten(12, 'C:\\out\\targets.txt'),
        m.summary.nonAscii(['PC-経理-01', 'PC-営業-07']),
        m.summary.stale('5A1B2C'),
        m.copy.failed('\\\\fs01\\reports$', 'ENOENT'),
      ];
      for (const l of lines) expect(l).not.toMatch(/undefined|NaN/);
      for (const n of ['12', '40']) expect(lines[0]).toContain(n);
      for (const n of ['50', '38', '12']) expect(lines[3]).toContain(n);
      expect(lines[4]).toContain('C:\\out\\targets.txt');
      expect(lines[5]).toContain('PC-営業-07');
      expect(lines[6]).toContain('5A1B2C');
      expect(lines[7]).toContain('\\\\fs01\\reports$');
      expect(lines[7]).toContain('7');
      expect(m.summary.headers).toHaveLength(7);
      for (const t of [m.summary.none, m.summary.noReport, m.summary.staleRow, m.copy.saved, m.copy.notFolder]) expectReadable(t, lang);
      for (const t of [m.passwordFile.expected, m.passwordFile.missing, m.passwordFile.unreadable('EACCES'), m.passwordFile.notFile, m.passwordFile.empty, m.passwordFile.tooLong, m.passwordFile.encoding]) expectReadable(t, lang);
      expect(m.passwordFile.unreadable('EACCES')).toContain('EACCES');
      expect(m.passwordFile.both).toContain('--password-file');
    });
  }
});

/**
 * A share as a fleet leaves it: reports of every outcome (one PC twice), a report of a newer
 * version with an outcome this one does not know, and one file of each kind that is skipped.
 */
async function share(): Promise<{ dir: string; skipped: Record<string, string> }> {
  const dir = await temp();
  await writeFakeReport(path.join(dir, '2026-03-01'), { hostname: 'WS-001', createdAt: at(9), outcome: 'failed' });
  await writeFakeReport(path.join(dir, '2026-03-02'), { hostname: 'ws-001', createdAt: at(10), outcome: 'fixed' });
  await writeFakeReport(dir, { hostname: 'WS-002', createdAt: at(9), outcome: 'already-fixed' });
  await writeFakeReport(dir, { hostname: 'WS-003', createdAt: at(9), outcome: 'environment' });
  await writeFakeReport(dir, { hostname: 'WS-004', createdAt: at(9), outcome: 'cancelled' });
  await writeFakeReport(dir, { hostname: 'PC-経理-01', createdAt: at(9), outcome: 'timeout' });
  await writeFile(path.join(dir, 'WS-005_20260302-090000.json'), JSON.stringify({ ...fakeReport({ hostname: 'WS-005', createdAt: at(9), outcome: 'fixed' }), outcome: 'quarantined-by-v2' }));
  const put = (name: string, content: string) => writeFile(path.join(dir, name), content);
  await put('WS-006_partial.json', JSON.stringify(fakeReport({ hostname: 'WS-006', createdAt: at(9), outcome: 'fixed' })).slice(0, 500));
  await put('package.json', JSON.stringify({ name: 'something-else' }));
  await put('WS-007_v9.json', JSON.stringify({ ...fakeReport({ hostname: 'WS-007', createdAt: at(9), outcome: 'fixed' }), schemaVersion: 9 }));
  await put('WS-008_no-date.json', JSON.stringify({ ...fakeReport({ hostname: 'WS-008', createdAt: at(9), outcome: 'fixed' }), createdAt: 'last Tuesday' }));
  await put('kit.json', JSON.stringify({ schemaVersion: 1, tool: { name: 'apex-cert-fix', version: '0.1.0' }, mode: 'kit' }));
  // Larger than any report can be: skipped without being read (a sparse file costs no disk).
  await put('huge.json', '');
  await truncate(path.join(dir, 'huge.json'), MAX_REPORT_BYTES + 1);
  await symlink(path.join(dir, 'gone.json'), path.join(dir, 'dangling.json'));
  await symlink(path.join(dir, 'loop-b.json'), path.join(dir, 'loop-a.json'));
  await symlink(path.join(dir, 'loop-a.json'), path.join(dir, 'loop-b.json'));
  const skipped: Record<string, string> = {
    'WS-006_partial.json': 'not-json',
    'package.json': 'foreign',
    'WS-007_v9.json': 'newer-schema',
    'WS-008_no-date.json': 'invalid',
    'kit.json': 'not-a-repair',
    'huge.json': 'too-large',
    'dangling.json': 'unreadable',
    'loop-a.json': 'unreadable',
    'loop-b.json': 'unreadable',
  };
  if (process.platform !== 'win32') {
    // A pipe named like a report is not a report file (not even counted), and a link to one is
    // skipped without blocking the scan.
    await execa('mkfifo', [path.join(dir, 'pipe.json')]);
    await symlink(path.join(dir, 'pipe.json'), path.join(dir, 'pipe-link.json'));
    skipped['pipe-link.json'] = 'unreadable';
  }
  return { dir, skipped };
}

describe('apex-cert-fix summarize over a real share, in both languages', () => {
  for (const lang of LANGS) {
    it(`${lang}: counts and table in the user's words; every skipped file named with its reason and detail`, async () => {
      const { dir, skipped } = await share();
      const r = await runCli(['summarize', dir, '--lang', lang]);
      expect(r.code).toBe(0);
      const m = messages(lang).fleet;
      const out = r.stdout;
      expect(out).not.toMatch(/undefined|\[object Object\]|NaN/);
      if (lang === 'ja') expect(out).toMatch(/読み飛ばした/);
      expect(out).toContain(m.summary.title(6, 7));
      const header = out.split('\n').find((l) => l.startsWith('PC '));
      for (const h of m.summary.headers) expect(header).toContain(h);
      // Counts by outcome, in words (the unknown outcome as written).
      for (const o of ['fixed', 'already-fixed', 'environment', 'cancelled', 'timeout']) expect(out).toMatch(new RegExp(`^  ${outcomeWord(lang, o)}\\s+1$`, 'm'));
      expect(out).toMatch(/^  quarantined-by-v2\s+1$/m);
      // One row per PC, the latest: WS-001 is fixed (10:00), not failed (09:00).
      expect(out).toMatch(new RegExp(`^ws-001\\s+${outcomeWord(lang, 'fixed')}\\s`, 'm'));
      expect(out).not.toMatch(/^WS-001\s/m);
      expect(out).toMatch(new RegExp(`^PC-経理-01\\s+${outcomeWord(lang, 'timeout')}\\s.*\\stimeout\\s+PC-経理-01_\\d{8}-\\d{6}\\.json$`, 'm'));
      expect(out).toContain(m.summary.skipped(Object.keys(skipped).length));
      for (const [name, reason] of Object.entries(skipped)) {
        const line = out.split('\n').find((l) => l.startsWith(`  ${path.join(dir, name)}: `));
        expect(line, name).toBeDefined();
        expect(line, name).toContain(m.skip[reason as keyof typeof m.skip]);
      }
      // The detail a helpdesk needs to act: the version found, the field, the size, the OS error.
      expect(out).toContain(`${m.skip['newer-schema']} (9)`);
      expect(out).toContain(`${m.skip.invalid} (createdAt)`);
      expect(out).toContain(`${m.skip['not-a-repair']} (kit)`);
      expect(out).toContain(`${m.skip['too-large']} (${MAX_REPORT_BYTES + 1})`);
      expect(out).toContain(`dangling.json: ${m.skip.unreadable} (ENOENT)`);
      expect(out).toContain(`loop-a.json: ${m.skip.unreadable} (ELOOP)`);
      if (skipped['pipe-link.json']) {
        expect(out).toContain(`pipe-link.json: ${m.skip.unreadable} (not a file)`);
        expect(out).not.toContain(`${path.sep}pipe.json`);
      }
    });
  }

  it('--json: the document counts every skipped file by reason; the console lines go to stderr in Japanese', async () => {
    const { dir, skipped } = await share();
    const r = await runCli(['summarize', dir, '--json', '--lang', 'ja']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.files).toEqual({ found: 7 + Object.keys(skipped).length, read: 7, skipped: Object.keys(skipped).length });
    expect(doc.skippedByReason).toMatchObject({ 'not-json': 1, foreign: 1, 'newer-schema': 1, invalid: 1, 'not-a-repair': 1, 'too-large': 1 });
    expect(doc.counts).toMatchObject({ fixed: 1, 'quarantined-by-v2': 1 });
    expect(r.stderr).toContain(messages('ja').fleet.summary.title(6, 7));
    expect(r.stderr).toContain('読み飛ばしたファイル');
    // With --json the console keeps to the counts: no table.
    expect(r.stderr).not.toContain(messages('ja').fleet.summary.headers.join('  '));
  });

  it('more than 20 skipped files: the first 20 named, the rest counted, in the user\'s language', async () => {
    const dir = await temp();
    await writeFakeReport(dir, { hostname: 'WS-001', createdAt: at(9), outcome: 'fixed' });
    for (let i = 0; i < 26; i++) await writeFile(path.join(dir, `junk-${String(i).padStart(2, '0')}.json`), '{"half":');
    for (const lang of LANGS) {
      const r = await runCli(['summarize', dir, '--lang', lang]);
      expect(r.code).toBe(0);
      const m = messages(lang).fleet;
      expect(r.stdout).toContain(m.summary.skipped(26));
      expect(r.stdout.split('\n').filter((l) => /junk-\d\d\.json: /.test(l))).toHaveLength(20);
      expect(r.stdout).toContain(m.summary.skippedMore(6));
    }
  });

  it('an empty share: no table, the words "no reports"', async () => {
    const dir = await temp();
    for (const lang of LANGS) {
      const r = await runCli(['summarize', dir, '--lang', lang]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(messages(lang).fleet.summary.title(0, 0));
      expect(r.stdout).toContain(messages(lang).fleet.summary.none);
      expect(r.stdout).not.toContain(messages(lang).fleet.summary.headers[1]!);
    }
  });
});

describe('the join with the agents list, in Japanese', () => {
  it('stale repairs, agents without a report and the hosts still to repair, each in words; the target file written', async () => {
    const dir = await temp();
    await writeFakeReport(dir, { hostname: 'WS-001', createdAt: at(9), outcome: 'fixed', serverSerial: 'NEW0001' });
    await writeFakeReport(dir, { hostname: 'WS-002', createdAt: at(9), outcome: 'fixed', serverSerial: 'OLD0001' });
    await writeFakeReport(dir, { hostname: 'WS-003', createdAt: at(9), outcome: 'not-verified', serverSerial: 'NEW0001' });
    const hosts = ['WS-001', 'WS-002', 'WS-003', 'PC-営業-07', ...Array.from({ length: 22 }, (_, i) => `WS-1${String(i).padStart(2, '0')}`)];
    const list = path.join(dir, 'agents.json');
    await writeFile(list, JSON.stringify({ schemaVersion: 1, mode: 'agents', headers: ['Host Name'], roles: { host: 0 }, certificate: { serial: 'NEW0001' }, agents: hosts.map((h) => ({ 'Host Name': h })) }));
    const targets = path.join(dir, 'targets.txt');
    const r = await runCli(['summarize', dir, '--agents', list, '--targets-out', targets, '--lang', 'ja']);
    expect(r.code).toBe(0);
    const m = messages('ja').fleet;
    const out = r.stdout;
    expect(out).toContain(m.summary.agents(26, 1, 25));
    expect(out).toContain(m.summary.stale('NEW0001'));
    expect(out).toContain(`  WS-002: ${m.summary.staleRow}`);
    expect(out).toContain(`  WS-003: ${outcomeWord('ja', 'not-verified')}`);
    expect(out).toContain(`  PC-営業-07: ${m.summary.noReport}`);
    expect(out).not.toContain('  WS-001: ');
    // 25 hosts to repair: 20 named, the other 5 counted.
    expect(out).toContain(m.summary.skippedMore(5));
    expect(out).toContain(m.summary.nonAscii(['PC-営業-07']));
    expect(out).toContain(m.summary.targetsWritten(25, targets));
    const written = (await readFile(targets, 'utf8')).split('\r\n');
    expect(written.slice(0, 3)).toEqual(['WS-002', 'WS-003', 'PC-営業-07']);
    expect(written).toHaveLength(26);
  });
});

describe('summarize refusals in both languages: exit 2, the path named, nothing written', () => {
  const cases: [string, (dir: string) => Promise<string[]>, string][] = [
    ['a report folder that does not exist', async (d) => [path.join(d, 'no-such-share')], 'no-such-share'],
    ['a file given as the report folder', async (d) => {
      await writeFile(path.join(d, 'reports.zip'), 'PK');
      return [path.join(d, 'reports.zip')];
    }, 'reports.zip'],
    ['an agents list that does not exist', async (d) => [d, '--agents', path.join(d, 'missing.csv')], 'missing.csv'],
    ['an agents list without host names', async (d) => {
      await writeFile(path.join(d, 'ips.csv'), 'IP Address,Domain\r\n10.0.0.1,HQ\r\n');
      return [d, '--agents', path.join(d, 'ips.csv')];
    }, 'ips.csv'],
    ['an agents list that is no list', async (d) => {
      await writeFile(path.join(d, 'agents.json'), '{"agents": 3}');
      return [d, '--agents', path.join(d, 'agents.json')];
    }, 'agents.json'],
    ['a CSV output into a folder that does not exist', async (d) => [d, '--csv', path.join(d, 'no-such-folder', 'fleet.csv')], 'fleet.csv'],
    ['a target list output into a folder that does not exist', async (d) => [d, '--agents', path.join(AGENTS, 'en-utf8.csv'), '--targets-out', path.join(d, 'no-such-folder', 'targets.txt')], 'targets.txt'],
  ];
  for (const [name, args, named] of cases) {
    it(name, async () => {
      for (const lang of LANGS) {
        const dir = await temp();
        await writeFakeReport(dir, { hostname: 'WS-001', createdAt: at(9), outcome: 'failed' });
        const r = await runCli(['summarize', ...(await args(dir)), '--json', '--lang', lang]);
        expect(r.code, `${lang} ${r.stderr}`).toBe(2);
        expectReadable(r.stderr, lang);
        expect(r.stderr).toContain(named);
        const doc = JSON.parse(r.stdout);
        expect(doc).toMatchObject({ mode: 'summarize', outcome: 'bad-input', error: { message: r.stderr.trim() } });
        expect(existsSync(path.join(dir, 'no-such-folder'))).toBe(false);
      }
    });
  }
});

describe('the central copy and the password file, in Japanese', () => {
  it('the central copy\'s text report says where the copy is, in the report\'s language', async () => {
    const dir = await temp();
    const report = { ...fakeReport({ hostname: 'PC-JA', createdAt: at(9), outcome: 'fixed' }), lang: 'ja' } as unknown as Report;
    const copy = await copyReport(report, dir, 'ja');
    expect(copy.error).toBeNull();
    const text = await readFile(copy.text!, 'utf8');
    expect(text).toContain(`${messages('ja').fleet.copy.saved}: ${copy.json}`);
    const refused = await copyReport(report, copy.json!, 'ja');
    expect(refused).toMatchObject({ json: null, error: { code: 'ENOTDIR', message: messages('ja').fleet.copy.failed(copy.json!, 'ENOTDIR') } });
  });

  it('a password file that is missing, a folder, empty, too long or not UTF-8 is refused in Japanese, never quoting it', async () => {
    const dir = await temp();
    const secret = 'Tr3nd-秘密';
    const m = messages('ja').fleet.passwordFile;
    const put = async (name: string, content: string | Buffer) => {
      await writeFile(path.join(dir, name), content);
      return path.join(dir, name);
    };
    await mkdir(path.join(dir, 'folder'));
    const cases: [string, string][] = [
      [path.join(dir, 'missing.txt'), m.missing],
      [path.join(dir, 'folder'), m.notFile],
      [await put('empty.txt', `\r\n${secret}\r\n`), m.empty],
      [await put('long.txt', `${secret}${'x'.repeat(300)}\r\n`), m.tooLong],
      [await put('cp932.txt', Buffer.from([0x83, 0x70, 0x83, 0x58, 0x0d, 0x0a])), m.encoding],
    ];
    for (const [file, why] of cases) {
      const r = await readPasswordFile(file, 'ja');
      expect(r.ok, file).toBe(false);
      if (r.ok) continue;
      expect(r.error).toMatchObject({ code: 'option-invalid', option: '--password-file', value: file });
      const expected = (r.error as { expected: string }).expected;
      expect(expected).toContain(m.expected);
      expect(expected).toContain(why);
      expect(JSON.stringify(r.error)).not.toContain('Tr3nd');
    }
  });
});
