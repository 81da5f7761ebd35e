/**
 * `fix --report-copy DIR`: the report (JSON + text) also goes to a central folder, usually a share
 * that many PCs write to at once. A name is reserved by creating the `.txt` exclusively (`wx`), so
 * two PCs never write over each other even with the same host name in the same second; the JSON is
 * written to a temporary name and renamed, so a reader sees it whole or not at all. A failure is
 * never fatal: it is recorded in the local report (`reportCopy.error`) and the CLI exits 7.
 */
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Report } from '../report.js';
import { reportText } from '../report-text.js';
import { writeReportPair } from '../report-files.js';
export { reportBaseName } from '../report-files.js';
import { messages, type Lang } from '../messages.js';

/** Exit code of a run whose result is 0 but whose central copy failed (README, docs/fleet). */
export const REPORT_COPY_FAILED_EXIT = 7;

export interface ReportCopy {
  dir: string;
  json: string | null;
  text: string | null;
  error: { code: string; message: string } | null;
}

/** A report with where its central copy went (an additive field of schemaVersion 1). */
export type CopiedReport = Report & { reportCopy?: ReportCopy };

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

/** Where the central copy is, or why it is missing: one line, as the report and the CLI say it. */
export function copyLine(copy: ReportCopy, lang: Lang): string {
  return copy.error ? copy.error.message : `${messages(lang).fleet.copy.saved}: ${copy.json}`;
}

/**
 * A run's exit code once its central copy is known: a result of 0 becomes 7 when the copy failed;
 * any other code stays (it says more than a missing copy does).
 */
export function exitAfterCopy(exitCode: number, copy: ReportCopy): number {
  return copy.error && exitCode === 0 ? REPORT_COPY_FAILED_EXIT : exitCode;
}

/** The readable report with a line saying where the central copy is, or why it is missing. */
export function textWithCopy(report: CopiedReport): string {
  const line = report.reportCopy ? copyLine(report.reportCopy, report.lang) : '';
  return '\ufeff' + reportText(report) + (line ? `\r\n${line}\r\n` : '');
}

/** Writes `report` (with its `reportCopy` filled in) into `dir`. Never throws. */
export async function copyReport(report: Report, dir: string, lang: Lang, localSaved = true): Promise<ReportCopy> {
  const fail = (code: string): ReportCopy => ({ dir, json: null, text: null, error: { code, message: messages(lang).fleet.copy.failed(dir, code, localSaved) } });
  try {
    // The central folder is made by whoever runs the fleet: a typo must not create folders.
    if (!(await stat(dir)).isDirectory()) return fail('ENOTDIR');
  } catch (e) {
    return fail(errno(e));
  }
  try {
    let copy: ReportCopy | null = null;
    await writeReportPair(dir, report, (paths) => {
      copy = { dir, ...paths, error: null };
      const doc: CopiedReport = { ...report, reportCopy: copy };
      return { text: textWithCopy(doc), json: JSON.stringify(doc, null, 2) + '\n' };
    });
    return copy!;
  } catch (e) {
    return fail(errno(e));
  }
}

/** Rewrites the local report (already written by the session) so it says where its copy went. */
export async function recordCopyLocally(local: { json: string; text: string }, report: CopiedReport): Promise<void> {
  for (const [file, content] of [
    [local.text, textWithCopy(report)],
    [local.json, JSON.stringify(report, null, 2) + '\n'],
  ] as const) {
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await writeFile(temp, content, { flag: 'wx' });
      await rename(temp, file);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  }
}

/**
 * The whole `--report-copy`: `report` (the document as saved on this PC, so both copies say the
 * same; or, when none was saved, the one made now) into `dir`, then the local report (`local`)
 * rewritten to say where its copy went. Never throws: without the rewrite the local report still
 * holds the result, only not the copy's fate.
 */
export async function copyToCentral(local: { json: string; text: string } | null, report: Report, dir: string, lang: Lang): Promise<Report & { reportCopy: ReportCopy }> {
  // No local report (it could not be saved, or the run stopped before one): the message must not point at it.
  const doc = { ...report, reportCopy: await copyReport(report, dir, lang, local !== null) };
  if (local) await recordCopyLocally(local, doc).catch(() => undefined);
  return doc;
}
