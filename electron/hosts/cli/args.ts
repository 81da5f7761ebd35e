/**
 * The CLI's options, described once (OPTIONS: also the help, whose words are messages' `cli.option`)
 * and checked one by one so every mistake is named in the user's language (a wrong value exits 2
 * before anything is read or copied). `node:util` parseArgs reads them (base/options.ts), as it does
 * for the other hosts.
 */
import { FixError } from '../../core/errors.js';
import { messages, type Messages } from '../../core/messages.js';
import { chosenLang, isLang, LANGS, type Lang } from '../../core/lang.js';
import type { Arch } from '../../platform/platform.js';
import { readOptions, type OptionTable } from '../../base/options.js';

/**
 * The commands. `mismatched-agents` lists, on the Apex One server, the agents whose certificate
 * does not match (Trend Micro's MismatchedAgentList.csv); `agents`, its former name, still works.
 */
export const COMMANDS = ['inspect', 'fix', 'kit', 'mismatched-agents', 'publisher', 'summarize'] as const;
export type Command = (typeof COMMANDS)[number];
/** Other names a command answers to. */
export const ALIASES: Record<string, Command> = { agents: 'mismatched-agents' };

const SOURCE = ['inspect', 'fix', 'kit'] as const;

/** An option's line in the help, in every language: the `cli.option` section of the message tables. */
function words(option: keyof Messages['cli']['option']): Record<Lang, string> {
  return Object.fromEntries(LANGS.map((lang) => [lang, messages(lang).cli.option[option]])) as Record<Lang, string>;
}

/** Every option of the CLI, once: its type, its commands and its words (the help, from the message tables). */
export const OPTIONS = {
  source: { type: 'string', value: 'S', usedBy: SOURCE, help: words('source') },
  arch: { type: 'string', value: 'x86|x64|arm64', usedBy: ['inspect', 'fix'], help: words('arch') },
  'server-build': { type: 'string', value: 'N', usedBy: SOURCE, help: words('server-build') },
  'work-dir': { type: 'string', value: 'DIR', usedBy: ['inspect', 'fix', 'mismatched-agents'], help: words('work-dir') },
  'reports-dir': { type: 'string', value: 'DIR', usedBy: ['inspect', 'fix'], help: words('reports-dir') },
  'password-stdin': { type: 'boolean', usedBy: ['fix'], help: words('password-stdin') },
  'password-file': { type: 'string', value: 'PATH', usedBy: ['fix'], help: words('password-file') },
  'report-copy': { type: 'string', value: 'DIR', usedBy: ['fix'], help: words('report-copy') },
  'allow-unverified-publisher': { type: 'boolean', usedBy: ['inspect', 'fix'], help: words('allow-unverified-publisher') },
  'allow-other-server': { type: 'boolean', usedBy: ['inspect', 'fix'], help: words('allow-other-server') },
  force: { type: 'boolean', usedBy: ['fix'], help: words('force') },
  timeout: { type: 'string', value: 'SECONDS', usedBy: ['fix', 'mismatched-agents'], help: words('timeout') },
  settle: { type: 'string', value: 'SECONDS', usedBy: ['fix'], help: words('settle') },
  out: { type: 'string', value: 'DIR|FILE', usedBy: ['kit', 'mismatched-agents'], help: words('out') },
  'server-dir': { type: 'string', value: 'DIR', usedBy: ['mismatched-agents'], help: words('server-dir') },
  csv: { type: 'string', value: 'FILE', usedBy: ['summarize'], help: words('csv') },
  agents: { type: 'string', value: 'LIST.csv', usedBy: ['summarize'], help: words('agents') },
  'targets-out': { type: 'string', value: 'FILE', usedBy: ['summarize'], help: words('targets-out') },
  simulate: { type: 'string', value: 'PROFILE.json', usedBy: ['inspect', 'fix', 'kit', 'mismatched-agents'], help: words('simulate') },
  json: { type: 'boolean', help: words('json') },
  lang: { type: 'string', value: 'ja|en', help: words('lang') },
  help: { type: 'boolean', short: 'h', help: words('help') },
  version: { type: 'boolean', help: words('version') },
} satisfies OptionTable<Command>;

/** The language is needed before the options are understood, to word their errors. */
export function langFrom(argv: readonly string[]): Lang {
  // The last --lang wins, as it does for every option.
  const i = argv.findLastIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return chosenLang(value);
}

export interface Parsed {
  command: Command;
  source: string;
  serverDir?: string;
  arch: Arch | null;
  serverBuild: number | null;
  workDir?: string;
  out?: string;
  reportsDir?: string;
  passwordStdin: boolean;
  /** `fix --password-file`: the file whose first line is the unload password (docs/fleet.md). */
  passwordFile?: string;
  /** `fix --report-copy`: the central folder that also gets the report. */
  reportCopy?: string;
  allowUnverifiedPublisher: boolean;
  /** Use files from another server than the agent's registered one (recorded in the report). */
  allowOtherServer: boolean;
  /** `publisher FILE...`: the files to check; `summarize DIR...`: the report folders. */
  files: string[];
  /** `summarize`: the table as CSV, the agents list to join, the host list to write. */
  csv?: string;
  agents?: string;
  targetsOut?: string;
  timeoutMs: number;
  /** How long to keep re-reading the agent after IpXfer; undefined: the platform's default. */
  settleMs?: number;
  /** Run IpXfer although the agent already holds the server's certificate. */
  force: boolean;
  simulate?: string;
  json: boolean;
  lang: Lang;
}

function publisherDefaults(lang: Lang): Parsed {
  return { command: 'publisher', source: '', arch: null, serverBuild: null, passwordStdin: false, allowUnverifiedPublisher: false, allowOtherServer: false, files: [], timeoutMs: 300_000, force: false, json: false, lang };
}

function invalid(option: string, value: string, expected: string): never {
  throw new FixError({ code: 'option-invalid', option, value, expected });
}

function wholeNumber(option: string, value: string | undefined, min: number, max: number, expected: string): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) invalid(option, value, expected);
  return Number(value);
}

type Values = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

export function parseCli(argv: readonly string[], lang: Lang): Parsed | 'help' | 'version' {
  const t = messages(lang).cli;
  const read = readOptions(OPTIONS, argv);
  if (!read.ok) {
    const { problem } = read;
    if (/^--(password|pwd)\b/.test(problem.option)) invalid(problem.option, '', t.expected.noPassword);
    // "--lang" at the end, or followed by another option: the value is missing, not the option.
    if (problem.kind === 'missing-value') throw new FixError({ code: 'option-value-missing', option: problem.option });
    throw new FixError({ code: 'option-unknown', option: problem.option, suggestion: problem.suggestion });
  }
  const v = read.values as Values;
  if (v.help) return 'help';
  if (v.version) return 'version';
  const [typed, ...extra] = read.positionals;
  // Nothing at all: the help, not an error.
  if (typed === undefined && argv.length === 0) return 'help';
  const command = typed === undefined ? undefined : (ALIASES[typed] ?? typed);
  if (command === undefined || !COMMANDS.includes(command as Command)) {
    invalid(t.word.command, typed ?? '', t.expected.command);
  }
  // An option the command does not use is a mistake worth saying (e.g. --out on fix).
  for (const option of Object.keys(v) as (keyof typeof OPTIONS)[]) {
    const usedBy: readonly Command[] = (OPTIONS[option] as { usedBy?: readonly Command[] }).usedBy ?? COMMANDS;
    if (!usedBy.includes(command as Command)) {
      invalid(`--${option}`, String(v[option]), t.expected.optionOf(usedBy));
    }
  }
  // Every command speaks the language asked for; one that is not known is a mistake.
  if (v.lang !== undefined && !isLang(v.lang)) invalid('--lang', v.lang, LANGS.join(', '));
  const chosen = v.lang ?? lang;
  if (command === 'publisher') {
    if (extra.length === 0) invalid(t.word.file, '', t.expected.programs);
    return { ...publisherDefaults(chosen), command: 'publisher', files: extra, json: v.json ?? false };
  }
  if (command === 'summarize') return summarizeArgs(v, extra, chosen);
  if (extra.length) invalid(t.word.extra, extra.join(' '), t.expected.quotePath);
  if (command !== 'mismatched-agents' && (v.source === undefined || v.source.trim() === '')) throw new FixError({ code: 'source-empty' });
  if (v.arch !== undefined && !['x86', 'x64', 'arm64'].includes(v.arch)) invalid('--arch', v.arch, 'x86, x64, arm64');
  const serverBuild = wholeNumber('--server-build', v['server-build'], 1, 99999, t.expected.build);
  const timeout = wholeNumber('--timeout', v.timeout, 1, 86400, t.expected.seconds(1, 86400));
  const settle = wholeNumber('--settle', v.settle, 0, 3600, t.expected.seconds(0, 3600));
  if (command === 'kit' && (v.out === undefined || v.out.trim() === '')) invalid('--out', v.out ?? '', t.expected.kitOut);
  if (v['password-stdin'] && v['password-file'] !== undefined) invalid('--password-file', v['password-file'], messages(lang).fleet.passwordFile.both);
  for (const key of ['work-dir', 'reports-dir', 'simulate', 'password-file', 'report-copy'] as const) {
    if (v[key] !== undefined && v[key].trim() === '') invalid(`--${key}`, '', t.expected.path);
  }
  return {
    command: command as Command,
    source: v.source ?? '',
    serverDir: v['server-dir'],
    arch: (v.arch as Arch | undefined) ?? null,
    serverBuild,
    workDir: v['work-dir'],
    out: v.out,
    reportsDir: v['reports-dir'],
    passwordStdin: v['password-stdin'] ?? false,
    passwordFile: v['password-file'],
    reportCopy: v['report-copy'],
    allowUnverifiedPublisher: v['allow-unverified-publisher'] ?? false,
    allowOtherServer: v['allow-other-server'] ?? false,
    files: [],
    timeoutMs: (timeout ?? 300) * 1000,
    settleMs: settle === null ? undefined : settle * 1000,
    force: v.force ?? false,
    simulate: v.simulate,
    json: v.json ?? false,
    lang: chosen,
  };
}


/** `summarize DIR... [--agents LIST] [--targets-out FILE] [--csv FILE] [--json]`. */
function summarizeArgs(v: { csv?: string; agents?: string; 'targets-out'?: string; json?: boolean }, folders: string[], lang: Lang): Parsed {
  const t = messages(lang).cli;
  if (folders.length === 0) invalid(t.word.folder, '', t.expected.reportFolders);
  for (const key of ['csv', 'agents', 'targets-out'] as const) {
    if (v[key] !== undefined && v[key].trim() === '') invalid(`--${key}`, '', t.expected.filePath);
  }
  if (v['targets-out'] !== undefined && v.agents === undefined) invalid('--targets-out', v['targets-out'], t.expected.targetsNeedAgents);
  return { ...publisherDefaults(lang), command: 'summarize', files: folders, csv: v.csv, agents: v.agents, targetsOut: v['targets-out'], json: v.json ?? false };
}
