/**
 * CLI host `apex-cert-fix`: the same repair session as the wizard, for unattended runs and scripts.
 * Exit codes (README): 0 fixed/ready · 1 failed · 2 bad input · 3 environment · 4 timeout/cancel ·
 * 5 not verified · 6 done, but the report could not be saved · 7 done, but the central copy
 * (--report-copy) failed. With --json, stdout carries exactly one JSON document; people read stderr.
 */
import { parseCli, langFrom } from './args.js';
import { HELP } from './help.js';
import { CliPrinter } from './printer.js';
import { FixError } from '../../core/errors.js';
import { SessionContext } from '../../core/session/context.js';
import { KitService } from '../../core/session/kit-service.js';
import { RepairSession } from '../../core/session/repair-session.js';
import { MismatchedAgentsService } from '../../core/session/mismatched-agents-service.js';
import { messages } from '../../core/messages.js';
import { EXIT_CODE } from '../../core/outcome.js';
import { choosePlatform } from '../../platform/choose-platform.js';
import { WindowsPlatform } from '../../platform/windows.js';
import { readFirstLine } from '../../base/read-first-line.js';
import { forTerminal } from '../../base/terminal-text.js';
import { refuse } from './refuse.js';
import { mismatchedAgentsCommand } from './command-mismatched-agents.js';
import { inspectCommand } from './command-inspect.js';
import { fixCommand } from './command-fix.js';
import { kitCommand } from './command-kit.js';
import { publisherCommand } from './command-publisher.js';
import { packageVersion as version } from '../../base/package-root.js';
import { summarizeCommand } from './command-summarize.js';
import { readPasswordFile } from './password-file.js';
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
  const check = new MismatchedAgentsService(context);
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
  const run = { args, session, printer, say: human };
  try {
    if (args.command === 'mismatched-agents') return await mismatchedAgentsCommand(run, check);
    if (args.command === 'kit') return await kitCommand(run, kit);
    if (args.command === 'inspect') return await inspectCommand(run);
    return await fixCommand(run, password);
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    printer.close();
    await session.dispose();
  }
}
