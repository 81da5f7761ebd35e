/** Japanese: typed as `Messages`, so a text missing here does not compile. */
import type { PlanNote, PlanReason } from '../plan.js';
import type { BuildEvidence } from '../server-build.js';
import type { Check } from '../verify.js';
import type { Outcome } from '../outcome.js';
import { list, type CopyStage, type ErrorTexts, type TicketFacts } from './shared.js';
import type { Messages } from './en.js';
import type { OsVerdictUnavailable } from '../../platform/platform.js';

/** A moment as this PC's local time of day (10:42). */
function hhmm(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export const ja: Messages = {
  tried: {
    'server-folder': 'PCCSRV を確認',
    kit: 'オフラインキットを確認',
    incomplete: 'PCCSRV はありますが、ファイルが足りません',
    'not-found': '見つかりません',
    'not-a-server-folder': 'フォルダーはありますが、PCCSRV のファイルがありません',
    'no-access': 'アクセスが拒否されました',
    unreachable: '接続できません',
    'mapped-drive': 'このドライブ文字は見えません（割り当てたネットワークドライブは管理者として実行したプログラムからは見えません）。\\\\サーバー\\共有 の形で指定してください',
  },
  evidence(e: BuildEvidence): string {
    switch (e.kind) {
      case 'override':
        return `ビルド ${e.build}: 入力された値`;
      case 'pe-version':
        return `${e.file} のファイルバージョン ${e.version}: ビルド ${e.build}`;
      case 'kit-manifest':
        return `ビルド ${e.build}（${e.from} から作ったキットに記録された値）`;
      case 'datfhs-present':
        return `IpXfer と同じフォルダーに ${e.file} があります`;
      case 'datfhs-absent':
        return `${e.folder} に ${e.name} はありません`;
      case 'agent-build':
        return `この PC のエージェントはビルド ${e.build}（参考値: サーバーと異なる場合があります）`;
    }
  },
  reason(r: PlanReason): string {
    switch (r.code) {
      case 'certificate':
        return 'エージェントに渡すサーバー証明書';
      case 'ipxfer-for-arch':
        return `${r.arch === 'x86' ? '32 ビット' : r.arch === 'arm64' ? 'ARM64（64 ビット版を使用）' : '64 ビット'} Windows 用の IpXfer`;
      case 'datfhs-for-build':
        return `サーバービルド ${r.build} は 12526 以降のため、IpXfer と一緒に必要な DLL`;
      case 'datfhs-unknown-build':
        return 'サーバービルドは不明ですが、IpXfer と同じフォルダーにあるため念のためコピー';
      case 'datfhs-beside-ipxfer':
        return `サーバの IpXfer と同じフォルダーにあるため、一緒にコピー（ビルド ${r.build} は 12526 より前と読めますが、サーバのビルドと同じかは確認できていません）`;
    }
  },
  note(n: PlanNote): string {
    switch (n.code) {
      case 'arm64-uses-x64':
        return 'ARM64 版 Windows: 64 ビット (x64) 用のファイルを使います。';
      case 'datfhs-absent-build-unknown':
        return `サーバービルドが不明で、${n.name} もありません。DLL なしで続けます（DLL はビルド 12526 以降で必要）。IpXfer が失敗する場合はサーバービルドを入力してください。`;
      case 'agent-build-suggests-datfhs':
        return `この PC のエージェントはビルド ${n.build} です。サーバーも同じビルドなら ${n.name} が必要です。サーバーの IpXfer フォルダーから取得してください。`;
      case 'kit':
        return `${n.createdAt.slice(0, 10)} に ${n.from} から作ったオフラインキットです。その後サーバー証明書が更新されていれば、キットを作り直してください。`;
      case 'kit-build-unknown':
        return 'キットにサーバービルドが記録されていません。DatFHS DLL の要否に関わるため、サーバーで確認して入力してください。';
      case 'source-names-no-server':
        return n.agent
          ? `ローカルフォルダーのファイルは、どのサーバのものかを示しません。このエージェントの接続先サーバ ${n.agent} のものか確かめてください（証明書の SHA-1 拇印を ${n.agent} の証明書の拇印と比べてください）。`
          : 'ローカルフォルダーのファイルは、どのサーバのものかを示しません。このエージェントにも接続先サーバが登録されていません。本来の接続先サーバのものか確かめてください。';
      case 'other-server-allowed':
        return n.unknown
          ? `${n.source} が${n.agent ? ` ${n.agent} ` : 'このエージェントの接続先サーバ'}と同じか判断できませんでしたが、確認のうえ使用します。`
          : `ファイルは ${n.source} のものですが、このエージェントの接続先サーバは ${n.agent} です。確認のうえ使用するため、エージェントは ${n.source} の証明書を信頼することになります。`;
      case 'certificate-expired':
        return `サーバー証明書は ${n.notAfter.slice(0, 10)} に期限が切れています。エージェントに設定しても解決しません。先にサーバーで更新してください（または最新の証明書を取得してください）。`;
      case 'certificate-expiring':
        return `サーバー証明書はあと ${n.days} 日で期限が切れます（${n.notAfter.slice(0, 10)}）。`;
    }
  },
  service: { running: '実行中', stopped: '停止', missing: '未インストール', unknown: '状態を読み取れません' },
  certificateProblem: { empty: 'ファイルが空です', 'not-certificate': 'X.509 証明書（DER・PEM）ではありません', 'too-large': '1 MiB を超えていて証明書としては大きすぎるため、読み込んでいません' },
  kitProblem: {
    'not-json': 'JSON として読めません',
    unreadable: '読み取れません',
    'not-object': 'JSON オブジェクトではありません',
    'not-a-kit': 'apex-cert-fix のキットのマニフェストではありません',
    'too-large': 'キットのマニフェストとしては大きすぎます',
    'bad-field': '項目が欠けているか、型や値が正しくありません',
  },
  listProblem: { 'no-list': '一覧ファイルが作成されていません', 'empty-list': '一覧ファイルが空です', 'bad-list': '一覧ファイルが CSV として読めません' },
  reportNotSaved(folder: string, reason: string): string {
    return `${folder} に保存できませんでした（${ja.osError(reason)}）。上の結果は有効です。チケットに写し、フォルダーが存在して書き込めるか確認してください。`;
  },
  waitingService(service: string, elapsedMs: number, limitMs: number): string {
    return `${service} を開始し、動き出すのを待っています: ${Math.round(elapsedMs / 1000)} 秒 / ${Math.round(limitMs / 1000)} 秒`;
  },
  /** Another process holds this PC's repair lock: said once while this run waits for it. */
  pcBusyWaiting(holder: { pid: number; since: string } | null, limitMs: number): string {
    return `${ja.pcBusy(holder)}。終わるまで待ちます（最大 ${Math.round(limitMs / 1000)} 秒）。`;
  },
  pcBusy(holder: { pid: number; since: string } | null): string {
    return holder ? `この PC では ${hhmm(holder.since)} から別の修復が実行中です（プロセス ${holder.pid}）` : 'この PC では別の修復が実行中です';
  },
  workDirProblem: { symlink: '別の場所へのリンク（ジャンクションまたはシンボリックリンク）です', owner: '別のユーザーが所有しています', 'not-directory': 'フォルダーではありません', acl: 'アクセス許可を SYSTEM と Administrators だけに制限できませんでした' },
  waiting(elapsedMs: number, limitMs: number): string {
    return `エージェントが証明書を取り込むのを待っています: ${Math.round(elapsedMs / 1000)} 秒 / ${Math.round(limitMs / 1000)} 秒`;
  },
  osChecking(elapsedMs: number): string {
    return `Windows が署名を確認しています（${Math.floor(elapsedMs / 1000)} 秒）`;
  },
  osUnavailable: {
    missing: 'この PC に PowerShell がありません',
    blocked: 'PowerShell を起動できませんでした（AppLocker などのポリシーで禁止されている可能性があります）',
    'timed-out': 'PowerShell が 20 秒以内に応答しませんでした（閉じたネットワークでは、Windows が証明書失効リストの取得を待つことがあります）',
    failed: 'PowerShell がエラーで終了しました',
    unreadable: 'PowerShell の応答を読み取れませんでした',
    'file-unreadable': 'Windows がこのファイルの署名を読み取れませんでした',
  },
  rootsInstead(reason: OsVerdictUnavailable): string {
    return `Windows の判定が得られなかったため（${ja.osUnavailable[reason]}）、証明書チェーンは同梱のルート証明書で判定しました`;
  },
  diagnosis(before: { serial: string | null; notAfter: string | null; matchesServer: boolean; servicesDown: string[]; problem: string | null }, server: { serial: string; notAfter: string }): string {
    const agent = before.serial ? `シリアル ${before.serial}${before.notAfter ? `、有効期限 ${before.notAfter.slice(0, 10)}` : ''}` : `読み取れません（${ja.agentCertProblem(before.problem)}）`;
    const srv = `シリアル ${server.serial}、有効期限 ${server.notAfter.slice(0, 10)}`;
    if (before.matchesServer && before.servicesDown.length) return `エージェントの証明書（${agent}）はサーバーの証明書（${srv}）と同じですが、次のエージェントのサービスが動いていません: ${before.servicesDown.join('、')}。IpXfer を実行すると再起動されます。または管理者として開始してください（${before.servicesDown.map((s) => `net start ${s}`).join('、')}）。`;
    if (before.matchesServer) return `エージェントの証明書（${agent}）はサーバーの証明書（${srv}）と同じです。修復は不要です（KB 1102855 の手順は必要ありません）。コンソールにまだ表示される場合は、エージェントがその後サーバーに接続していない可能性があります。サービスを再起動するか次の更新を待ち、このサーバーに接続しているかも確認してください。`;
    const stopped = before.servicesDown.length ? `また、修復の前から次のエージェントのサービスが停止しています: ${before.servicesDown.join('、')}。` : '';
    return `エージェントの証明書（${agent}）はサーバーの証明書（${srv}）と異なります。これが KB 1102855 で修復する状態です。${stopped}`;
  },
  diagnosisShort(before: { serial: string | null; matchesServer: boolean; servicesDown: string[]; problem: string | null }): string {
    if (before.matchesServer && before.servicesDown.length) return `一致していますが、${before.servicesDown.join('、')} が動いていません。修復でエージェントのサービスを再起動します。`;
    if (before.matchesServer) return '一致しています。修復するものはありません。';
    if (!before.serial) return `エージェントの証明書を読み取れません（${ja.agentCertProblem(before.problem)}）。修復でサーバーの証明書を設定し直します（KB 1102855）。`;
    const stopped = before.servicesDown.length ? `また、修復の前から ${before.servicesDown.join('、')} が停止しています。` : '';
    return `異なっています。これが KB 1102855 で修復する状態です。${stopped}`;
  },
  autoPcc(server: string | null): string {
    return `\\\\${server ?? '<サーバー>'}\\ofcscan\\AutoPcc.exe`;
  },
  reinstall(autoPcc: string): string {
    return `IpXfer でエージェントが回復しない場合は、エージェントを再インストールしてください（KB 1102855）。エージェント自身のアンインストールプログラムでアンインストールし（サーバーに通知されます）、PC を再起動してから ${autoPcc} を実行します。`;
  },
  outcomeFor(outcome: Outcome, stage: CopyStage = 'none'): string {
    if (outcome === 'bad-input' && stage === 'removed') return '中止: コピーしたファイルは削除しました。何も実行していません。';
    if (outcome === 'bad-input' && stage === 'kept') return '中止: 何も実行していません。コピーしたファイルは作業フォルダーに残っています。';
    return ja.outcome[outcome];
  },
  workDirAfter(folder: string, removed: boolean): string {
    return removed
      ? `作業フォルダー ${folder} は削除しました。エージェントは修復済みのため、コピーはもう不要です。`
      : `作業フォルダー ${folder} は、調査と IpXfer の再実行のために残しています。対応が終わったら削除してください。`;
  },
  trainingBanner(url: string, folder: string): string {
    return `トレーニングモード（シミュレーションの PC とサーバー）。実際のセキュリティエージェントには何もしません。\nブラウザーで開いてください: ${url}\n（エージェントのアンロードパスワードは trend、USB メモリは E:\\、終了は Ctrl+C）\nこのトレーニングのフォルダー（レポート・設定）: ${folder}`;
  },
  kitResult(folder: string): string {
    return `オフラインキットを作成しました: ${folder}。修復する PC で、このフォルダー（または USB メモリのルート）をサーバーファイルの場所として指定してください。この PC では何も変更していません。`;
  },
  daysLeft(days: number): string {
    return days < 0 ? `${-days} 日前に期限切れ` : `残り ${days} 日`;
  },
  demoTemplate(): string {
    return 'これはトレーニングモードのひな形で、対応付けているフォルダー（server/...、pc/...、usb）は、これから作ったトレーニング用の環境にしかありません。「npm run demo」（ウィザード。--simulate resources/demo/profile.json も可）または「npm run demo:cli」（この CLI）を実行してください。どちらも一時フォルダーに新しい環境を作り、--simulate に指定する profile.json を表示します';
  },
  ticket(f: TicketFacts): string {
    const parts: string[] = [];
    const agent = f.agent
      ? `Apex One セキュリティエージェント ${[f.agent.programVersion, f.agent.build !== null ? `ビルド ${f.agent.build}` : null].filter(Boolean).join(' ') || '（バージョン不明）'}${f.agent.server ? `（接続先 ${f.agent.server}）` : ''}`
      : 'セキュリティエージェントなし';
    parts.push(`${f.hostname}（Windows ${f.arch ?? '不明'}）、${agent}。`);
    if (f.source) parts.push(`サーバーファイル: ${f.source}。`);
    const c = f.certificate;
    if (c) {
      const serial = (v: string | null) => v ?? '読み取れません';
      if (!c.ran) parts.push(`エージェントの証明書: シリアル ${serial(c.before)}${c.afterIsServer ? '（すでにサーバーの証明書）' : c.server ? `（サーバー: ${c.server}）` : ''}。`);
      else parts.push(`エージェントの証明書: シリアル ${serial(c.before)} → ${serial(c.after)}${c.afterIsServer ? '（サーバーの証明書）' : c.server ? `（サーバー: ${c.server}）` : ''}。`);
    }
    parts.push(`結果${f.at ? `（${f.at}）` : ''}: ${f.outcome}${f.errorCode ? `［${f.errorCode}］` : ''}`);
    parts.push(f.report ? `レポート: ${f.report}` : f.reportError ? `レポート: ${f.reportError.folder} に保存できませんでした（${ja.osError(f.reportError.reason)}）。` : 'レポート: なし（IpXfer を実行する前に止まったため、この PC にはレポートを作成していません）。');
    return parts.join('');
  },
  quote(lines: readonly string[]): string {
    return lines.length ? `IpXfer の出力: ${lines.map((l) => `「${l}」`).join(' / ')}。` : '';
  },
  servicesDown(services: readonly string[]): string {
    if (!services.length) return '';
    return `次のエージェントのサービスが動いていません: ${services.join('、')}。管理者として開始するか（${services.map((s) => `net start ${s}`).join('、')}）、PC を再起動してください。`;
  },
  operation: { detect: 'この PC の確認', source: 'サーバーファイルの確認', collect: 'ファイルのコピー', run: 'IpXfer の実行', repair: '修復（コピー、確認、IpXfer の実行、エージェントの確認）', verify: 'エージェントの確認', services: 'エージェントのサービスの開始', kit: 'オフラインキットの作成', agents: 'エージェント一覧の取得' },
  osError(code: string): string {
    const words: Record<string, string> = { EACCES: 'アクセスが拒否されました', EPERM: '許可されていません', ENOENT: '見つかりません', EBUSY: '使用中です', ENOSPC: 'ディスクがいっぱいです', EEXIST: 'すでにあります', EROFS: '読み取り専用です' };
    return words[code] ? `${words[code]}、${code}` : code;
  },
  agentCertProblem(p: string | null): string {
    if (p === 'not-a-certificate') return ja.certificateProblem['not-certificate'];
    if (p === 'too-large') return ja.certificateProblem['too-large'];
    if (p === 'ENOENT') return 'ファイルがありません';
    if (p === 'unreachable' || p === 'mapped-drive') return ja.tried[p];
    return p ?? '不明';
  },
  step: { source: 'サーバーファイルの確認', collect: 'ファイルのコピー', run: 'IpXfer の実行', verify: 'エージェントの確認' },
  publisherBadge: {
    trusted: 'Trend Micro, Inc. の署名あり',
    unsigned: '署名なし',
    tampered: '署名後に変更あり',
    'other-signer': '別の発行元の署名',
    'untrusted-root': '信頼できない証明書チェーン',
    expired: '証明書の期限切れ',
    'not-code-signing': 'コード署名用でない証明書',
    damaged: '破損',
    'file-too-large': '大きすぎて確認不可',
    'not-a-file': '通常のファイル以外',
  },
  publisher: {
    trusted: 'Trend Micro, Inc. の署名あり',
    unsigned: '署名されていません',
    tampered: '署名後に変更されています',
    'other-signer': '別の発行元の署名です',
    'untrusted-root': '署名されていますが、証明書チェーンが信頼できるルート証明書につながりません',
    expired: '期限切れの証明書で署名されており、有効期間内に署名されたことを示す信頼できるタイムスタンプがありません',
    'not-code-signing': 'コード署名用ではない証明書で署名されています',
    damaged: '壊れています（署名を読めません。コピーが途中で切れている可能性があります）',
    'file-too-large': '2 GiB 以上あり、IpXfer よりはるかに大きいため確認していません',
    'not-a-file': '通常のファイルではないため確認していません',
  },
  check(c: Check): string {
    switch (c.name) {
      case 'agent-certificate':
        if (c.result === 'pass') return `エージェントの証明書 ${c.path} はサーバーのものと一致（SHA-256 ${c.expectedSha256.slice(0, 16)}…）`;
        if (c.result === 'fail') return `エージェントの証明書 ${c.path} はサーバーのものと不一致（エージェント側シリアル ${c.actualSerial ?? '読めません'}）`;
        return `エージェントの証明書 ${c.path} を読めません（${ja.agentCertProblem(c.problem)}）`;
      case 'service':
        return `サービス ${c.service}: ${ja.service[c.state]}`;
      case 'agent-server':
        return `エージェントの接続先サーバー: ${c.registryServer ?? '（未設定）'}`;
      case 'exit-code':
        return `IpXfer の終了コード: ${c.exitCode ?? '（なし）'}${c.result === 'warn' ? '（0 ではありません。判定は証明書で行います）' : ''}`;
    }
  },
  verdict: {
    fixed: '修復済み: エージェントはサーバーの証明書を持っています。',
    'not-fixed': '未修復: エージェントの証明書はまだ別のものです。',
    unknown: '確認できませんでした。',
  },
  outcomeTitle: {
    fixed: '修復済み',
    'already-fixed': '修復不要',
    failed: '未修復',
    'not-verified': '修復を確認できず',
    timeout: '中止: IpXfer の時間切れ',
    cancelled: '取り消し',
    'bad-input': '中止',
    environment: '中止: この PC の準備が未完了',
    ready: '準備完了',
  },
  outcome: {
    ready: '準備完了: まだ何も変更していません。',
    fixed: '修復しました。',
    'already-fixed': '修復は不要です: このエージェントはすでにサーバーの証明書を持っています。IpXfer は実行していません。',
    failed: '修復できませんでした。',
    'not-verified': 'IpXfer は終了しましたが、修復を確認できませんでした。',
    'bad-input': '中止: 入力を直してください。何もコピー・実行していません。',
    environment: '中止: この PC の準備ができていません。何もコピー・実行していません。',
    timeout: '中止: IpXfer の実行に時間がかかりすぎました。',
    cancelled: '取り消しました。',
  },
  label: {
    computer: 'コンピューター',
    arch: 'Windows のビット数',
    elevated: '管理者権限',
    yes: 'あり',
    no: 'なし',
    agent: 'エージェント',
    agentNone: '未インストール',
    agentServer: '接続先',
    build: 'ビルド',
    source: 'サーバーファイル',
    tried: '確認した場所',
    serverBuild: 'サーバービルド',
    unknown: '不明',
    evidence: '根拠',
    certificate: 'サーバー証明書',
    serial: 'シリアル',
    thumbprint: 'SHA-1 拇印',
    validUntil: '有効期限',
    expired: '期限切れ',
    plan: 'コピーするファイル',
    notes: '注意',
    workDir: '作業フォルダー',
    command: 'コマンド',
    exitCode: '終了コード',
    duration: '所要時間',
    output: 'IpXfer の出力',
    outputCut: (lines: number, total: number, chars: number) => `（全 ${total} 行のうち中間の ${lines} 行・${chars} 文字を省略）`,
    endedAbnormally: (how: string) => `異常終了（${how}）`,
    outputHeldOpen: '終了しましたが、起動したプログラムが出力を開いたままだったため、数秒後に読み取りを打ち切りました。',
    stillRunning: '終了後も実行中（このプログラムが起動したもの）',
    checks: '確認結果',
    outcome: '結果',
    report: 'レポート',
    simulated: 'トレーニングモード（シミュレーションの PC）',
    progress: 'コピー中',
    kit: 'オフラインキットを作成しました',
    agents: '証明書が一致しないエージェント',
    renewed: 'サーバー証明書は発行から 90 日以内です。証明書の更新がこの一覧の主な原因です。エージェントに新しい証明書を設定する（IpXfer）か、再インストールしてください。',
    listFile: '一覧ファイル',
    publisher: '発行元',
    notPe: 'Windows のプログラム（PE）ファイルではありません',
    publisherOverride: 'Trend Micro の署名を確認できないまま、利用者の確認により実行しました。',
    judgedBy: { windows: '証明書チェーンは Windows が判定', roots: '証明書チェーンは同梱のルート証明書で判定' },
    chain: '証明書チェーン',
    chainIssuerMissing: '発行者の証明書が署名に含まれていません',
    signedAt: '署名日時（タイムスタンプ）',
    running: '実行中',
    relaunchFailed: '管理者として再起動できませんでした。アプリを閉じ、右クリックして「管理者として実行」を選んでください。',
    dataFallback: (tried, used) => `USB メモリに書き込めません（${tried}）。設定とレポートは代わりにこの PC の ${used} に保存します。`,
    dataTitle: (used) => `レポートの保存先: ${used}`,
    title: 'Apex One 証明書修復',
    mode: { fix: '修復', inspect: '確認（変更なし）', kit: 'オフラインキット' },
    filesCopied: 'コピーしたファイル',
    filesNotCopied: '修復でコピーするファイル（コピーしていません）',
    time: '日時',
    ticket: 'チケット用の要約',
  },
};

/** Japanese: every error code's text. */
export const jaErrors: ErrorTexts = {
  // (d) is the error's own facts: each entry gets exactly its code's fields.
  'source-empty': (d) => 'サーバーファイルの場所を入力してください（例: \\\\server、\\\\server\\ofcscan、サーバーの Apex One フォルダー、オフラインキット）。',
  'source-not-found': (d) => `「${d.input}」に Apex One サーバーのファイル（PCCSRV）が見つかりません。確認した場所:${list(d.tried, ja.tried)}\nサーバー名と、エクスプローラーで共有を開けることを確認するか、\\\\server\\c$\\...\\PCCSRV またはオフラインキットを指定してください。`,
  'source-unreadable': (d) => `${d.path} を読み取れません（${ja.osError(d.reason)}）。共有へのアクセス権を確認してください。`,
  'certificate-missing': (d) => `サーバー証明書が見つかりません: ${d.expected}。確認した場所:${list(d.tried, ja.tried)}`,
  'certificate-invalid': (d) => `${d.path} は使える証明書ではありません（${ja.certificateProblem[d.reason]}）。サーバーの PCCSRV\\Pccnt\\Common フォルダーから OfcNTCer.dat を取り直してください。`,
  'ipxfer-missing': (d) => `${d.folder} に ${d.name} がありません。ofcscan 共有からは Admin\\Utility が見えないことがあります。\\\\server\\c$\\Program Files (x86)\\Trend Micro\\Apex One\\PCCSRV を指定するか、サーバーから IpXfer フォルダーをコピーしてください。確認した場所:${list(d.tried, ja.tried)}`,
  'datfhs-missing': (d) => `サーバーはビルド ${d.build}（12526 以降）のため、IpXfer と一緒に ${d.name} が必要ですが、${d.folder} にありません。サーバーの IpXfer フォルダーからコピーしてください。ビルドが違う場合は正しいビルドを入力してください。`,
  'option-invalid': (d) => `${d.option} の値「${d.value}」は使えません（${d.expected}）。`,
  'option-unknown': (d) => `${d.option} というオプションはありません。${d.suggestion ? `${d.suggestion} のことですか？ ` : ''}オプションは --help で確認してください。`,
  'profile-invalid': (d) => `シミュレーションのプロファイル ${d.file} を使えません: ${d.problem}。`,
  'work-dir-failed': (d) => `${d.path} に作業フォルダーを作れません（${ja.osError(d.reason)}）。書き込めるローカルのフォルダーを選んでください。`,
  'copy-failed': (d) => `${d.file} をコピーできません（${ja.osError(d.reason)}）。何も実行していません。途中までのコピーは削除しました。`,
  'copy-mismatch': (d) => `${d.file} のコピーが元のファイルと一致しません。何も実行していません。コピーは削除しました。ネットワークを確認して、もう一度実行してください。`,
  'not-windows': (d) => 'このコンピューターは Windows ではありません。手順を練習するにはトレーニングモードを使ってください: --simulate <profile.json>（README を参照）。',
  'unsupported-os': (d) => 'この Windows のビット数（x86、x64、ARM64）を判定できないため、使う IpXfer を決められません。分かっている場合は --arch で指定してください。',
  'not-elevated': (d) => '管理者権限が必要です。IpXfer はエージェントの設定を書き換え、サービスを再起動します。「管理者として実行」で起動し直してください。',
  'no-agent': (d) => 'この PC には Apex One セキュリティエージェントがインストールされていないため、修復するものがありません。\\\\<サーバー>\\ofcscan\\AutoPcc.exe でエージェントをインストールしてください。',
  'ipxfer-start-failed': (d) => `IpXfer を起動できません（${ja.osError(d.reason)}）: ${d.executable}。セキュリティソフトにブロックされた可能性があります。`,
  'ipxfer-exit': (d) => `IpXfer は終了コード ${d.exitCode}${d.signal ? `（${d.signal}）` : ''} で終了し、エージェントの証明書はまだサーバーのものと一致しません。${ja.quote(d.lastLines)}アンロードパスワードが設定されている場合は、確認して再実行してください。`,
  'not-fixed': (d) => `IpXfer の実行後も、エージェントの証明書がサーバーのものと一致しません。${ja.quote(d.lastLines)}アンロードパスワードが設定されている場合は、確認して再実行してください。`,
  'not-verified': (d) => `IpXfer は終了しましたが、修復を確認できませんでした。確認結果を見てください。${ja.quote(d.lastLines)}${ja.servicesDown(d.servicesDown)}`,
  'timeout': (d) => `IpXfer が ${d.seconds} 秒以内に終わらなかったため、停止しました。${ja.servicesDown(d.servicesDown)}`,
  'cancelled': (d) => (d.ipxferStopped ? `実行を取り消し、IpXfer を停止しました。${ja.servicesDown(d.servicesDown ?? [])}` : '取り消しました。これ以上の処理は行っていません（IpXfer は実行していません）。'),
  'busy': (d) => d.running === 'pc' ? `${ja.pcBusy(d.holder ?? null)}。待機時間内に終わらなかったため、何もコピー・実行していません。終わってからもう一度実行してください。` : `お待ちください: 「${ja.operation[d.running as keyof typeof ja.operation] ?? d.running}」を実行中です。取り消すか、終わるまで待ってください。`,
  'work-dir-unsafe': (d) => `作業フォルダー ${d.path} は安全に使えません（${ja.workDirProblem[d.problem]}）。何もコピー・実行していません。管理者に削除を依頼するか、別のフォルダーを選んでください。`,
  'work-dir-unexpected': (d) => `作業フォルダー ${d.folder} に、コピーしていないファイルがあります: ${d.files.join('、')}。IpXfer の隣に置かれたプログラムは管理者権限で実行されるため、何も実行していません。最初からやり直し、管理者に連絡してください。`,
  'copy-changed': (d) => d.kit ? `キットの確認後に ${d.file} が変更されました。コピーの SHA-256 がキットのマニフェストの値と異なるため、何も実行せずにコピーを削除しました。キットに何かが書き込んでいます。USB メモリを確認してからやり直すか、サーバからキットを作り直してください。` : `${d.file} がコピーと確認の後に変更されたため、何も実行しませんでした。作業フォルダーに別の何かが書き込んでいます。最初からやり直し、繰り返す場合は管理者に連絡してください。`,
  'services-start-failed': (d) => `次のエージェントのサービスが 30 秒以内に開始しませんでした: ${d.services.join('、')}。管理者として開始するか（${d.services.map((s) => `net start ${s}`).join('、')}）、PC を再起動してください。`,
  'step-order': (d) => `先に${ja.step[d.needs]}を行ってください（${ja.step[d.step]}に必要です）。`,
  'kit-invalid': (d) => `キットの ${d.file} を使えません（${ja.kitProblem[d.problem]}${d.field ? `: ${d.field}` : ''}）。サーバーからキットを作り直してください。`,
  'kit-newer': (d) => `キット ${d.file} はこのツールより新しいバージョンで作られています（キット形式 ${d.version}、このバージョンは ${d.supported} まで）。新しいツールを使うか、このツールでキットを作り直してください。`,
  'kit-file-missing': (d) => `キットが不完全です: ${d.file} がありません。サーバーからキットを作り直してください。何もコピー・実行していません。`,
  'kit-file-changed': (d) => `キットの ${d.file} は、キット作成時のファイルと一致しません（サイズまたは SHA-256 が異なります）。このキットは使わず、サーバーから作り直してください。`,
  'certmanager-missing': (d) => `CertificateManager.exe が見つかりません。Apex One サーバー上で実行するか、--server-dir でインストールフォルダーを指定してください。確認した場所:${list(d.tried, ja.tried)}`,
  'certmanager-failed': (d) => `CertificateManager が一覧を作成しませんでした（${[d.exitCode === null ? null : `終了コード ${d.exitCode}`, ja.listProblem[d.reason as keyof typeof ja.listProblem] ?? d.reason].filter(Boolean).join('、')}）: ${d.executable}。サーバー上で管理者として実行してください。`,
  'server-mismatch': (d) =>
    d.unknown
      ? d.agent === null
        ? `ファイルの取得元は ${d.source} ですが、このエージェントには接続先サーバが登録されていない（レジストリに Server の値がない）ため、同じサーバか判断できません。何もコピー・実行していません。確かな場合は、使用を確認してください（--allow-other-server）。`
        : `ファイルの取得元 ${d.source} が、このエージェントの接続先サーバ ${d.agent} と同じか判断できません（名前を解決できませんでした）。何もコピー・実行していません。\\\\${d.agent}\\ofcscan を指定するか、同じサーバで間違いない場合は使用を確認してください（--allow-other-server）。`
      : `ファイルの取得元は ${d.source} ですが、このエージェントの接続先サーバは ${d.agent} です。このまま進めると、エージェントが別のサーバの証明書を信頼することになります。何もコピー・実行していません。\\\\${d.agent}\\ofcscan（またはそこから作ったキット）を指定してください。${d.source} で間違いない場合は、使用を確認してください（--allow-other-server）。`,
  'publisher-untrusted': (d) => `実行しませんでした: ${d.files.map((f) => `${f.name} は${ja.publisher[f.outcome as keyof typeof ja.publisher] ?? f.outcome}${f.signer ? `（${f.signer}）` : ''}`).join('、')}。信頼できる証明書チェーンで Trend Micro, Inc. の署名と確認できないプログラムは、管理者として実行しません。Apex One サーバーからファイルを取り直してください。確認済みの場合は、承知のうえで実行を選んでください（--allow-unverified-publisher）。`,
  'internal': (d) => `予期しないエラー: ${d.message}`,
};

