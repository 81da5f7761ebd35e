/**
 * The fleet view on the odd corners of a real share: a local disk read in slices and a share read
 * in parallel give the same answer, file by file (also for the files skipped); two reports of one
 * PC in the same second are decided the same way every time; a minimal or older report still
 * counts; a large report is read whole; progress reaches the end; and agents lists in the less
 * common shapes (a bare JSON array, null cells, a header-only list, a huge file) are read or refused.
 */
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdir, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeReports } from '../../electron/core/fleet/summarize.js';
import { fakeReport, writeFakeReport } from '../fixtures/fleet-reports.js';
import { tempDirs } from '../fixtures/temp-dirs.js';

const AGENTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/agents');
const temp = tempDirs('acf-scan-');
const at = (h: number, m = 0) => new Date(Date.UTC(2026, 2, 2, h, m));
const NOW = at(12);

describe('sliced (local disk) and parallel (share) reads agree', () => {
  it('on every kind of file, skipped ones included, with the same reasons and details', async () => {
    const dir = await temp();
    await writeFakeReport(dir, { hostname: 'WS-001', createdAt: at(9), outcome: 'fixed' });
    await writeFakeReport(path.join(dir, 'sub'), { hostname: 'WS-002', createdAt: at(9), outcome: 'failed' });
    await writeFakeReport(dir, { hostname: 'WS-003', createdAt: at(9), outcome: 'fixed', lines: 400 });
    await writeFile(path.join(dir, 'half.json'), '{"schemaVersion":1,"tool":');
    await symlink(path.join(dir, 'gone.json'), path.join(dir, 'dangling.json'));
    await symlink(path.join(dir, 'loop-b.json'), path.join(dir, 'loop-a.json'));
    await symlink(path.join(dir, 'loop-a.json'), path.join(dir, 'loop-b.json'));
    await symlink(path.join(dir, 'sub'), path.join(dir, 'folder-link.json'));
    if (process.platform !== 'win32') {
      await execa('mkfifo', [path.join(dir, 'pipe')]);
      await symlink(path.join(dir, 'pipe'), path.join(dir, 'pipe-link.json'));
    }
    // WS-003's report carries 400 output lines: over the limit given here.
    const limit = 20 * 1024;
    const sliced = await summarizeReports([dir], { parallel: false, maxFileBytes: limit, now: NOW });
    const parallel = await summarizeReports([dir], { parallel: true, concurrency: 3, maxFileBytes: limit, now: NOW });
    expect(parallel).toEqual(sliced);
    const reasons = Object.fromEntries(sliced.skipped.map((f) => [path.basename(f.file), [f.reason, f.detail]]));
    expect(reasons).toMatchObject({
      'half.json': ['not-json', null],
      'dangling.json': ['unreadable', 'ENOENT'],
      'loop-a.json': ['unreadable', 'ELOOP'],
      'loop-b.json': ['unreadable', 'ELOOP'],
      'folder-link.json': ['unreadable', expect.any(String)],
      [`WS-003_20260302-090000.json`]: ['too-large', expect.stringMatching(/^\d+$/)],
    });
    if (process.platform !== 'win32') expect(reasons['pipe-link.json']).toEqual(['unreadable', 'not a file']);
    expect(sliced.pcs.map((p) => p.hostname)).toEqual(['WS-001', 'WS-002']);
  });

  it('a report of several hundred kilobytes (the most output a report keeps) is read whole, either way', async () => {
    const dir = await temp();
    const file = await writeFakeReport(dir, { hostname: 'WS-BIG', createdAt: at(9), outcome: 'fixed', lines: 5000 });
    expect((await stat(file)).size).toBeGreaterThan(256 * 1024);
    await writeFakeReport(dir, { hostname: 'WS-SMALL', createdAt: at(9), outcome: 'failed' });
    for (const parallel of [false, true]) {
      const s = await summarizeReports([dir], { parallel, now: NOW });
      expect(s.files).toEqual({ found: 2, read: 2, skipped: 0 });
      expect(s.pcs.map((p) => [p.hostname, p.outcome])).toEqual([
        ['WS-BIG', 'fixed'],
        ['WS-SMALL', 'failed'],
      ]);
    }
  });

  it('progress is reported every 500 files and at the end, either way', async () => {
    const dir = await temp();
    await writeFakeReport(dir, { hostname: 'WS-001', createdAt: at(9), outcome: 'fixed' });
    await Promise.all(Array.from({ length: 501 }, (_, i) => writeFile(path.join(dir, `n-${i}.json`), '{}')));
    for (const parallel of [false, true]) {
      const seen: [number, number][] = [];
      const s = await summarizeReports([dir], { parallel, concurrency: 4, onProgress: (done, found) => seen.push([done, found]) });
      expect(s.files).toEqual({ found: 502, read: 1, skipped: 501 });
      expect(s.skippedByReason.foreign).toBe(501);
      expect(seen.map(([d]) => d)).toContain(500);
      expect(seen.at(-1)).toEqual([502, 502]);
    }
  });

  it('a cancelled summary stops with the abort reason, whichever way it reads', async () => {
    const dir = await temp();
    await writeFakeReport(dir, { hostname: 'WS-001', createdAt: at(9), outcome: 'fixed' });
    const controller = new AbortController();
    controller.abort(new Error('closed by the user'));
    for (const parallel of [false, true]) {
      await expect(summarizeReports([dir], { parallel, signal: controller.signal })).rejects.toThrow('closed by the user');
    }
  });
});

describe('which report is a PC\'s latest', () => {
  it('two reports of one PC in the same second: the later file name, whatever the order the folders are given in', async () => {
    const a = await temp();
    const b = await temp();
    const same = at(9, 30);
    const inA = path.join(a, 'PC-9_20260302-093000.json');
    const inB = path.join(b, 'PC-9_20260302-093000_2.json');
    await writeFile(inA, JSON.stringify(fakeReport({ hostname: 'PC-9', createdAt: same, outcome: 'failed' })));
    await writeFile(inB, JSON.stringify(fakeReport({ hostname: ' pc-9 ', createdAt: same, outcome: 'fixed' })));
    const later = inB > inA ? 'fixed' : 'failed';
    for (const folders of [[a, b], [b, a]]) {
      for (const parallel of [false, true]) {
        const s = await summarizeReports(folders, { parallel, now: NOW });
        expect(s.pcs).toHaveLength(1);
        expect(s.pcs[0]).toMatchObject({ outcome: later, reports: 2 });
        // The name as the report spells it, without the stray spaces.
        expect(s.pcs[0]!.hostname.trim()).toBe(s.pcs[0]!.hostname);
      }
    }
  });
});

describe('minimal, older and odd reports', () => {
  it('a report with only the fields the view needs still counts; what it lacks is shown as missing, not invented', async () => {
    const dir = await temp();
    const minimal = { schemaVersion: 1, tool: { name: 'apex-cert-fix' }, mode: 'fix', createdAt: at(9).toISOString(), outcome: null, computer: { hostname: 'PC-MIN' } };
    await writeFile(path.join(dir, 'min.json'), JSON.stringify(minimal));
    // Ran, but its checks hold no agent-certificate result (and one check is not even an object).
    const noCertCheck = { ...minimal, computer: { hostname: 'PC-RAN' }, outcome: 'not-verified', platform: 42, error: 'oops', certificate: { serial: 7 }, verification: { checks: [{ name: 'service', service: 'ntrtscan' }, 'junk'] } };
    await writeFile(path.join(dir, 'ran.json'), JSON.stringify(noCertCheck));
    const s = await summarizeReports([dir], { now: NOW });
    expect(s.files).toEqual({ found: 2, read: 2, skipped: 0 });
    expect(s.counts).toEqual({ none: 1, 'not-verified': 1 });
    const [min, ran] = s.pcs;
    expect(min).toMatchObject({ hostname: 'PC-MIN', outcome: null, errorCode: null, serverSerial: null, agentSerialAfter: null, platform: null, toolVersion: null, reports: 1 });
    expect(ran).toMatchObject({ hostname: 'PC-RAN', outcome: 'not-verified', errorCode: null, serverSerial: null, agentSerialAfter: null, platform: null });
  });

  it('JSON that is not an object, and an apex-cert-fix document with the wrong types, are skipped naming what is wrong', async () => {
    const dir = await temp();
    const put = (name: string, content: unknown) => writeFile(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
    await put('null.json', 'null');
    await put('string.json', '"apex-cert-fix"');
    await put('number.json', '42');
    await put('tool-null.json', { tool: null, schemaVersion: 1 });
    const base = fakeReport({ hostname: 'PC-X', createdAt: at(9), outcome: 'fixed' });
    await put('version-text.json', { ...base, schemaVersion: 'one' });
    await put('no-mode.json', { ...base, mode: undefined });
    await put('blank-host.json', { ...base, computer: { hostname: '   ' } });
    await put('inspect.json', { ...base, mode: 'inspect' });
    const s = await summarizeReports([dir], { now: NOW });
    const reasons = Object.fromEntries(s.skipped.map((f) => [path.basename(f.file), [f.reason, f.detail]]));
    expect(reasons).toEqual({
      'null.json': ['foreign', null],
      'string.json': ['foreign', null],
      'number.json': ['foreign', null],
      'tool-null.json': ['foreign', null],
      'version-text.json': ['invalid', 'schemaVersion'],
      'no-mode.json': ['invalid', 'mode'],
      'blank-host.json': ['invalid', 'computer.hostname'],
      'inspect.json': ['not-a-repair', 'inspect'],
    });
    expect(s.pcs).toEqual([]);
  });
});

describe('agents lists in the less common shapes', () => {
  async function fleet() {
    const dir = await temp();
    await writeFakeReport(dir, { hostname: 'WS-001', createdAt: at(9), outcome: 'fixed' });
    await writeFakeReport(dir, { hostname: 'WS-002', createdAt: at(9), outcome: 'failed' });
    return dir;
  }

  it('a bare JSON array of agents, with empty and null cells: hosts found by their values, blanks dropped', async () => {
    const dir = await fleet();
    const list = path.join(await temp(), 'agents.json');
    await writeFile(list, JSON.stringify([{ Name: 'WS-001', IP: '10.0.0.1' }, { Name: 'WS-002', IP: null }, { Name: 'WS-003', IP: '10.0.0.3' }]));
    const s = await summarizeReports([dir], { agentsList: list, now: NOW });
    expect(s.agents).toMatchObject({ total: 3, repaired: 1, targets: ['WS-002', 'WS-003'], expectedSerial: null });
  });

  it('a header-only list with a host column: no agent left to repair', async () => {
    const s = await summarizeReports([await fleet()], { agentsList: path.join(AGENTS, 'empty-header-only.csv'), now: NOW });
    expect(s.agents).toMatchObject({ hostColumn: 'Host Name', total: 0, repaired: 0, targets: [] });
  });

  it('a header-only list without a host column, an unparseable JSON list and a list over 64 MB are refused as lists, naming the file', async () => {
    const dir = await fleet();
    const lists = await temp();
    const headers = path.join(lists, 'headers.csv');
    await writeFile(headers, 'IP Address,Domain\r\n');
    await expect(summarizeReports([dir], { agentsList: headers })).rejects.toMatchObject({ details: { code: 'list-no-host', path: headers, headers: ['IP Address', 'Domain'] } });
    const broken = path.join(lists, 'broken.json');
    await writeFile(broken, '{"agents": [');
    await expect(summarizeReports([dir], { agentsList: broken })).rejects.toMatchObject({ details: { code: 'list-invalid', path: broken, problem: 'not valid JSON' } });
    const huge = path.join(lists, 'huge.csv');
    await writeFile(huge, 'Host Name\r\nWS-001\r\n');
    await truncate(huge, 64 * 1024 * 1024 + 1);
    await expect(summarizeReports([dir], { agentsList: huge })).rejects.toMatchObject({ details: { code: 'list-invalid', path: huge, problem: `${64 * 1024 * 1024 + 1} bytes` } });
  });

  it('a list given as a folder is refused as unreadable before any report is read', async () => {
    const dir = await fleet();
    const folder = path.join(await temp(), 'list.csv');
    await mkdir(folder);
    await expect(summarizeReports([dir], { agentsList: folder })).rejects.toMatchObject({ details: { code: 'list-unreadable', reason: 'EISDIR' } });
  });
});
