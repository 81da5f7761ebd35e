/**
 * summarizeReports over real folders: each PC's latest report (host names without regard to
 * case), every file that is not a usable report skipped with its reason, and the join with the
 * server's list of mismatched agents in each form the `agents` command reads or writes.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { summarizeReports } from '../../electron/core/fleet/summarize.js';
import { FleetError } from '../../electron/core/fleet/fleet-types.js';
import { joinAgents, targetsText } from '../../electron/core/fleet/fleet-view.js';
import { readReportRecord } from '../../electron/core/fleet/report-record.js';
import { fakeReport, writeFakeReport } from '../fixtures/fleet-reports.js';
import { agentsToCsv } from '../../electron/core/mismatched-agents.js';
import { tempDirs } from '../fixtures/temp-dirs.js';

const AGENTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/agents');
const temp = tempDirs('acf-fleet-');
const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);

describe('each PC\'s latest report', () => {
  it('keeps the latest by createdAt, comparing host names without regard to case, across folders and subfolders', async () => {
    const a = await temp();
    const b = await temp();
    await writeFakeReport(path.join(a, '2026-03-01'), { hostname: 'PC-001', createdAt: at('09:00'), outcome: 'failed' });
    await writeFakeReport(path.join(b, 'deep', 'er'), { hostname: 'pc-001', createdAt: at('10:00'), outcome: 'fixed' });
    await writeFakeReport(a, { hostname: 'PC-002', createdAt: at('11:00'), outcome: 'not-verified' });
    await writeFakeReport(a, { hostname: 'PC-002', createdAt: at('08:00'), outcome: 'fixed' });
    await writeFakeReport(a, { hostname: 'PC-003', createdAt: at('08:00'), outcome: 'already-fixed' });
    const s = await summarizeReports([a, b]);
    expect(s.files).toEqual({ found: 5, read: 5, skipped: 0 });
    expect(s.pcs.map((r) => [r.hostname, r.outcome, r.reports])).toEqual([
      ['pc-001', 'fixed', 2],
      ['PC-002', 'not-verified', 2],
      ['PC-003', 'already-fixed', 1],
    ]);
    expect(s.counts).toEqual({ fixed: 1, 'not-verified': 1, 'already-fixed': 1 });
    const pc1 = s.pcs[0]!;
    expect(pc1.file).toContain(path.join('deep', 'er'));
    expect(pc1.serverSerial).toMatch(/^[0-9A-F]{32}$/);
    expect(pc1.agentSerialAfter).toBe(pc1.serverSerial);
    expect(s.pcs[1]!.errorCode).toBe('not-verified');
    // Already fixed: IpXfer did not run, so the certificate found before is the one "after".
    expect(s.pcs[2]!.agentSerialAfter).toBe(s.pcs[2]!.serverSerial);
  });

  it('skips, counts and names every file that is not a usable report, and never crashes', async () => {
    const dir = await temp();
    await writeFakeReport(dir, { hostname: 'GOOD', createdAt: at('09:00'), outcome: 'fixed' });
    const put = (name: string, content: string | Buffer) => writeFile(path.join(dir, name), content);
    await put('partial.json', JSON.stringify(fakeReport({ hostname: 'HALF', createdAt: at('09:00'), outcome: 'fixed' })).slice(0, 700));
    await put('empty.json', '');
    await put('package.json', JSON.stringify({ name: 'something-else', version: '1.0.0' }));
    await put('array.json', '[1, 2, 3]');
    await put('newer.json', JSON.stringify({ ...fakeReport({ hostname: 'NEW', createdAt: at('09:00'), outcome: 'fixed' }), schemaVersion: 2 }));
    await put('no-host.json', JSON.stringify({ ...fakeReport({ hostname: 'X', createdAt: at('09:00'), outcome: 'fixed' }), computer: null }));
    await put('bad-date.json', JSON.stringify({ ...fakeReport({ hostname: 'Y', createdAt: at('09:00'), outcome: 'fixed' }), createdAt: 'yesterday' }));
    await put('manifest.json', JSON.stringify({ schemaVersion: 1, tool: { name: 'apex-cert-fix' }, mode: 'kit' }));
    await put('binary.json', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02]));
    await put('notes.txt', 'not a report, not looked at');
    await put('huge.json', JSON.stringify({ ...fakeReport({ hostname: 'BIG', createdAt: at('09:00'), outcome: 'fixed', lines: 3000 }) }));
    await symlink(path.join(dir, 'gone.json'), path.join(dir, 'dangling.json'));
    await mkdir(path.join(dir, 'folder.json'));
    const s = await summarizeReports([dir], { maxFileBytes: 64 * 1024 });
    expect(s.pcs.map((r) => r.hostname)).toEqual(['GOOD']);
    const reasons = Object.fromEntries(s.skipped.map((f) => [path.basename(f.file), [f.reason, f.detail]]));
    expect(reasons).toEqual({
      'partial.json': ['not-json', null],
      'empty.json': ['not-json', null],
      'package.json': ['foreign', null],
      'array.json': ['foreign', null],
      'newer.json': ['newer-schema', '2'],
      'no-host.json': ['invalid', 'computer'],
      'bad-date.json': ['invalid', 'createdAt'],
      'manifest.json': ['not-a-repair', 'kit'],
      'binary.json': ['not-json', null],
      'huge.json': ['too-large', expect.stringMatching(/^\d+$/)],
      'dangling.json': ['unreadable', 'ENOENT'],
    });
    expect(s.files).toEqual({ found: 12, read: 1, skipped: 11 });
    expect(s.skippedByReason).toMatchObject({ 'not-json': 3, foreign: 2, invalid: 2, unreadable: 1 });
  });

  it('reads the same whether in slices (local disk) or in parallel (how UNC paths are read)', async () => {
    const dir = await temp();
    for (let i = 0; i < 40; i++) await writeFakeReport(path.join(dir, String(i % 3)), { hostname: `PC-${i % 17}`, createdAt: at(`0${i % 10}:${String(i).padStart(2, '0')}`), outcome: i % 4 ? 'fixed' : 'failed' });
    await writeFile(path.join(dir, 'broken.json'), '{');
    const progress: number[] = [];
    const sliced = await summarizeReports([dir], { parallel: false, now: at('12:00'), onProgress: (done) => progress.push(done) });
    const parallel = await summarizeReports([dir], { parallel: true, concurrency: 5, now: at('12:00') });
    expect(parallel).toEqual(sliced);
    expect(sliced.pcs).toHaveLength(17);
    expect(progress.at(-1)).toBe(41);
  });

  it('lists at most skippedLimit skipped files by name, and counts them all', async () => {
    const dir = await temp();
    for (let i = 0; i < 30; i++) await writeFile(path.join(dir, `junk-${i}.json`), '{');
    const s = await summarizeReports([dir], { skippedLimit: 10 });
    expect(s.files.skipped).toBe(30);
    expect(s.skipped).toHaveLength(10);
    expect(s.skippedListTruncated).toBe(true);
  });

  it('a report folder that does not exist, or is a file, is refused (it is the user\'s input)', async () => {
    const dir = await temp();
    await expect(summarizeReports([path.join(dir, 'nope')])).rejects.toMatchObject({ details: { code: 'folder-missing', reason: 'ENOENT' } });
    await writeFile(path.join(dir, 'file'), 'x');
    await expect(summarizeReports([path.join(dir, 'file')])).rejects.toBeInstanceOf(FleetError);
  });

  it('reads a report with a BOM, and one from a newer version with extra fields and an unknown outcome', () => {
    const doc = { ...fakeReport({ hostname: 'PC', createdAt: at('09:00'), outcome: 'fixed' }), outcome: 'some-new-outcome', extra: { nested: true } };
    const r = readReportRecord('\ufeff' + JSON.stringify(doc), 'f.json');
    expect(r).toMatchObject({ ok: true, report: { hostname: 'PC', outcome: 'some-new-outcome' } });
  });
});

describe('joined with the server\'s list of mismatched agents', () => {
  async function fleet() {
    const dir = await temp();
    await writeFakeReport(dir, { hostname: 'ws-001', createdAt: at('09:00'), outcome: 'fixed' });
    await writeFakeReport(dir, { hostname: 'WS-002', createdAt: at('09:00'), outcome: 'failed' });
    await writeFakeReport(dir, { hostname: 'WS-101', createdAt: at('09:00'), outcome: 'already-fixed' });
    return dir;
  }

  it('CertificateManager-like CSV: which agents still need the repair, in list order', async () => {
    const s = await summarizeReports([await fleet()], { agentsList: path.join(AGENTS, 'en-utf8.csv') });
    expect(s.agents).toMatchObject({ hostColumn: 'Host Name', total: 2, repaired: 1, targets: ['WS-002'] });
    expect(s.agents!.rows.map((r) => [r.host, r.status])).toEqual([
      ['WS-001', 'fixed'],
      ['WS-002', 'not-fixed'],
    ]);
  });

  it('CP932 with Japanese headers, and a list without a header row (host column found by its values)', async () => {
    const dir = await fleet();
    const ja = await summarizeReports([dir], { agentsList: path.join(AGENTS, 'ja-cp932.csv') });
    expect(ja.agents!.total).toBeGreaterThan(0);
    const plain = await summarizeReports([dir], { agentsList: path.join(AGENTS, 'no-header.csv') });
    expect(plain.agents).toMatchObject({ hostColumn: 'Column 1', repaired: 1, targets: ['WS-102'] });
  });

  it('the agents command\'s own exports: CSV (also of a list without a header row), --out JSON, and the --json document', async () => {
    const dir = await fleet();
    const lists = await temp();
    const headerless = path.join(lists, 'headerless.csv');
    await writeFile(headerless, agentsToCsv({ headers: ['Column 1', 'Column 2'], rows: [['WS-101', '10.0.0.1'], ['WS-103', '10.0.0.3']] }));
    expect((await summarizeReports([dir], { agentsList: headerless })).agents!.targets).toEqual(['WS-103']);

    const exported = path.join(lists, 'out.json');
    await writeFile(exported, JSON.stringify({ count: 2, roles: { host: 0 }, agents: [{ 'コンピュータ名': 'WS-001.corp.example', IP: '10.0.0.1' }, { 'コンピュータ名': 'WS-009', IP: '10.0.0.9' }] }));
    // A fully qualified name in the list matches the short name the report carries.
    expect((await summarizeReports([dir], { agentsList: exported })).agents).toMatchObject({ hostColumn: 'コンピュータ名', targets: ['WS-009'] });

    const doc = path.join(lists, 'agents.json');
    const serial = 'ABCDEF0123';
    await writeFile(doc, JSON.stringify({ schemaVersion: 1, mode: 'agents', headers: ['Host Name'], roles: { host: 0 }, certificate: { serial }, agents: [{ 'Host Name': 'WS-001' }, { 'Host Name': 'WS-101' }] }));
    const stale = await summarizeReports([dir], { agentsList: doc });
    // Repaired with another server certificate than the list's: it needs the new one.
    expect(stale.agents).toMatchObject({ expectedSerial: serial, targets: ['WS-001', 'WS-101'] });
    expect(stale.agents!.rows.map((r) => r.status)).toEqual(['stale', 'stale']);
  });

  it('a list without a host column, or unreadable, is refused before anything is read', async () => {
    const dir = await fleet();
    const lists = await temp();
    const ips = path.join(lists, 'ips.csv');
    await writeFile(ips, iconv.encode('IP Address\r\n10.0.0.1\r\n', 'utf8'));
    await expect(summarizeReports([dir], { agentsList: ips })).rejects.toMatchObject({ details: { code: 'list-no-host', headers: ['IP Address'] } });
    await expect(summarizeReports([dir], { agentsList: path.join(lists, 'missing.csv') })).rejects.toMatchObject({ details: { code: 'list-unreadable' } });
    const broken = path.join(lists, 'broken.json');
    await writeFile(broken, '{"agents": 3}');
    await expect(summarizeReports([dir], { agentsList: broken })).rejects.toMatchObject({ details: { code: 'list-invalid' } });
  });

  it('the targets file: one host per line, CRLF, no BOM, each host once', () => {
    const join = joinAgents([], ['PC-1', 'pc-1', ' PC-2 ', ''], { list: 'l', hostColumn: 'h', expectedSerial: null });
    expect(join.targets).toEqual(['PC-1', 'PC-2']);
    expect(Buffer.from(targetsText(join.targets))).toEqual(Buffer.from('PC-1\r\nPC-2\r\n'));
    expect(targetsText([])).toBe('');
  });
});
