/**
 * How a CLI command that made a report ends: the result printed, the report copied centrally
 * (`fix --report-copy`), the JSON document on stdout, and the exit code (README).
 */
import type { Parsed } from './args.js';
import type { CliPrinter } from './printer.js';
import type { Report } from '../../core/report.js';
import type { RepairSession } from '../../core/session/repair-session.js';
import { EXIT_CODE, EXIT_REPORT_NOT_SAVED } from '../../core/outcome.js';
import { copyLine, exitAfterCopy } from '../../core/fleet/report-copy.js';

/** What every command that drives a session is given. */
export interface CliRun {
  args: Parsed;
  session: RepairSession;
  printer: CliPrinter;
  /** Words for a person (stdout, or stderr with --json), made safe for the terminal. */
  say: (text: string) => void;
}

/** Prints the result and, with --json, the report; the exit code says how it ended (README). */
export async function finishCli(report: Report, run: CliRun, session: RepairSession | null): Promise<number> {
  const { args, printer, say } = run;
  printer.result(report);
  let code = EXIT_CODE[report.outcome ?? 'failed'];
  // A success whose report could not be saved must not look like a plain success to a script.
  if (code === 0 && report.reportError) code = EXIT_REPORT_NOT_SAVED;
  if (args.command === 'fix' && args.reportCopy && session) {
    // `fix --report-copy DIR`: also written for a run stopped before anything was copied (it has no
    // local report), so that the fleet view says why that PC was not repaired.
    const copied = await session.copyReport(args.reportCopy);
    say(copyLine(copied.reportCopy, args.lang));
    report = copied;
    code = exitAfterCopy(code, copied.reportCopy);
  }
  if (args.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  return code;
}
