/**
 * The CLI's options, described once (OPTIONS: also the help's words) and checked one by one so
 * every mistake is named in the user's language (a wrong value exits 2 before anything is read or
 * copied). `node:util` parseArgs reads them (base/options.ts), as it does for the other hosts.
 */
import { FixError } from '../../core/errors.js';
import { cliMessages } from './cli-messages.js';
import { chosenLang, isLang, LANGS, type Lang } from '../../core/lang.js';
import type { Arch } from '../../platform/platform.js';
import { fleetMessages } from '../../core/fleet/fleet-messages.js';
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

/** Every option of the CLI, once: its type, its words per language (the help) and its commands. */
export const OPTIONS = {
  source: { type: 'string', value: 'S', usedBy: SOURCE, help: {
    en: 'where the server files are: \\\\server, \\\\server\\ofcscan, the server\'s Apex One or\nOfficeScan folder, its PCCSRV folder, or an offline kit',
    ja: 'サーバのファイルの場所: \\\\server、\\\\server\\ofcscan、サーバの Apex One /\nOfficeScan フォルダー、その PCCSRV フォルダー、またはオフラインキット' } },
  arch: { type: 'string', value: 'x86|x64|arm64', usedBy: ['inspect', 'fix'], help: {
    en: 'use this Windows bitness instead of the detected one',
    ja: '検出したビット数の代わりにこのビット数を使う' } },
  'server-build': { type: 'string', value: 'N', usedBy: SOURCE, help: {
    en: 'the server build, when the detected one is wrong or unknown',
    ja: 'サーバのビルド（検出値が違う・不明な場合）' } },
  'work-dir': { type: 'string', value: 'DIR', usedBy: ['inspect', 'fix', 'mismatched-agents'], help: {
    en: 'where the fresh working folder is made (default: %ProgramData%\\ApexCertFix\\work;\nelsewhere than Windows, ApexCertFix in the temp folder)',
    ja: '新しい作業フォルダーを作る場所（既定: %ProgramData%\\ApexCertFix\\work。\nWindows 以外では一時フォルダーの ApexCertFix）' } },
  'reports-dir': { type: 'string', value: 'DIR', usedBy: ['inspect', 'fix'], help: {
    en: 'where reports are written (default: %ProgramData%\\ApexCertFix\\reports;\nelsewhere than Windows, ~/.apex-cert-fix/reports)',
    ja: 'レポートの保存先（既定: %ProgramData%\\ApexCertFix\\reports。\nWindows 以外では ~/.apex-cert-fix/reports）' } },
  'password-stdin': { type: 'boolean', usedBy: ['fix'], help: {
    en: 'read the agent unload password from the first line of standard input\n(there is no password option: it would show in the process list)',
    ja: 'エージェントのアンロードパスワードを標準入力の 1 行目から読む\n（パスワードのオプションはありません: プロセス一覧に見えてしまうため）' } },
  'password-file': { type: 'string', value: 'PATH', usedBy: ['fix'], help: {
    en: 'read it from the first line of this file instead (UTF-8, or UTF-16\nwith a BOM); the file is not deleted: see docs/fleet.md',
    ja: 'このファイルの 1 行目から読む（UTF-8、または BOM 付き UTF-16）。\nファイルは削除しません: docs/fleet.md を参照' } },
  'report-copy': { type: 'string', value: 'DIR', usedBy: ['fix'], help: {
    en: 'also write the report to this central folder (e.g. a share)',
    ja: 'レポートを集約先のフォルダー（共有フォルダーなど）にも保存' } },
  'allow-unverified-publisher': { type: 'boolean', usedBy: ['inspect', 'fix'], help: {
    en: 'run IpXfer / DatFHS even when not signed by Trend Micro, Inc.\n(inspect: say ready although they are not)',
    ja: 'Trend Micro, Inc. の署名がなくても IpXfer / DatFHS を実行する\n（inspect: 署名がなくても準備完了とする）' } },
  'allow-other-server': { type: 'boolean', usedBy: ['inspect', 'fix'], help: {
    en: 'use the files although they come from another server than the one\nthe agent reports to (or it cannot be told); recorded in the report',
    ja: 'エージェントの接続先とは別のサーバ（または同じか判断できないサーバ）の\nファイルでも使う（レポートに記録）' } },
  force: { type: 'boolean', usedBy: ['fix'], help: {
    en: 'repair although the agent already holds the server\'s certificate',
    ja: 'エージェントがすでにサーバの証明書を持っていても修復する' } },
  timeout: { type: 'string', value: 'SECONDS', usedBy: ['fix', 'mismatched-agents'], help: {
    en: 'stop IpXfer (mismatched-agents: CertificateManager) after this long (default 300)',
    ja: 'IpXfer（mismatched-agents では CertificateManager）をこの秒数で停止（既定 300）' } },
  settle: { type: 'string', value: 'SECONDS', usedBy: ['fix'], help: {
    en: 'after IpXfer, keep re-reading the agent for up to this long (default 60)',
    ja: 'IpXfer の後、エージェントを読み直す最長の秒数（既定 60）' } },
  out: { type: 'string', value: 'DIR|FILE', usedBy: ['kit', 'mismatched-agents'], help: {
    en: 'kit: the folder to write the kit into;\nmismatched-agents: the list as .csv or .json',
    ja: 'kit: キットを作るフォルダー。\nmismatched-agents: 一覧の保存先（.csv または .json）' } },
  'server-dir': { type: 'string', value: 'DIR', usedBy: ['mismatched-agents'], help: {
    en: 'the server\'s install or PCCSRV folder, when it is not found by itself',
    ja: 'サーバのインストールフォルダーまたは PCCSRV フォルダー（自動で見つからない場合）' } },
  csv: { type: 'string', value: 'FILE', usedBy: ['summarize'], help: {
    en: 'also write the table as CSV (UTF-8 with BOM, for Excel)',
    ja: '一覧を CSV（Excel 用の BOM 付き UTF-8）でも書き出す' } },
  agents: { type: 'string', value: 'LIST.csv', usedBy: ['summarize'], help: {
    en: 'join with the server\'s list of mismatched agents',
    ja: 'サーバの「証明書が一致しないエージェント」の一覧と照合' } },
  'targets-out': { type: 'string', value: 'FILE', usedBy: ['summarize'], help: {
    en: 'write the hosts still to repair, one a line (with --agents)',
    ja: 'まだ修復していないホスト名を 1 行に 1 つ書き出す（--agents と一緒に）' } },
  simulate: { type: 'string', value: 'PROFILE.json', usedBy: ['inspect', 'fix', 'kit', 'mismatched-agents'], help: {
    en: 'training mode: a simulated PC described by the profile',
    ja: 'トレーニングモード: プロファイルで表したシミュレーションの PC' } },
  json: { type: 'boolean', help: {
    en: 'print the result as one JSON document on stdout (people read stderr)',
    ja: '結果を 1 つの JSON として標準出力に出す（人が読む出力は標準エラー）' } },
  lang: { type: 'string', value: 'ja|en', help: {
    en: 'language of messages (default: the system\'s)',
    ja: 'メッセージの言語（既定: システムの言語）' } },
  help: { type: 'boolean', short: 'h', help: { en: 'this help', ja: 'このヘルプ' } },
  version: { type: 'boolean', help: { en: 'the version', ja: 'バージョン' } },
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
  const t = cliMessages(lang);
  const read = readOptions(OPTIONS, argv);
  if (!read.ok) {
    const { problem } = read;
    if (/^--(password|pwd)\b/.test(problem.option)) invalid(problem.option, '', t.expected.noPassword);
    // "--lang" at the end, or followed by another option: the value is missing, not the option.
    if (problem.kind === 'missing-value') invalid(problem.option, '', t.expected.value);
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
  if (v['password-stdin'] && v['password-file'] !== undefined) invalid('--password-file', v['password-file'], fleetMessages(lang).passwordFile.both);
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
  const t = cliMessages(lang);
  if (folders.length === 0) invalid(t.word.folder, '', t.expected.reportFolders);
  for (const key of ['csv', 'agents', 'targets-out'] as const) {
    if (v[key] !== undefined && v[key].trim() === '') invalid(`--${key}`, '', t.expected.filePath);
  }
  if (v['targets-out'] !== undefined && v.agents === undefined) invalid('--targets-out', v['targets-out'], t.expected.targetsNeedAgents);
  return { ...publisherDefaults(lang), command: 'summarize', files: folders, csv: v.csv, agents: v.agents, targetsOut: v['targets-out'], json: v.json ?? false };
}
