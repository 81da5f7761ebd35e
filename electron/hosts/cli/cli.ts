/**
 * CLI host `apex-cert-fix`: the same repair session as the wizard, for unattended runs and scripts.
 * Exit codes (README): 0 fixed/ready · 1 failed · 2 bad input · 3 environment · 4 timeout/cancel ·
 * 5 not verified · 6 done, but the report could not be saved · 7 done, but the central copy
 * (--report-copy) failed. With --json, stdout carries exactly one JSON document; people read stderr.
 */
import { parseCli, langFrom, type Parsed } from './args.js';
import { HELP } from './help.js';
import { CliPrinter } from './printer.js';
import { FixError } from '../../core/errors.js';
import { SessionContext } from '../../core/session/context.js';
import { KitService } from '../../core/session/kit-service.js';
import { RepairSession } from '../../core/session/repair-session.js';
import { ServerCheckService } from '../../core/session/server-check.js';
import type { Report } from '../../core/report.js';
import { messages } from '../../core/messages.js';
import { EXIT_CODE, EXIT_REPORT_NOT_SAVED } from '../../core/outcome.js';
import { choosePlatform } from '../../platform/choose-platform.js';
import { WindowsPlatform } from '../../platform/windows.js';
import { readFirstLine } from '../../base/read-first-line.js';
import { forTerminal } from '../../base/terminal-text.js';
import { refuse } from './refuse.js';
import { agentsCommand } from './command-agents.js';
import { publisherCommand } from './command-publisher.js';
import { packageVersion as version } from '../../base/package-root.js';
import { summarizeCommand } from './command-summarize.js';
import { readPasswordFile } from './password-file.js';
import { copyLine, exitAfterCopy } from '../../core/fleet/report-copy.js';
import { isDemoTemplate } from '../../simulation/demo.js';

export async function main(argv: readonly string[]): Promise<number> {
  const wantsJson = argv.includes('--json');
  let lang = langFrom(argv);
  // Everything said to a person goes through forTerminal: no raw ESC, BEL or CR from a host name,
  // an error text or IpXfer's output reaches the terminal (base/terminal-text.ts).
  const human = (text: string) => (wantsJson ? process.stderr : process.stdout).write(forTerminal(text.endsWith('\n') ? text : text + '\n'));

  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli(argv, lang);
  } catch (e) {
    if (e instanceof FixError) {
      if (e.code === 'option-invalid' && !wantsJson) process.stderr.write(forTerminal(`${messages(lang).error(e.details)}\n\n${HELP[lang]}`));
      return e.code === 'option-invalid' && !wantsJson ? 2 : refuse(e.details, lang, wantsJson);
    }
    throw e;
  }
  if (args === 'help') {
    process.stdout.write(HELP[lang]);
    return 0;
  }
  if (args === 'version') {
    process.stdout.write(version() + '\n');
    return 0;
  }
  lang = args.lang;

  // Checking a file's signature needs no PC facts: it works on any OS (the OS verdict on Windows).
  if (args.command === 'publisher') return publisherCommand(args, human, process.platform === 'win32' ? new WindowsPlatform() : null);
  // Reading reports needs no PC facts either.
  if (args.command === 'summarize') return summarizeCommand(args, human);

  // The training template as typed: its folders exist only in a world made from it; say how to make one.
  if (args.simulate !== undefined && isDemoTemplate(args.simulate)) return refuse({ code: 'profile-invalid', file: args.simulate, problem: messages(lang).demoTemplate() }, lang, wantsJson);
  const platform = choosePlatform(args.simulate);
  if (!platform.ok) return refuse(platform.error, lang, wantsJson);

  // Read the password before anything is copied: a script that forgot to pipe one fails early.
  let password: string | null = null;
  if (args.command === 'fix' && args.passwordStdin) {
    password = await readFirstLine(process.stdin);
    // An empty pipe is a script's mistake (a variable that was never set), not "no password":
    // that is said by leaving the option out. Refused like an empty password file.
    if (password === '') {
      const m = messages(lang).fleet.passwordFile;
      return refuse({ code: 'option-invalid', option: '--password-stdin', value: '', expected: `${m.stdinExpected}: ${m.stdinEmpty}` }, lang, wantsJson, 'fix');
    }
  }
  if (args.command === 'fix' && args.passwordFile) {
    const read = await readPasswordFile(args.passwordFile, lang);
    if (!read.ok) return refuse(read.error, lang, wantsJson, 'fix');
    password = read.password;
  }

  const context = new SessionContext({
    platform: platform.platform,
    lang,
    workBase: args.workDir,
    reportsDir: args.reportsDir,
    timeoutMs: args.timeoutMs,
    archOverride: args.arch,
    version: version(),
    settleMs: args.settleMs ?? (platform.platform.kind === 'simulated' ? 0 : undefined),
  });
  const session = new RepairSession(context);
  const printer = new CliPrinter(session, human, lang);
  const kit = new KitService(context);
  const check = new ServerCheckService(context);
  // Ctrl+C stops whatever step is running (it ends as `cancelled`); a second one ends at once.
  let signals = 0;
  const stopOnSignal = () => {
    if (++signals > 1) process.exit(EXIT_CODE.cancelled);
    session.cancel();
    kit.cancel();
    check.cancel();
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);
  try {
    if (args.command === 'agents') return await agentsCommand(session, args, printer, check);
    if (args.command === 'kit') {
      await session.detect();
      await kit.make(args.source, args.out!, args.serverBuild);
      printer.kit(kit.state);
      return finishCli(kit.report(session.state), args, printer, null, human);
    }
    const mode = args.command;
    const done = () => finishCli(session.report(mode), args, printer, session, human);
    if (!(await session.detect())) return done();
    printer.environment();
    // Environment problems stop a fix before the share is even read.
    if (mode === 'fix' && !session.checkReady()) return done();
    if (!(await session.setSource(args.source, args.serverBuild, { allowOtherServer: args.allowOtherServer }))) return done();
    printer.source();
    if (mode === 'inspect') {
      session.checkReady();
      return done();
    }
    if (!(await session.collect(args.force))) return done();
    if (session.state.outcome === 'already-fixed') return done();
    printer.collected();
    await session.run(password, { allowUnverifiedPublisher: args.allowUnverifiedPublisher });
    password = null;
    // Copies that never ran (refused publisher, changed copies, a cancel before IpXfer) do not stay.
    await session.leave();
    return done();
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    printer.close();
    session.dispose();
  }
}

/** Prints the result and, with --json, the report; the exit code says how it ended (README). */
async function finishCli(report: Report, args: Parsed, printer: CliPrinter, session: RepairSession | null, say: (text: string) => void): Promise<number> {
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
