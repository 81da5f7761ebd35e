/**
 * What a finished repair leaves behind: its working folder (removed after a fix, kept otherwise for
 * diagnosis and a retry) and its report (a report that cannot be saved is said, never silent).
 */
import { rm } from 'node:fs/promises';
import type { Outcome } from '../outcome.js';
import type { Report } from '../report.js';
import { writeReport } from '../report-files.js';
import type { RepairState } from './state.js';

export async function settleWorkDir(workDir: string | null, outcome: Outcome): Promise<RepairState['workDirAfter']> {
  if (!workDir) return null;
  if (outcome !== 'fixed') return { path: workDir, removed: false };
  await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
  return { path: workDir, removed: true };
}

export async function saveReport(report: Report, folder: string): Promise<Pick<RepairState, 'report' | 'reportError'>> {
  try {
    return { report: await writeReport(report, folder), reportError: null };
  } catch (e) {
    return { report: null, reportError: { folder, reason: (e as NodeJS.ErrnoException).code ?? String(e) } };
  }
}
