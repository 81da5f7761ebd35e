/**
 * The CLI's options, checked one by one so every mistake is named in the user's language
 * (a wrong value exits 2 before anything is read or copied).
 */
import { parseArgs } from 'node:util';
import { FixError } from '../../core/errors.js';
import { defaultLang, type Lang } from '../../core/messages.js';
import type { Arch } from '../../platform/platform.js';

const OPTIONS = {
  source: { type: 'string' },
  arch: { type: 'string' },
  'server-build': { type: 'string' },
  'work-dir': { type: 'string' },
  'reports-dir': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'allow-unverified-publisher': { type: 'boolean' },
  timeout: { type: 'string' },
  out: { type: 'string' },
  'server-dir': { type: 'string' },
  simulate: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export const COMMANDS = ['inspect', 'fix', 'kit', 'agents', 'publisher'] as const;
export type Command = (typeof COMMANDS)[number];

const ALL = COMMANDS;
const SOURCE = ['inspect', 'fix', 'kit'] as const;
/** Which commands each option belongs to. */
const USED_BY: Record<keyof typeof OPTIONS, readonly Command[]> = {
  source: SOURCE,
  arch: ['inspect', 'fix'],
  'server-build': SOURCE,
  'work-dir': ['inspect', 'fix', 'agents'],
  'reports-dir': ['inspect', 'fix'],
  'password-stdin': ['fix'],
  'allow-unverified-publisher': ['fix'],
  timeout: ['fix', 'agents'],
  out: ['kit', 'agents'],
  'server-dir': ['agents'],
  simulate: ['inspect', 'fix', 'kit', 'agents'],
  json: ALL,
  lang: ALL,
  help: ALL,
  version: ALL,
};

/** The language is needed before the options are understood, to word their errors. */
export function langFrom(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'ja' || value === 'en' ? value : defaultLang();
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
  allowUnverifiedPublisher: boolean;
  /** `publisher FILE...`: the files to check. */
  files: string[];
  timeoutMs: number;
  simulate?: string;
  json: boolean;
  lang: Lang;
}

function publisherDefaults(lang: Lang): Parsed {
  return { command: 'publisher', source: '', arch: null, serverBuild: null, passwordStdin: false, allowUnverifiedPublisher: false, files: [], timeoutMs: 300_000, json: false, lang };
}

function invalid(option: string, value: string, expected: string): never {
  throw new FixError({ code: 'option-invalid', option, value, expected });
}

function wholeNumber(option: string, value: string | undefined, min: number, max: number, expected: string): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) invalid(option, value, expected);
  return Number(value);
}

export function parseCli(argv: readonly string[], lang: Lang): Parsed | 'help' | 'version' {
  const ja = lang === 'ja';
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const text = (e as Error).message;
    const option = /'(-[^']+)'/.exec(text)?.[1] ?? text;
    if (/^--(password|pwd)\b/.test(option)) {
      invalid(option, '', ja ? 'パスワードはコマンドラインに書けません。--password-stdin で標準入力から渡してください' : 'a password is never taken on the command line: use --password-stdin');
    }
    invalid(option, '', ja ? '--help に載っているオプション（値が必要なものは値も）' : 'an option listed by --help (with its value where it takes one)');
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.version) return 'version';
  const [command, ...extra] = parsed.positionals;
  if (command === undefined || !COMMANDS.includes(command as Command)) {
    invalid(ja ? 'コマンド' : 'command', command ?? '', ja ? 'inspect、fix、kit、agents または publisher' : 'inspect, fix, kit, agents or publisher');
  }
  // An option the command does not use is a mistake worth saying (e.g. --out on fix).
  for (const option of Object.keys(v) as (keyof typeof OPTIONS)[]) {
    if (!USED_BY[option].includes(command as Command)) {
      invalid(`--${option}`, String(v[option]), ja ? `${USED_BY[option].join('、')} で使うオプションです` : `an option of ${USED_BY[option].join(', ')} only`);
    }
  }
  if (command === 'publisher') {
    if (extra.length === 0) invalid(ja ? 'ファイル' : 'file', '', ja ? '確認するプログラムのパス（複数可）' : 'one or more program files to check');
    return { ...publisherDefaults(lang), command: 'publisher', files: extra, json: v.json ?? false, lang: (v.lang as Lang | undefined) ?? lang };
  }
  if (extra.length) invalid(ja ? '余分な引数' : 'extra argument', extra.join(' '), ja ? 'パスに空白がある場合は "..." で囲んでください' : 'quote a path that contains spaces ("...")');
  if (command !== 'agents' && (v.source === undefined || v.source.trim() === '')) throw new FixError({ code: 'source-empty' });
  if (v.arch !== undefined && !['x86', 'x64', 'arm64'].includes(v.arch)) invalid('--arch', v.arch, 'x86, x64, arm64');
  if (v.lang !== undefined && v.lang !== 'ja' && v.lang !== 'en') invalid('--lang', v.lang, 'ja, en');
  const serverBuild = wholeNumber('--server-build', v['server-build'], 1, 99999, ja ? 'ビルド番号（例: 12526）' : 'a build number such as 12526');
  const timeout = wholeNumber('--timeout', v.timeout, 1, 86400, ja ? '1〜86400 の秒数' : 'seconds from 1 to 86400');
  if (command === 'kit' && (v.out === undefined || v.out.trim() === '')) invalid('--out', v.out ?? '', ja ? 'キットを作るフォルダー（USB メモリなど）' : 'the folder to write the kit into (e.g. a USB stick)');
  for (const key of ['work-dir', 'reports-dir', 'simulate'] as const) {
    if (v[key] !== undefined && v[key].trim() === '') invalid(`--${key}`, '', ja ? 'フォルダーまたはファイルのパス' : 'a folder or file path');
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
    allowUnverifiedPublisher: v['allow-unverified-publisher'] ?? false,
    files: [],
    timeoutMs: (timeout ?? 300) * 1000,
    simulate: v.simulate,
    json: v.json ?? false,
    lang: (v.lang as Lang | undefined) ?? lang,
  };
}

