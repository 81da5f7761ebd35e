/**
 * `fix --report-copy DIR` in the CLI: after the session wrote the local report, the same document
 * goes to the central folder, and the local report is rewritten to say where its copy went (or
 * why there is none). Runs stopped before anything was copied (PC not ready, share not found)
 * write no local report, but their central copy is still written: the fleet view then says why
 * that PC was not repaired. Exit: a result of 0 becomes 7 when the copy failed; any other code
 * stays (it says more than a missing copy does).
 */
import { readFile } from 'node:fs/promises';
import type { RepairSession } from '../../core/session/repair-session.js';
import type { Lang } from '../../core/messages.js';
import type { Report } from '../../core/report.js';
import { copyReport, recordCopyLocally, REPORT_COPY_FAILED_EXIT, type CopiedReport } from '../../core/fleet/report-copy.js';
import { fleetMessages } from '../../core/fleet/fleet-messages.js';

export async function copyToCentral(session: RepairSession, report: Report, dir: string, lang: Lang, exitCode: number, say: (text: string) => void): Promise<{ report: CopiedReport; exitCode: number }> {
  const local = session.state.report;
  // The document exactly as saved on this PC, so both copies have the same name and content.
  let base: Report = report;
  if (local) base = await readFile(local.json, 'utf8').then((t) => JSON.parse(t) as Report, () => report);
  const copy = await copyReport(base, dir, lang);
  const doc: CopiedReport = { ...base, reportCopy: copy };
  // Best effort: without this rewrite the local report still holds the result, only not the copy's fate.
  if (local) await recordCopyLocally(local, doc).catch(() => undefined);
  say(copy.error ? copy.error.message : `${fleetMessages(lang).copy.saved}: ${copy.json}`);
  return { report: doc, exitCode: copy.error && exitCode === 0 ? REPORT_COPY_FAILED_EXIT : exitCode };
}
