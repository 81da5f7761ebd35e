/**
 * What the CLI says about its own options, one table per language keyed by the same names (adding
 * a language is adding a table). The engine's messages live in core/messages.ts.
 */
import type { Lang } from '../../core/messages.js';

const en = {
  word: { command: 'command', file: 'file', extra: 'extra argument', folder: 'folder' },
  expected: {
    noPassword: 'a password is never taken on the command line: use --password-stdin or --password-file',
    value: 'a value after it (see --help)',
    command: 'inspect, fix, kit, mismatched-agents, publisher or summarize',
    optionOf: (commands: readonly string[]) => `an option of ${commands.join(', ')} only`,
    programs: 'one or more program files to check',
    quotePath: 'quote a path that contains spaces ("...")',
    build: 'a build number such as 12526',
    seconds: (min: number, max: number) => `seconds from ${min} to ${max}`,
    kitOut: 'the folder to write the kit into (e.g. a USB stick)',
    path: 'a folder or file path',
    filePath: 'a file path',
    reportFolders: 'one or more report folders (e.g. \\\\server\\ApexCertFix-reports$)',
    targetsNeedAgents: 'used together with --agents LIST (the hosts are taken from the list)',
  },
  /** `npm run demo:cli`: what it types into --password-stdin. */
  demoPassword: (password: string) => `(the unload password "${password}" on standard input)`,
};

type CliMessages = typeof en;

const ja: CliMessages = {
  word: { command: 'コマンド', file: 'ファイル', extra: '余分な引数', folder: 'フォルダー' },
  expected: {
    noPassword: 'パスワードはコマンドラインに書けません。--password-stdin で標準入力から、または --password-file で渡してください',
    value: 'オプションの後に値（--help を参照）',
    command: 'inspect、fix、kit、mismatched-agents、publisher または summarize',
    optionOf: (commands) => `${commands.join('、')} で使うオプションです`,
    programs: '確認するプログラムのパス（複数可）',
    quotePath: 'パスに空白がある場合は "..." で囲んでください',
    build: 'ビルド番号（例: 12526）',
    seconds: (min, max) => `${min}〜${max} の秒数`,
    kitOut: 'キットを作るフォルダー（USB メモリなど）',
    path: 'フォルダーまたはファイルのパス',
    filePath: 'ファイルのパス',
    reportFolders: 'レポートのフォルダー（複数可。例: \\\\server\\ApexCertFix-reports$）',
    targetsNeedAgents: '--agents LIST と一緒に指定してください（一覧と照合して書き出します）',
  },
  demoPassword: (password) => `（アンロードパスワード「${password}」を標準入力から渡します）`,
};

const TABLES: Record<Lang, CliMessages> = { en, ja };

export function cliMessages(lang: Lang): CliMessages {
  return TABLES[lang];
}
