/**
 * `fix --report-copy DIR` in the CLI: the session copies its report to the central folder (and
 * records where locally); this says so and maps the exit code. Runs stopped before anything was
 * copied write no local report, but their central copy is still written: the fleet view then says
 * why that PC was not repaired. Exit: a result of 0 becomes 7 when the copy failed; any other code
 * stays (it says more than a missing copy does).
 */
import type { RepairSession } from '../../core/session/repair-session.js';
import type { Lang } from '../../core/messages.js';
import { REPORT_COPY_FAILED_EXIT, type CopiedReport } from '../../core/fleet/report-copy.js';
import { fleetMessages } from '../../core/fleet/fleet-messages.js';

export async function copyToCentral(session: RepairSession, dir: string, lang: Lang, exitCode: number, say: (text: string) => void): Promise<{ report: CopiedReport; exitCode: number }> {
  const doc = await session.copyReport(dir);
  const copy = doc.reportCopy!;
  say(copy.error ? copy.error.message : `${fleetMessages(lang).copy.saved}: ${copy.json}`);
  return { report: doc, exitCode: copy.error && exitCode === 0 ? REPORT_COPY_FAILED_EXIT : exitCode };
}
