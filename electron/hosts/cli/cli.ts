/**
 * CLI host `apex-cert-fix`: the same FixSession as the wizard, for unattended runs and scripts.
 * Exit codes (README): 0 fixed/ready · 1 failed · 2 bad input · 3 environment · 4 timeout/cancel ·
 * 5 not verified. With --json, stdout carries exactly one JSON document; people read stderr.
 */
import { parseCli, langFrom, type Parsed } from './args.js';
import { HELP } from './help.js';
import { CliPrinter } from './printer.js';
import { FixError } from '../../core/errors.js';
import { FixSession } from '../../core/fix-session.js';
import { messages } from '../../core/messages.js';
import { EXIT_CODE, outcomeOf } from '../../core/outcome.js';
import { choosePlatform } from '../../platform/choose-platform.js';
import { WindowsPlatform } from '../../platform/windows.js';
import { readFirstLine } from '../../base/read-first-line.js';
import { refuse } from './refuse.js';
import { agentsCommand } from './command-agents.js';
import { publisherCommand } from './command-publisher.js';
import { packageVersion as version } from '../../base/package-root.js';

export async function main(argv: readonly string[]): Promise<number> {
  const wantsJson = argv.includes('--json');
  let lang = langFrom(argv);
  const human = (text: string) => (wantsJson ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : text + '\n');

  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli(argv, lang);
  } catch (e) {
    if (e instanceof FixError) {
      if (e.code === 'option-invalid' && !wantsJson) process.stderr.write(`${messages(lang).error(e.details)}\n\n${HELP[lang]}`);
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

  const platform = choosePlatform(args.simulate);
  if (!platform.ok) return refuse(platform.error, lang, wantsJson);

  // Read the password before anything is copied: a script that forgot to pipe one fails early.
  let password: string | null = null;
  if (args.command === 'fix' && args.passwordStdin) password = await readFirstLine(process.stdin);

  const session = new FixSession({
    platform: platform.platform,
    lang,
    workBase: args.workDir,
    reportsDir: args.reportsDir,
    timeoutMs: args.timeoutMs,
    archOverride: args.arch,
    version: version(),
    settleMs: platform.platform.kind === 'simulated' ? 0 : undefined,
  });
  const printer = new CliPrinter(session, human, lang);
  const stopOnSignal = () => session.cancel();
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);
  try {
    if (args.command === 'agents') return await agentsCommand(session, args, printer);
    if (args.command === 'kit') {
      await session.makeKit(args.source, args.out!, args.serverBuild);
      printer.kit();
      return finishCli(session, args, printer, null);
    }
    await session.detect();
    printer.environment();
    // Environment problems stop a fix before the share is even read.
    const blocker = session.state.blockers[0];
    if (args.command === 'fix' && blocker) return finishCli(session, args, printer, new FixError(blocker.details));
    await session.setSource(args.source, args.serverBuild);
    printer.source();
    if (session.state.error) return finishCli(session, args, printer, null);
    if (args.command === 'inspect') return finishCli(session, args, printer, blocker ? new FixError(blocker.details) : null);
    if (!(await session.collect())) return finishCli(session, args, printer, null);
    printer.collected();
    await session.run(password, args.allowUnverifiedPublisher);
    password = null;
    // Refused before running: nothing of this attempt stays on the PC.
    const refused = session.state.publisher?.allTrusted === false && !args.allowUnverifiedPublisher;
    if (refused) await session.discardCollection();
    return finishCli(session, args, printer, null);
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    printer.close();
  }
}

function finishCli(session: FixSession, args: Parsed, printer: CliPrinter, blocker: FixError | null): number {
  const report = session.report(args.command as Exclude<Parsed['command'], 'agents' | 'publisher'>);
  if (blocker) {
    report.outcome = outcomeOf(blocker.category);
    report.error = { code: blocker.code, message: messages(args.lang).error(blocker.details) };
  }
  printer.result(report);
  if (args.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  return EXIT_CODE[report.outcome ?? 'failed'];
}
