/**
 * Writing a report: JSON + text (UTF-8 with BOM, CRLF) under `<hostname>_<yyyyMMdd-HHmmss>`. The name
 * is reserved by an exclusive create, so parallel runs in the same second never overwrite each other
 * (six parallel `fix` runs once kept five reports). Each file is written to a temporary name and
 * renamed: the JSON appearing is the sign that the report is complete.
 */
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compactTimestamp } from '../base/timestamp.js';
import { reportText, type Report } from './report.js';
import type { ReportPaths } from './session/state.js';

async function writeAtomically(file: string, content: string): Promise<void> {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** Creates `<base>.txt` exclusively (empty) for the first free base name: the name is ours alone. */
async function reserveName(dir: string, host: string, stamp: string): Promise<string> {
  for (let n = 1; n < 10_000; n++) {
    const base = n === 1 ? `${host}_${stamp}` : `${host}_${stamp}-${n}`;
    try {
      await (await open(path.join(dir, `${base}.txt`), 'wx')).close();
      return base;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw Object.assign(new Error('no free report name'), { code: 'EEXIST' });
}

export async function writeReport(report: Report, dir: string): Promise<ReportPaths> {
  await mkdir(dir, { recursive: true });
  const host = (report.computer?.hostname ?? 'unknown').replace(/[^A-Za-z0-9._-]/g, '_');
  const base = await reserveName(dir, host, compactTimestamp(new Date(report.createdAt)));
  const paths = { json: path.join(dir, `${base}.json`), text: path.join(dir, `${base}.txt`) };
  try {
    await writeAtomically(paths.text, '\ufeff' + reportText(report));
    await writeAtomically(paths.json, JSON.stringify(report, null, 2) + '\n');
  } catch (e) {
    // Half a report is worse than none: the reservation goes too.
    await rm(paths.text, { force: true });
    throw e;
  }
  return paths;
}
