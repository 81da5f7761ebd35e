/**
 * Where a report lands and under which name, on real folders: names a file system takes from any
 * host name, a folder made when missing, a failure that leaves no half report behind, and a
 * folder so full of one PC's reports in one second that no name is left (said, not looped forever).
 */
import { describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../../electron/core/report.js';
import { reportBaseName, writeReport, writeReportPair } from '../../electron/core/report-files.js';
import { fakeReport } from '../fixtures/fleet-reports.js';
import { tempDirs } from '../fixtures/temp-dirs.js';

const temp = tempDirs('acf-rnames-');
const createdAt = new Date(2026, 2, 2, 9, 15, 30);
const report = (hostname: string | null) => ({ ...(fakeReport({ hostname: hostname ?? 'X', createdAt, outcome: 'fixed' }) as unknown as Report), ...(hostname === null ? { computer: null } : {}) });

describe('report names', () => {
  it('a host name with characters a file name cannot safely hold becomes underscores; no host at all is "unknown"', () => {
    expect(reportBaseName(report('PC-経理 01'))).toBe('PC-___01_20260302-091530');
    expect(reportBaseName(report('ws/../../evil'))).toBe('ws_.._.._evil_20260302-091530');
    expect(reportBaseName(report(null))).toBe('unknown_20260302-091530');
    expect(reportBaseName(report('PC-1'), 3)).toBe('PC-1_20260302-091530-3');
  });

  it('the reports folder is made when missing, and the pair is written: text with a BOM, the JSON whole', async () => {
    const dir = path.join(await temp(), 'deep', 'reports');
    const paths = await writeReport(report('PC-1'), dir);
    expect(paths).toEqual({ json: path.join(dir, 'PC-1_20260302-091530.json'), text: path.join(dir, 'PC-1_20260302-091530.txt') });
    expect((await readFile(paths.text, 'utf8')).startsWith('\ufeff')).toBe(true);
    expect(JSON.parse(await readFile(paths.json, 'utf8')).computer.hostname).toBe('PC-1');
  });

  it('a failure while writing leaves no reservation and no half report', async () => {
    const dir = await temp();
    await expect(
      writeReportPair(dir, report('PC-1'), () => {
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      }),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readdir(dir)).toEqual([]);
    // The name is free again for the next try.
    expect((await writeReport(report('PC-1'), dir)).json).toBe(path.join(dir, 'PC-1_20260302-091530.json'));
  });

  it('a folder that is not there (and is not to be made, as a central share) is the OS error', async () => {
    const dir = path.join(await temp(), 'missing');
    await expect(writeReportPair(dir, report('PC-1'), () => ({ text: 't', json: '{}' }))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('every name of that second taken: "no free report name" (EEXIST), after trying them all, nothing overwritten', async () => {
    const dir = await temp();
    const base = reportBaseName(report('PC-FULL'));
    await writeFile(path.join(dir, `${base}.txt`), 'kept');
    await Promise.all(Array.from({ length: 9_999 }, (_, i) => writeFile(path.join(dir, `${base}-${i + 2}.txt`), '')));
    await expect(writeReport(report('PC-FULL'), dir)).rejects.toMatchObject({ code: 'EEXIST', message: 'no free report name' });
    expect(await readFile(path.join(dir, `${base}.txt`), 'utf8')).toBe('kept');
    expect((await readdir(dir)).filter((n) => n.endsWith('.json'))).toEqual([]);
  }, 90_000);
});
