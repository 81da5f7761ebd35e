/**
 * `apex-cert-fix --help`, in both languages: the usage and the exit codes here, every option's
 * line from its one description in args.ts (OPTIONS), so the help cannot drift from the parser.
 */
import type { Lang } from '../../core/messages.js';
import { optionHelp } from '../../base/options.js';
import { OPTIONS } from './args.js';

const USAGE: Record<Lang, string> = {
  en: `apex-cert-fix: gives an Apex One security agent the server's certificate again (KB 1102855).

Usage:
  apex-cert-fix inspect --source S [options]   what fix would do, and whether it would run;
                                               copies and changes nothing
  apex-cert-fix fix     --source S [options]   copy the files, run IpXfer, verify, write a report
  apex-cert-fix kit     --source S --out DIR   write an offline kit (for 32- and 64-bit Windows) for a USB stick
  apex-cert-fix mismatched-agents [--server-dir DIR] [--out FILE.csv|.json]
                        on the server: list the agents whose certificate does not match
                        (CertificateManager -l; also called as \`agents\`)
  apex-cert-fix publisher FILE... [--json]     who signed these programs (Authenticode)
  apex-cert-fix summarize DIR... [--agents LIST.csv [--targets-out FILE]] [--csv FILE] [--json]
                        the fleet view: each PC's latest report below the folders, joined with
                        the server's list; --targets-out writes the hosts still to repair

Options:
`,
  ja: `apex-cert-fix: Apex Oneセキュリティエージェントにサーバの証明書を設定し直します（KB 1102855）。

使い方:
  apex-cert-fix inspect --source S [オプション]   fix で行う内容と実行できるかの確認のみ
                                                 （コピーも変更もしません）
  apex-cert-fix fix     --source S [オプション]   ファイルをコピーし、IpXferを実行・確認し、レポートを保存
  apex-cert-fix kit     --source S --out DIR     USBメモリ用のオフラインキット（32ビット版・64ビット版の両方）を作成
  apex-cert-fix mismatched-agents [--server-dir DIR] [--out FILE.csv|.json]
                        サーバ上で、証明書が一致しないエージェントを一覧表示
                        （CertificateManager -l。agents でも実行できます）
  apex-cert-fix publisher FILE... [--json]     プログラムの署名者を確認（Authenticode）
  apex-cert-fix summarize DIR... [--agents LIST.csv [--targets-out FILE]] [--csv FILE] [--json]
                        複数のPCの集計: フォルダ以下のレポートから各PCの最新を集め、サーバの
                        一覧と照合。--targets-out で未修復のホスト名を書き出す

オプション:
`,
};

const EXIT_CODES: Record<Lang, string> = {
  en: `
Exit codes: 0 fixed (inspect: ready) · 1 not fixed · 2 bad input, nothing copied or run
(inspect: fix would refuse) · 3 this PC is not ready (administrator rights, agent, OS) ·
4 timed out or cancelled · 5 IpXfer finished but the fix could not be confirmed ·
6 done, but the report could not be saved · 7 done, but the --report-copy failed
`,
  ja: `
終了コード: 0 修復済み（inspect: 準備完了） · 1 未修復 · 2 入力の誤り（コピー・実行なし。
inspect: fix が中止する） · 3 このPCの準備ができていない（管理者権限・エージェント・OS） ·
4 タイムアウト・取り消し · 5 IpXferは終了したが修復を確認できない ·
6 完了したがレポートを保存できない · 7 完了したが --report-copy のコピーに失敗
`,
};

function help(lang: Lang): string {
  return USAGE[lang] + optionHelp(OPTIONS, lang) + EXIT_CODES[lang];
}

export const HELP: Record<Lang, string> = { en: help('en'), ja: help('ja') };
