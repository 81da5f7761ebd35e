/** `apex-cert-fix --help`, in both languages. */
import type { Lang } from '../../core/messages.js';

export const HELP: Record<Lang, string> = {
  en: `apex-cert-fix: gives an Apex One security agent the server's certificate again (KB 1102855).

Usage:
  apex-cert-fix inspect --source S [options]   what would be done; changes nothing
  apex-cert-fix fix     --source S [options]   copy the files, run IpXfer, verify, write a report
  apex-cert-fix kit     --source S --out DIR   write an offline kit (for 32- and 64-bit Windows) for a USB stick
  apex-cert-fix agents  [--server-dir DIR] [--out FILE.csv|.json]
                        on the server: list the agents whose certificate does not match
  apex-cert-fix publisher FILE... [--json]     who signed these programs (Authenticode)
  apex-cert-fix summarize DIR... [--agents LIST.csv [--targets-out FILE]] [--csv FILE] [--json]
                        the fleet view: each PC's latest report below the folders, joined with
                        the server's list; --targets-out writes the hosts still to repair

--source S         where the server files are: \\\\server, \\\\server\\ofcscan, the server's
                   Apex One or OfficeScan folder, its PCCSRV folder, or an offline kit
Options:
  --arch x86|x64|arm64     use this Windows bitness instead of the detected one
  --server-build N         the server build, when the detected one is wrong or unknown
  --work-dir DIR           where the fresh working folder is made (default: the temp folder)
  --reports-dir DIR        where reports are written
  --password-stdin         read the agent unload password from the first line of standard input
                           (there is no password option: it would show in the process list)
  --password-file PATH     read it from the first line of this file instead (UTF-8, or UTF-16
                           with a BOM); the file is not deleted: see docs/fleet.md
  --report-copy DIR        also write the report to this central folder (e.g. a share)
  --allow-unverified-publisher  run IpXfer / DatFHS even when not signed by Trend Micro, Inc.
  --allow-other-server     use the files although they come from another server than the one
                           the agent reports to (or it cannot be told); recorded in the report
  --timeout SECONDS        stop IpXfer after this long (default 300)
  --simulate PROFILE.json  training mode: a simulated PC described by the profile
  --json                   print the report as one JSON document on stdout
  --lang ja|en             language of messages (default: the system's)
  --help, --version

Exit codes: 0 fixed (inspect: ready) · 1 not fixed · 2 bad input, nothing copied or run ·
3 this PC is not ready (administrator rights, agent, OS) · 4 timed out or cancelled ·
5 IpXfer finished but the fix could not be confirmed · 7 done, but the --report-copy failed
`,
  ja: `apex-cert-fix: Apex One セキュリティエージェントにサーバの証明書を設定し直します（KB 1102855）。

使い方:
  apex-cert-fix inspect --source S [オプション]   実行内容の確認のみ（何も変更しません）
  apex-cert-fix fix     --source S [オプション]   ファイルをコピーし、IpXfer を実行・確認し、レポートを保存
  apex-cert-fix kit     --source S --out DIR     USB メモリ用のオフラインキット（32 ビット版・64 ビット版の両方）を作成
  apex-cert-fix agents  [--server-dir DIR] [--out FILE.csv|.json]
                        サーバ上で、証明書が一致しないエージェントを一覧表示
  apex-cert-fix publisher FILE... [--json]     プログラムの署名者を確認（Authenticode）
  apex-cert-fix summarize DIR... [--agents LIST.csv [--targets-out FILE]] [--csv FILE] [--json]
                        複数の PC の集計: フォルダ以下のレポートから各 PC の最新を集め、サーバの
                        一覧と照合。--targets-out で未修復のホスト名を書き出す

--source S         サーバファイルの場所: \\\\server、\\\\server\\ofcscan、サーバの Apex One /
                   OfficeScan フォルダ、その PCCSRV フォルダ、またはオフラインキット
オプション:
  --arch x86|x64|arm64     検出したビット数の代わりにこのビット数を使う
  --server-build N         サーバビルド（検出値が違う・不明な場合）
  --work-dir DIR           新しい作業フォルダを作る場所（既定: 一時フォルダ）
  --reports-dir DIR        レポートの保存先
  --password-stdin         エージェントのアンロードパスワードを標準入力の 1 行目から読む
                           （パスワードのオプションはありません: プロセス一覧に見えてしまうため）
  --password-file PATH     このファイルの 1 行目から読む（UTF-8、または BOM 付き UTF-16）。
                           ファイルは削除しません: docs/fleet.md を参照
  --report-copy DIR        レポートを集約先のフォルダ（共有フォルダなど）にも保存
  --allow-unverified-publisher  Trend Micro, Inc. の署名がなくても IpXfer / DatFHS を実行する
  --allow-other-server     エージェントの接続先とは別のサーバ（または同じか判断できないサーバ）の
                           ファイルでも使う（レポートに記録）
  --timeout SECONDS        IpXfer をこの秒数で停止（既定 300）
  --simulate PROFILE.json  トレーニングモード: プロファイルで表したシミュレーションの PC
  --json                   レポートを 1 つの JSON として標準出力に出す
  --lang ja|en             メッセージの言語（既定: システムの言語）
  --help, --version

終了コード: 0 修復済み（inspect: 準備完了） · 1 未修復 · 2 入力の誤り（コピー・実行なし） ·
3 この PC の準備ができていない（管理者権限・エージェント・OS） · 4 タイムアウト・取り消し ·
5 IpXfer は終了したが修復を確認できない · 7 完了したが --report-copy のコピーに失敗
`,
};
