/**
 * Writing a report: JSON + text (UTF-8 with BOM, CRLF) under `<hostname>_<yyyyMMdd-HHmmss>[-n]`, in
 * the local reports folder or a central share. The name is reserved by creating the `.txt`
 * exclusively, so parallel runs (or PCs) in the same second never overwrite each other (six
 * parallel `fix` runs once kept five reports); a name whose `.json` exists without its text is
 * skipped too. Each file is written to a temporary name and renamed: the JSON appearing is the sign
 * that the report is complete, and a failure removes the reservation.
 */
import { lstat, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compactTimestamp } from '../base/timestamp.js';
import type { Report } from './report.js';
import { reportText } from './report-text.js';
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

const exists = (file: string) => lstat(file).then(() => true, () => false);

/** The same names everywhere a report is written: `<hostname>_<yyyyMMdd-HHmmss>` then `-2`, `-3`... */
export function reportBaseName(report: Report, n = 1): string {
  const host = (report.computer?.hostname ?? 'unknown').replace(/[^A-Za-z0-9._-]/g, '_');
  const base = `${host}_${compactTimestamp(new Date(report.createdAt))}`;
  return n === 1 ? base : `${base}-${n}`;
}

/**
 * Reserves the first free name in `dir` and writes the pair; `content` receives the paths (a
 * central copy names itself in its own text). Throws the OS error when it cannot write.
 */
export async function writeReportPair(dir: string, report: Report, content: (paths: ReportPaths) => { text: string; json: string }): Promise<ReportPaths> {
  for (let n = 1; n <= 10_000; n++) {
    const base = path.join(dir, reportBaseName(report, n));
    const paths = { json: `${base}.json`, text: `${base}.txt` };
    try {
      await (await open(paths.text, 'wx')).close();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    try {
      if (await exists(paths.json)) {
        await rm(paths.text, { force: true });
        continue;
      }
      const { text, json } = content(paths);
      await writeAtomically(paths.text, text);
      await writeAtomically(paths.json, json);
      return paths;
    } catch (e) {
      // Half a report is worse than none: the reservation goes too.
      await rm(paths.text, { force: true });
      throw e;
    }
  }
  throw Object.assign(new Error('no free report name'), { code: 'EEXIST' });
}

/** The local report of a session; the reports folder is made when missing. */
export async function writeReport(report: Report, dir: string): Promise<ReportPaths> {
  await mkdir(dir, { recursive: true });
  return writeReportPair(dir, report, () => ({ text: '\ufeff' + reportText(report), json: JSON.stringify(report, null, 2) + '\n' }));
}
