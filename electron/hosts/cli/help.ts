/** `apex-cert-fix --help`, in both languages. */
import type { Lang } from '../../core/messages.js';

export const HELP: Record<Lang, string> = {
  en: `apex-cert-fix: gives an Apex One security agent the server's certificate again (KB 1102855).

Usage:
  apex-cert-fix inspect --source S [options]   what would be done; changes nothing
  apex-cert-fix fix     --source S [options]   copy the files, run IpXfer, verify, write a report
  apex-cert-fix kit     --source S --out DIR   write an offline kit (both bitnesses) for a USB stick
  apex-cert-fix agents  [--server-dir DIR] [--out FILE.csv|.json]
                        on the server: list the agents whose certificate does not match
  apex-cert-fix publisher FILE... [--json]     who signed these programs (Authenticode)

--source S         where the server files are: \\\\server, \\\\server\\ofcscan, the server's
                   Apex One or OfficeScan folder, its PCCSRV folder, or an offline kit
Options:
  --arch x86|x64|arm64     use this Windows bitness instead of the detected one
  --server-build N         the server build, when the detected one is wrong or unknown
  --work-dir DIR           where the fresh working folder is made (default: the temp folder)
  --reports-dir DIR        where reports are written
  --password-stdin         read the agent unload password from the first line of standard input
                           (there is no password option: it would show in the process list)
  --allow-unverified-publisher  run IpXfer / DatFHS even when not signed by Trend Micro, Inc.
  --timeout SECONDS        stop IpXfer after this long (default 300)
  --simulate PROFILE.json  training mode: a simulated PC described by the profile
  --json                   print the report as one JSON document on stdout
  --lang ja|en             language of messages (default: the system's)
  --help, --version

Exit codes: 0 fixed (inspect: ready) · 1 not fixed · 2 bad input, nothing copied or run ·
3 this PC is not ready (administrator rights, agent, OS) · 4 timed out or cancelled ·
5 IpXfer finished but the fix could not be confirmed
`,
  ja: `apex-cert-fix: Apex One セキュリティエージェントにサーバーの証明書を設定し直します（KB 1102855）。

使い方:
  apex-cert-fix inspect --source S [オプション]   実行内容の確認のみ（何も変更しません）
  apex-cert-fix fix     --source S [オプション]   ファイルをコピーし、IpXfer を実行・確認し、レポートを保存
  apex-cert-fix kit     --source S --out DIR     USB メモリ用のオフラインキット（両ビット数）を作成
  apex-cert-fix agents  [--server-dir DIR] [--out FILE.csv|.json]
                        サーバー上で、証明書が一致しないエージェントを一覧表示
  apex-cert-fix publisher FILE... [--json]     プログラムの署名者を確認（Authenticode）

--source S         サーバーファイルの場所: \\\\server、\\\\server\\ofcscan、サーバーの Apex One /
                   OfficeScan フォルダー、その PCCSRV フォルダー、またはオフラインキット
オプション:
  --arch x86|x64|arm64     検出したビット数の代わりにこのビット数を使う
  --server-build N         サーバービルド（検出値が違う・不明な場合）
  --work-dir DIR           新しい作業フォルダーを作る場所（既定: 一時フォルダー）
  --reports-dir DIR        レポートの保存先
  --password-stdin         エージェントのアンロードパスワードを標準入力の 1 行目から読む
                           （パスワードのオプションはありません: プロセス一覧に見えてしまうため）
  --allow-unverified-publisher  Trend Micro, Inc. の署名がなくても IpXfer / DatFHS を実行する
  --timeout SECONDS        IpXfer をこの秒数で停止（既定 300）
  --simulate PROFILE.json  トレーニングモード: プロファイルで表したシミュレーションの PC
  --json                   レポートを 1 つの JSON として標準出力に出す
  --lang ja|en             メッセージの言語（既定: システムの言語）
  --help, --version

終了コード: 0 修復済み（inspect: 準備完了） · 1 未修復 · 2 入力の誤り（コピー・実行なし） ·
3 この PC の準備ができていない（管理者権限・エージェント・OS） · 4 タイムアウト・取り消し ·
5 IpXfer は終了したが修復を確認できない
`,
};
