/**
 * What the fleet features say to a person (summarize, the central report copy, the password file),
 * in Japanese and English. Kept beside messages.ts, not in it, so fleet work merges without
 * touching the shared table; the same rule holds: `ja` is typed as the `en` table's shape.
 */
import { messages, type Lang } from '../messages.js';
import type { FleetErrorDetails, SkipReason } from './fleet-types.js';

const en = {
  skip: {
    unreadable: 'cannot be read',
    'too-large': 'too large for a report',
    'not-json': 'not valid JSON (partial or damaged)',
    foreign: 'not an apex-cert-fix report',
    'newer-schema': 'written by a newer apex-cert-fix (unknown schemaVersion)',
    invalid: 'an apex-cert-fix report with a missing or wrong field',
    'not-a-repair': 'not a repair report (mode is not "fix")',
  } satisfies Record<SkipReason, string>,
  error(d: FleetErrorDetails): string {
    const os = messages('en').osError;
    switch (d.code) {
      case 'folder-missing':
        return `The report folder ${d.path} does not exist or cannot be reached (${os(d.reason)}). Check the path; use \\\\server\\share rather than a mapped drive letter.`;
      case 'folder-not-folder':
        return `${d.path} is a file, not a folder. Give the folder that holds the reports (it is searched with its subfolders).`;
      case 'list-unreadable':
        return `The agents list ${d.path} cannot be read (${os(d.reason)}).`;
      case 'list-no-host':
        return `The agents list ${d.path} has no column of host names (columns: ${d.headers.join(', ') || 'none'}). Use the list written by "apex-cert-fix agents --out FILE.csv", CertificateManager's own list, or a CSV with a "Host Name" column.`;
      case 'list-invalid':
        return `The agents list ${d.path} is not a list this tool can read: ${d.problem}.`;
      case 'list-not-csv':
        return `The agents list ${d.path} is not valid CSV${d.line === null ? '' : ` at line ${d.line}`}: a quote is closed in the middle of a cell. Correct that line, or save the list again from CertificateManager or Excel.`;
      case 'output-failed':
        return `${d.path} could not be written (${os(d.reason)}). Choose a folder you can write to.`;
    }
  },
  passwordFile: {
    expected: 'a file whose first line is the unload password (UTF-8, or UTF-8 / UTF-16 with a BOM)',
    missing: 'the file does not exist',
    unreadable: (reason: string) => `the file cannot be read (${messages('en').osError(reason)})`,
    notFile: 'it is a folder, a pipe or a device, not a regular file',
    empty: 'its first line is empty',
    tooLong: 'its first line is longer than any unload password (256 characters or more)',
    encoding: 'it is neither UTF-8 nor UTF-16 with a BOM (save it as UTF-8 or "Unicode")',
    both: 'only one of --password-stdin and --password-file',
    stdinExpected: 'the unload password on the first line of standard input',
    stdinEmpty: 'the first line is empty (to run without an unload password, leave out --password-stdin)',
  },
  copy: {
    saved: 'Central copy',
    failed: (dir: string, reason: string, localSaved = true) =>
      `The central copy of the report could not be written to ${dir} (${messages('en').osError(reason)}). ${localSaved ? 'The result stands and the local report has it; exit code 7.' : 'The result stands, but no report was saved on this PC either: copy the result above into the ticket.'}`,
    notFolder: 'not a folder',
  },
  summary: {
    title: (pcs: number, reports: number) => `${pcs} PCs, from ${reports} reports (each PC's latest)`,
    skipped: (n: number) => `${n} files skipped:`,
    skippedMore: (n: number) => `  ... and ${n} more`,
    headers: ['PC', 'Outcome', 'When', 'Server certificate', 'Agent certificate after', 'Error', 'Report'],
    agents: (total: number, done: number, left: number) => `Agents list: ${total} agents, ${done} repaired, ${left} still to repair`,
    targetsWritten: (n: number, file: string) => `${n} hosts to repair written to ${file}`,
    nonAscii: (hosts: string[]) => `Host names with non-ASCII characters (some deployment tools read the list in the ANSI code page): ${hosts.join(', ')}`,
    hostsSkipped: (hosts: string[]) => `${hosts.length} names in the agents list hold a line break or another control character and were skipped (not written as targets): ${hosts.join(', ')}`,
    stale: (serial: string) => `A report made with another server certificate than the list's (${serial}) does not count as repaired.`,
    none: '(no reports)',
    noReport: 'no report',
    staleRow: 'repaired with an older server certificate',
  },
  /** Short outcome words for the table (`already-fixed` and outcomes of newer versions included). */
  outcome: {
    fixed: 'fixed',
    'already-fixed': 'already fixed',
    failed: 'not fixed',
    'not-verified': 'not confirmed',
    'bad-input': 'input error',
    environment: 'PC not ready',
    timeout: 'timed out',
    cancelled: 'cancelled',
    ready: 'ready',
  } as Record<string, string>,
};

export type FleetMessages = typeof en;

const ja: FleetMessages = {
  skip: {
    unreadable: '読み取れません',
    'too-large': 'レポートとしては大きすぎます',
    'not-json': 'JSON として読めません（書きかけ・破損）',
    foreign: 'apex-cert-fix のレポートではありません',
    'newer-schema': '新しい apex-cert-fix で作られたレポートです（schemaVersion が不明）',
    invalid: 'apex-cert-fix のレポートですが、項目が欠けているか誤っています',
    'not-a-repair': '修復のレポートではありません（mode が "fix" ではない）',
  },
  error(d: FleetErrorDetails): string {
    const os = messages('ja').osError;
    switch (d.code) {
      case 'folder-missing':
        return `レポートのフォルダー ${d.path} がないか、接続できません（${os(d.reason)}）。パスを確認してください。割り当てたドライブ文字ではなく \\\\server\\share の形で指定してください。`;
      case 'folder-not-folder':
        return `${d.path} はファイルです。レポートを保存したフォルダーを指定してください（サブフォルダーも探します）。`;
      case 'list-unreadable':
        return `エージェントの一覧 ${d.path} を読み取れません（${os(d.reason)}）。`;
      case 'list-no-host':
        return `エージェントの一覧 ${d.path} にホスト名の列がありません（列: ${d.headers.join('、') || 'なし'}）。「apex-cert-fix agents --out FILE.csv」で保存した一覧、CertificateManager の一覧、または「Host Name」列のある CSV を指定してください。`;
      case 'list-invalid':
        return `エージェントの一覧 ${d.path} は読める形式ではありません: ${d.problem}。`;
      case 'list-not-csv':
        return `エージェントの一覧 ${d.path} は${d.line === null ? '' : ` ${d.line} 行目が`}正しい CSV ではありません（セルの途中で引用符が閉じています）。その行を直すか、CertificateManager または Excel で保存し直してください。`;
      case 'output-failed':
        return `${d.path} に書き込めませんでした（${os(d.reason)}）。書き込めるフォルダーを指定してください。`;
    }
  },
  passwordFile: {
    expected: '1 行目がアンロードパスワードのファイル（UTF-8、または BOM 付きの UTF-8 / UTF-16）',
    missing: 'ファイルがありません',
    unreadable: (reason: string) => `ファイルを読み取れません（${messages('ja').osError(reason)}）`,
    notFile: '通常のファイルではなく、フォルダー、パイプまたはデバイスです',
    empty: '1 行目が空です',
    tooLong: '1 行目がアンロードパスワードとしては長すぎます（256 文字以上）',
    encoding: 'UTF-8 でも BOM 付きの UTF-16 でもありません（UTF-8 または「Unicode」で保存してください）',
    both: '--password-stdin と --password-file のどちらか一方',
    stdinExpected: '標準入力の 1 行目にアンロードパスワード',
    stdinEmpty: '1 行目が空です。アンロードパスワードなしで実行するときは --password-stdin を付けないでください',
  },
  copy: {
    saved: '集約先へのコピー',
    failed: (dir: string, reason: string, localSaved = true) =>
      `レポートのコピーを集約先 ${dir} に書き込めませんでした（${messages('ja').osError(reason)}）。${localSaved ? '結果はそのままで、この PC のレポートに記録しています。終了コード 7。' : '結果はそのままですが、この PC にもレポートを保存できていません。上の結果をチケットに写してください。'}`,
    notFolder: 'フォルダーではありません',
  },
  summary: {
    title: (pcs: number, reports: number) => `${pcs} 台の PC（${reports} 件のレポートから各 PC の最新）`,
    skipped: (n: number) => `読み飛ばしたファイル ${n} 件:`,
    skippedMore: (n: number) => `  ... ほか ${n} 件`,
    headers: ['PC', '結果', '日時', 'サーバー証明書', '実行後のエージェント証明書', 'エラー', 'レポート'],
    agents: (total: number, done: number, left: number) => `エージェントの一覧: ${total} 台、修復済み ${done} 台、未修復 ${left} 台`,
    targetsWritten: (n: number, file: string) => `修復が必要な ${n} 台のホスト名を ${file} に書き出しました`,
    nonAscii: (hosts: string[]) => `ASCII 以外の文字を含むホスト名があります（一覧を ANSI のコードページで読む配布ツールがあります）: ${hosts.join('、')}`,
    hostsSkipped: (hosts: string[]) => `エージェントの一覧の ${hosts.length} 件の名前に改行などの制御文字が含まれているため、対象として書き出さずに除外しました: ${hosts.join('、')}`,
    stale: (serial: string) => `一覧のサーバー証明書（${serial}）と異なる証明書で修復したレポートは、修復済みに数えていません。`,
    none: '（レポートなし）',
    noReport: 'レポートなし',
    staleRow: '以前のサーバー証明書で修復済み',
  },
  outcome: {
    fixed: '修復済み',
    'already-fixed': '修復不要（設定済み）',
    failed: '未修復',
    'not-verified': '確認できず',
    'bad-input': '入力の誤り',
    environment: 'PC の準備不足',
    timeout: 'タイムアウト',
    cancelled: '取り消し',
    ready: '準備完了',
  },
};

const FLEET: Record<Lang, FleetMessages> = { ja, en };

export function fleetMessages(lang: Lang): FleetMessages {
  return FLEET[lang];
}

/** An outcome code in words; an outcome this version does not know is shown as it is. */
export function outcomeWord(lang: Lang, outcome: string | null): string {
  if (outcome === null) return '-';
  const words = fleetMessages(lang).outcome;
  return Object.hasOwn(words, outcome) ? words[outcome]! : outcome;
}
