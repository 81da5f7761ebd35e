/** Japanese: typed as `Messages`, so a text missing here does not compile. */
import type { PlanNote, PlanReason } from '../plan.js';
import type { BuildEvidence } from '../server-build.js';
import type { Check } from '../verify.js';
import type { Outcome } from '../outcome.js';
import type { FleetErrorDetails } from '../fleet/fleet-types.js';
import { list, type CopyStage, type ErrorTexts, type TicketFacts } from './shared.js';
import { SERVICE_DISPLAY_NAMES, type Messages } from './en.js';
import type { OsVerdictUnavailable } from '../../platform/platform.js';

/** A moment as this PC's local time of day (10:42). */
function hhmm(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export const ja: Messages = {
  tried: {
    'server-folder': 'PCCSRVを確認',
    kit: 'オフラインキットを確認',
    incomplete: 'PCCSRVはありますが、ファイルが足りません',
    'not-found': '見つかりません',
    'not-a-server-folder': 'フォルダはありますが、PCCSRVのファイルがありません',
    'no-access': 'アクセスが拒否されました',
    unreachable: '接続できません',
    'mapped-drive': 'このドライブ文字は、管理者として実行したプログラムからは見えません（ネットワークドライブの割り当ては引き継がれません）。\\\\サーバ名\\共有名 の形で指定してください',
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
        return `IpXferと同じフォルダに ${e.file} があります`;
      case 'datfhs-absent':
        return `${e.folder} に ${e.name} はありません`;
      case 'agent-build':
        return `このPCのエージェントはビルド ${e.build}（参考値です。サーバのビルドと異なる場合があります）`;
    }
  },
  reason(r: PlanReason): string {
    switch (r.code) {
      case 'certificate':
        return 'エージェントに設定するサーバ証明書';
      case 'ipxfer-for-arch':
        return r.arch === 'x86' ? '32ビット版Windows用のIpXfer' : r.arch === 'arm64' ? 'ARM64版Windows用のIpXfer（64ビット版を使用）' : '64ビット版Windows用のIpXfer';
      case 'datfhs-for-build':
        return `サーバのビルドが ${r.build}（12526以降）のため、IpXferと一緒に必要なDLL`;
      case 'datfhs-unknown-build':
        return 'サーバビルドは不明ですが、IpXferと同じフォルダにあるため念のためコピー';
      case 'datfhs-beside-ipxfer':
        return `サーバのIpXferと同じフォルダにあるため、一緒にコピー（ビルド ${r.build} は12526より前と読めますが、サーバのビルドと同じかは確認できていません）`;
    }
  },
  note(n: PlanNote): string {
    switch (n.code) {
      case 'arm64-uses-x64':
        return 'ARM64版Windows: 64ビット（x64）用のファイルを使います。';
      case 'datfhs-absent-build-unknown':
        return `サーバビルドが不明で、${n.name} もありません。DLLなしで続けます（DLLはビルド12526以降で必要）。IpXferが失敗する場合はサーバビルドを入力してください。`;
      case 'agent-build-suggests-datfhs':
        return `このPCのエージェントはビルド ${n.build} です。サーバも同じビルドなら ${n.name} が必要です。サーバのIpXferフォルダから取得してください。`;
      case 'kit':
        return `${n.createdAt.slice(0, 10)} に ${n.from} から作ったオフラインキットです。その後サーバ証明書が更新されていれば、キットを作り直してください。`;
      case 'kit-build-unknown':
        return 'キットにサーバのビルドが記録されていません。DatFHSのDLLが必要かどうかはビルドで決まるため、サーバでビルドを確認して入力してください。';
      case 'source-names-no-server':
        return n.agent
          ? `ローカルフォルダのファイルは、どのサーバのものかを示しません。このエージェントの接続先サーバ ${n.agent} のものか確かめてください（証明書のSHA-1拇印を ${n.agent} の証明書の拇印と比べてください）。`
          : 'ローカルフォルダのファイルは、どのサーバのものかを示しません。このエージェントにも接続先サーバが登録されていません。本来の接続先サーバのものか確かめてください。';
      case 'other-server-allowed':
        return n.unknown
          ? `${n.source} が${n.agent ? ` ${n.agent} ` : 'このエージェントの接続先サーバ'}と同じか判断できませんでしたが、確認のうえ使用します。`
          : `ファイルは ${n.source} のものですが、このエージェントの接続先サーバは ${n.agent} です。確認のうえ使用するため、エージェントは ${n.source} の証明書を信頼することになります。`;
      case 'certificate-expired':
        return `サーバ証明書の有効期限は ${n.notAfter.slice(0, 10)} に切れています。エージェントに設定しても解決しません。先にサーバで証明書を更新してください（更新済みの場合は、最新の OfcNTCer.dat を取得し直してください）。`;
      case 'certificate-expiring':
        return `サーバ証明書はあと ${n.days}日で期限が切れます（${n.notAfter.slice(0, 10)}）。`;
    }
  },
  service: { running: '実行中', stopped: '停止中', missing: '未インストール', unknown: '状態を読み取れません' },
  certificateProblem: { empty: 'ファイルが空です', 'not-certificate': 'X.509証明書（DER・PEM）ではありません', 'too-large': '1 MiBを超えていて証明書としては大きすぎるため、読み込んでいません' },
  kitProblem: {
    'not-json': 'JSONとして読めません',
    unreadable: '読み取れません',
    'not-object': 'JSONオブジェクトではありません',
    'not-a-kit': 'apex-cert-fix のキットのマニフェストではありません',
    'too-large': 'キットのマニフェストとしては大きすぎます',
    'bad-field': '項目が欠けているか、型や値が正しくありません',
  },
  listProblem: { 'no-list': '一覧ファイルが作成されていません', 'empty-list': '一覧ファイルが空です', 'bad-list': '一覧ファイルがCSVとして読めません' },
  reportNotSaved(folder: string, reason: string): string {
    return `レポートを ${folder} に保存できませんでした。${ja.osError(reason)}。上の結果はそのまま有効です。チケットに貼り付けたうえで、フォルダが存在し、書き込めるかを確認してください。`;
  },
  waitingService(service: string, elapsedMs: number, limitMs: number): string {
    return `${service} を開始し、動き出すのを待っています: ${Math.round(elapsedMs / 1000)}秒 / ${Math.round(limitMs / 1000)}秒`;
  },
  /** Another process holds this PC's repair lock: said once while this run waits for it. */
  pcBusyWaiting(holder: { pid: number; since: string } | null, limitMs: number): string {
    return `${ja.pcBusy(holder)}。終わるまで待ちます（最大 ${Math.round(limitMs / 1000)}秒）。`;
  },
  pcBusy(holder: { pid: number; since: string } | null): string {
    return holder ? `このPCでは ${hhmm(holder.since)} から別の修復が実行中です（プロセス ${holder.pid}）` : 'このPCでは別の修復が実行中です';
  },
  workDirProblem: { symlink: '別の場所へのリンク（ジャンクションまたはシンボリックリンク）です', owner: '別のユーザが所有しています', 'not-directory': 'フォルダではありません', acl: 'アクセス許可をSYSTEMとAdministratorsだけに制限できませんでした' },
  waiting(elapsedMs: number, limitMs: number): string {
    return `エージェントが証明書を読み込むのを待っています（${Math.round(elapsedMs / 1000)}秒 / ${Math.round(limitMs / 1000)}秒）`;
  },
  osChecking(elapsedMs: number): string {
    return `Windowsが署名を確認しています（${Math.floor(elapsedMs / 1000)}秒）`;
  },
  osUnavailable: {
    missing: 'このPCにPowerShellがありません',
    blocked: 'PowerShellを起動できませんでした（AppLockerなどのポリシーで禁止されている可能性があります）',
    'timed-out': 'PowerShellが20秒以内に応答しませんでした（閉じたネットワークでは、Windowsが証明書失効リストの取得を待つことがあります）',
    failed: 'PowerShellがエラーで終了しました',
    unreadable: 'PowerShellの応答を読み取れませんでした',
    'file-unreadable': 'Windowsがこのファイルの署名を読み取れませんでした',
  },
  rootsInstead(reason: OsVerdictUnavailable): string {
    return `Windowsの判定が得られなかったため（${ja.osUnavailable[reason]}）、証明書チェーンは同梱のルート証明書で判定しました`;
  },
  diagnosis(before: { serial: string | null; notAfter: string | null; matchesServer: boolean; servicesDown: string[]; problem: string | null }, server: { serial: string; notAfter: string }): string {
    const agent = before.serial ? `シリアル ${before.serial}${before.notAfter ? `、有効期限 ${before.notAfter.slice(0, 10)}` : ''}` : `読み取れません（${ja.agentCertProblem(before.problem)}）`;
    const srv = `シリアル ${server.serial}、有効期限 ${server.notAfter.slice(0, 10)}`;
    if (before.matchesServer && before.servicesDown.length) return `エージェントの証明書（${agent}）はサーバの証明書（${srv}）と一致していますが、次のエージェントのサービスが停止しています: ${before.servicesDown.map(ja.serviceLabel).join('、')}。IpXferを実行すると再起動されます。IpXferを使わずに開始するには、管理者として ${before.servicesDown.map((s) => `net start ${s}`).join(' と ')} を実行してください。`;
    if (before.matchesServer) return `エージェントの証明書（${agent}）はサーバの証明書（${srv}）と一致しています。修復は不要です。Webコンソールにまだこのエージェントが表示される場合は、その後エージェントがサーバに接続していない可能性があります。エージェントのサービスを再起動するか、次回のアップデートを待ってください。あわせて、エージェントの接続先がこのサーバかどうかを確認してください。`;
    const stopped = before.servicesDown.length ? `また、修復の前から次のエージェントのサービスが停止しています: ${before.servicesDown.map(ja.serviceLabel).join('、')}。` : '';
    return `エージェントの証明書（${agent}）はサーバの証明書（${srv}）と一致しません。KB 1102855の手順で修復する状態です。${stopped}`;
  },
  diagnosisShort(before: { serial: string | null; matchesServer: boolean; servicesDown: string[]; problem: string | null }): string {
    if (before.matchesServer && before.servicesDown.length) return `エージェントとサーバの証明書は一致していますが、次のサービスが停止しています: ${before.servicesDown.map(ja.serviceLabel).join('、')}。修復を実行すると、エージェントのサービスが再起動されます。`;
    if (before.matchesServer) return 'エージェントとサーバの証明書は一致しています。修復は不要です。';
    if (!before.serial) return `エージェントの証明書を読み取れません（${ja.agentCertProblem(before.problem)}）。修復でサーバの証明書を設定し直します（KB 1102855）。`;
    const stopped = before.servicesDown.length ? `また、修復の前から次のサービスが停止しています: ${before.servicesDown.map(ja.serviceLabel).join('、')}。` : '';
    return `エージェントの証明書がサーバの証明書と一致しません。KB 1102855の手順で修復します。${stopped}`;
  },
  autoPcc(server: string | null): string {
    return `\\\\${server ?? '<サーバ名>'}\\ofcscan\\AutoPcc.exe`;
  },
  reinstall(autoPcc: string): string {
    return `IpXferでエージェントが回復しない場合は、エージェントを再インストールしてください（KB 1102855）。セキュリティエージェントのアンインストールプログラムでアンインストールし（サーバに通知されます）、PCを再起動してから ${autoPcc} を実行します。アンインストールパスワードが設定されている場合は、アンインストール時に入力を求められます。パスワードはWebコンソールの管理者に確認してください。`;
  },
  outcomeFor(outcome: Outcome, stage: CopyStage = 'none'): string {
    if (outcome === 'bad-input' && stage === 'removed') return '中止: コピーしたファイルは削除しました。何も実行していません。';
    if (outcome === 'bad-input' && stage === 'kept') return '中止: 何も実行していません。コピーしたファイルは作業フォルダに残っています。';
    return ja.outcome[outcome];
  },
  workDirAfter(folder: string, removed: boolean): string {
    return removed
      ? `作業フォルダ ${folder} は削除しました。エージェントは修復済みのため、コピーはもう不要です。`
      : `作業フォルダ ${folder} は、調査とIpXferの再実行のために残しています。対応が終わったら削除してください。`;
  },
  trainingBanner(url: string, folder: string): string {
    return `トレーニングモード（シミュレーションのPCとサーバ）。実際のセキュリティエージェントには何もしません。\nブラウザで開いてください: ${url}\n（エージェントのアンロードパスワードは trend、USBメモリは E:\\、終了はCtrl+C）\nこのトレーニングのフォルダ（レポート・設定）: ${folder}`;
  },
  kitResult(folder: string): string {
    return `オフラインキットを作成しました: ${folder}。修復するPCで、このフォルダ（またはUSBメモリのルート）をサーバファイルの場所として指定してください。このPCでは何も変更していません。`;
  },
  daysLeft(days: number): string {
    return days < 0 ? `${-days}日前に期限切れ` : `残り ${days}日`;
  },
  demoTemplate(): string {
    return 'これはトレーニングモードのひな形です。ひな形が参照するフォルダ（server/...、pc/...、usb）は、ひな形から作ったトレーニング環境の中にしかありません。「npm run demo」（ウィザード。--simulate resources/demo/profile.json も指定可）または「npm run demo:cli」（このCLI）を実行してください。どちらも一時フォルダに新しいトレーニング環境を作り、--simulate に指定する profile.json のパスを表示します';
  },
  ticket(f: TicketFacts): string {
    const parts: string[] = [];
    const details = f.agent ? [f.agent.build !== null ? `ビルド ${f.agent.build}` : null, f.agent.server ? `接続先 ${f.agent.server}` : null].filter(Boolean).join('、') : '';
    const agent = f.agent
      ? `Apex Oneセキュリティエージェント${f.agent.programVersion ? ` ${f.agent.programVersion}` : ''}${details ? `（${details}）` : f.agent.programVersion ? '' : '（バージョン不明）'}`
      : 'セキュリティエージェントなし';
    parts.push(`${f.hostname}（Windows ${f.arch ?? '不明'}）、${agent}。`);
    if (f.source) parts.push(`サーバファイル: ${f.source}。`);
    const c = f.certificate;
    if (c) {
      const serial = (v: string | null) => v ?? '読み取れません';
      if (!c.ran) parts.push(`エージェントの証明書: シリアル ${serial(c.before)}${c.afterIsServer ? '（すでにサーバの証明書と一致）' : c.server ? `（サーバ: ${c.server}）` : ''}。`);
      else parts.push(`エージェントの証明書: シリアル ${serial(c.before)} → ${serial(c.after)}${c.afterIsServer ? '（サーバの証明書と一致）' : c.server ? `（サーバ: ${c.server}）` : ''}。`);
    }
    parts.push(`結果${f.at ? `（${f.at}）` : ''}: ${f.outcome}${f.errorCode ? `（エラーコード: ${f.errorCode}）` : ''}`);
    parts.push(f.report ? `レポート: ${f.report}` : f.reportError ? `レポート: ${f.reportError.folder} に保存できませんでした。${ja.osError(f.reportError.reason)}。` : 'レポート: なし（IpXferを実行する前に止まったため、このPCにはレポートを作成していません）。');
    return parts.join('');
  },
  quote(lines: readonly string[]): string {
    return lines.length ? `IpXferの出力: ${lines.map((l) => `「${l.replace(/[。.]$/, '')}」`).join(' / ')}。` : '';
  },
  servicesDown(services: readonly string[]): string {
    if (!services.length) return '';
    return `次のエージェントのサービスが停止しています: ${services.map(ja.serviceLabel).join('、')}。管理者として ${services.map((s) => `net start ${s}`).join(' と ')} を実行するか、PCを再起動してください。`;
  },
  /** A service as services.msc names it, with its short name (glossary R8); an unknown one by its short name. */
  serviceLabel(service: string): string {
    const name = SERVICE_DISPLAY_NAMES[service.toLowerCase()];
    return name ? `${name}（${service}）` : service;
  },
  operation: { detect: 'このPCを確認', source: 'サーバのファイルを確認', collect: 'ファイルをコピー', run: 'IpXferを実行', repair: '修復（ファイルのコピー、確認、IpXferの実行、エージェントの確認）を実行', verify: 'エージェントを確認', services: 'エージェントのサービスを開始', kit: 'オフラインキットを作成', agents: 'エージェントの一覧を取得' },
  osError(code: string): string {
    const words: Record<string, string> = { EACCES: 'アクセスが拒否されました', EPERM: '許可されていません', ENOENT: '見つかりません', EBUSY: '使用中です', ENOSPC: 'ディスクがいっぱいです', EEXIST: 'すでにあります', EROFS: '読み取り専用です' };
    return words[code] ? `${words[code]}（${code}）` : `OSのエラー（${code}）`;
  },
  agentCertProblem(p: string | null): string {
    if (p === 'not-a-certificate') return ja.certificateProblem['not-certificate'];
    if (p === 'too-large') return ja.certificateProblem['too-large'];
    if (p === 'ENOENT') return 'ファイルがありません';
    if (p === 'unreachable' || p === 'mapped-drive') return ja.tried[p];
    if (p !== null && /^E[A-Z]+$/.test(p)) return ja.osError(p);
    return p ?? '不明';
  },
  step: { source: 'サーバファイルの確認', collect: 'ファイルのコピー', run: 'IpXferの実行', verify: 'エージェントの確認' },
  publisherBadge: {
    trusted: 'Trend Micro, Inc.の署名あり',
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
    trusted: 'Trend Micro, Inc.の署名あり',
    unsigned: '署名されていません',
    tampered: '署名後に変更されています',
    'other-signer': '別の発行元の署名です',
    'untrusted-root': '署名されていますが、証明書チェーンが信頼できるルート証明書につながりません',
    expired: '期限切れの証明書で署名されており、有効期間内に署名されたことを示す信頼できるタイムスタンプがありません',
    'not-code-signing': 'コード署名用ではない証明書で署名されています',
    damaged: '壊れています（署名を読めません。コピーが途中で切れている可能性があります）',
    'file-too-large': '2 GiB以上あり、IpXferとしては大きすぎるため確認していません',
    'not-a-file': '通常のファイルではないため確認していません',
  },
  check(c: Check): string {
    switch (c.name) {
      case 'agent-certificate':
        if (c.result === 'pass') return `エージェントの証明書 ${c.path} はサーバの証明書と一致（SHA-256 ${c.expectedSha256.slice(0, 16)}…）`;
        if (c.result === 'fail') return `エージェントの証明書 ${c.path} はサーバの証明書と不一致（エージェント側シリアル ${c.actualSerial ?? '読めません'}）`;
        return `エージェントの証明書 ${c.path} を読めません（${ja.agentCertProblem(c.problem)}）`;
      case 'service':
        return `サービス ${ja.serviceLabel(c.service)}: ${ja.service[c.state]}`;
      case 'agent-server':
        return `エージェントの接続先サーバ: ${c.registryServer ?? '（未設定）'}`;
      case 'exit-code':
        if (c.exitCode === null) return 'IpXferの終了コード: なし（終了コードを返さずに終わりました。修復の判定は証明書で行います）';
        return `IpXferの終了コード: ${c.exitCode}${c.result === 'warn' ? '（0以外です。修復の判定は証明書で行います）' : ''}`;
    }
  },
  verdict: {
    fixed: '修復済み: エージェントの証明書がサーバの証明書と一致しました。',
    'not-fixed': '未修復: エージェントの証明書は、まだサーバの証明書と一致しません。',
    unknown: '修復を確認できませんでした。',
  },
  outcomeTitle: {
    fixed: '修復済み',
    'already-fixed': '修復不要',
    failed: '未修復',
    'not-verified': '修復を確認できず',
    timeout: '中止: IpXferがタイムアウト',
    cancelled: '取り消し',
    'bad-input': '中止',
    environment: '中止: このPCの準備が未完了',
    ready: '準備完了',
  },
  outcome: {
    ready: '準備完了: まだ何も変更していません。',
    fixed: '修復しました。',
    'already-fixed': '修復は不要です: このエージェントの証明書は、すでにサーバの証明書と一致しています。IpXferは実行していません。',
    failed: '修復できませんでした。',
    'not-verified': 'IpXferは終了しましたが、修復を確認できませんでした。',
    'bad-input': '中止: 入力を直してください。何もコピー・実行していません。',
    environment: '中止: このPCの準備ができていません。何もコピー・実行していません。',
    timeout: '中止: IpXferの実行に時間がかかりすぎました。',
    cancelled: '取り消しました。',
  },
  label: {
    computer: 'コンピュータ',
    arch: 'Windowsのビット数',
    elevated: '管理者権限',
    yes: 'あり',
    no: 'なし',
    agent: 'エージェント',
    agentNone: '未インストール',
    agentServer: '接続先',
    build: 'ビルド',
    source: 'サーバファイル',
    tried: '確認した場所',
    serverBuild: 'サーバビルド',
    unknown: '不明',
    evidence: '根拠',
    certificate: 'サーバ証明書',
    serial: 'シリアル',
    thumbprint: 'SHA-1拇印',
    validUntil: '有効期限',
    expired: '期限切れ',
    plan: 'コピーするファイル',
    notes: '注意',
    workDir: '作業フォルダ',
    command: 'コマンド',
    exitCode: '終了コード',
    duration: '所要時間',
    output: 'IpXferの出力',
    outputCut: (lines: number, total: number, chars: number) => `（全 ${total}行のうち中間の ${lines}行・${chars}文字を省略）`,
    endedAbnormally: (how: string) => `異常終了（${how}）`,
    outputHeldOpen: 'IpXferは終了しましたが、IpXferが起動したプログラムが出力を開いたままだったため、数秒後に出力の読み取りを打ち切りました。',
    stillRunning: 'IpXferの終了後も実行中のプログラム（IpXferが起動したもの）',
    checks: '確認結果',
    outcome: '結果',
    report: 'レポート',
    simulated: 'トレーニングモード（シミュレーションのPC）',
    progress: 'コピー中',
    kit: 'オフラインキットを作成しました',
    agents: '証明書が一致しないエージェント',
    renewed: 'サーバ証明書は発行から90日以内です。この一覧のエージェントは、更新前の証明書のままになっている可能性があります。IpXferで新しい証明書を設定するか、エージェントを再インストールしてください。',
    listFile: '一覧ファイル',
    publisher: '発行元',
    notPe: 'Windowsのプログラム（PE）ファイルではありません',
    publisherOverride: 'Trend Microの署名を確認できないまま、利用者の確認により実行しました。',
    judgedBy: { windows: '証明書チェーンはWindowsが判定', roots: '証明書チェーンは同梱のルート証明書で判定' },
    chain: '証明書チェーン',
    chainIssuerMissing: '発行者の証明書が署名に含まれていません',
    signedAt: '署名日時（タイムスタンプ）',
    running: '実行中',
    relaunchFailed: '管理者として再起動できませんでした。アプリを閉じ、右クリックして [管理者として実行] を選んでください。',
    dataFallback: (tried, used) => `USBメモリに書き込めません（${tried}）。設定とレポートは代わりにこのPCの ${used} に保存します。`,
    dataTitle: (used) => `レポートの保存先: ${used}`,
    title: 'Apex One証明書修復',
    mode: { fix: '修復', inspect: '確認（変更なし）', kit: 'オフラインキット' },
    filesCopied: 'コピーしたファイル',
    filesNotCopied: '修復でコピーするファイル（コピーしていません）',
    time: '日時',
    ticket: 'チケット用の要約',
  },
  /** What the fleet features say (summarize, the central report copy, the password file). */
  fleet: {
    skip: {
      unreadable: '読み取れません',
      'too-large': 'レポートとしては大きすぎます',
      'not-json': 'JSONとして読めません（書きかけ・破損）',
      foreign: 'apex-cert-fix のレポートではありません',
      'newer-schema': '新しいバージョンの apex-cert-fix で作られたレポートです（形式のバージョンが不明）',
      invalid: 'apex-cert-fix のレポートですが、項目が欠けているか誤っています',
      'not-a-repair': '修復（fix）のレポートではありません',
    },
    error(d: FleetErrorDetails): string {
      const os = ja.osError;
      switch (d.code) {
        case 'folder-missing':
          return `レポートのフォルダ ${d.path} がないか、接続できません。${os(d.reason)}。パスを確認してください。割り当てたドライブ文字ではなく、\\\\server\\share の形で指定してください。`;
        case 'folder-not-folder':
          return `${d.path} はファイルです。レポートを保存したフォルダを指定してください（サブフォルダも探します）。`;
        case 'list-unreadable':
          return `エージェントの一覧 ${d.path} を読み取れません。${os(d.reason)}。`;
        case 'list-no-host':
          return `エージェントの一覧 ${d.path} にホスト名の列がありません（列: ${d.headers.join('、') || 'なし'}）。「apex-cert-fix agents --out FILE.csv」で保存した一覧、CertificateManagerの一覧、または「Host Name」列のあるCSVを指定してください。`;
        case 'list-invalid':
          return `エージェントの一覧 ${d.path} は読める形式ではありません: ${d.problem}。`;
        case 'list-not-csv':
          return `エージェントの一覧 ${d.path} は${d.line === null ? '' : ` ${d.line}行目が`}正しいCSVではありません（セルの途中で引用符が閉じています）。その行を直すか、CertificateManagerまたはExcelで保存し直してください。`;
        case 'output-failed':
          return `${d.path} に書き込めませんでした。${os(d.reason)}。書き込めるフォルダを指定してください。`;
      }
    },
    passwordFile: {
      expected: '1行目がアンロードパスワードのファイル（UTF-8、またはBOM付きのUTF-8 / UTF-16）',
      missing: 'ファイルがありません',
      unreadable: (reason: string) => `ファイルを読み取れません。${ja.osError(reason)}`,
      notFile: '通常のファイルではなく、フォルダ、パイプまたはデバイスです',
      empty: '1行目が空です',
      tooLong: '1行目がアンロードパスワードとしては長すぎます（256文字以上）',
      encoding: 'UTF-8でもBOM付きのUTF-16でもありません（UTF-8または「Unicode」で保存してください）',
      both: '--password-stdin と --password-file のどちらか一方',
      stdinExpected: '標準入力の1行目にアンロードパスワード',
      stdinEmpty: '1行目が空です。アンロードパスワードなしで実行するときは --password-stdin を付けないでください',
    },
    copy: {
      saved: '集約先へのコピー',
      failed: (dir: string, reason: string, localSaved = true) =>
        `レポートのコピーを集約先 ${dir} に書き込めませんでした。${ja.osError(reason)}。${localSaved ? '結果は変わりません。このPCのレポートには記録されています（終了コード: 7）。' : '結果はそのままですが、このPCにもレポートを保存できていません。上の結果をチケットに写してください。'}`,
      notFolder: 'フォルダではありません',
    },
    summary: {
      title: (pcs: number, reports: number) => `${pcs}台のPC（${reports}件のレポートから各PCの最新）`,
      skipped: (n: number) => `読み飛ばしたファイル ${n}件:`,
      skippedMore: (n: number) => `  ... ほか ${n}件`,
      headers: ['PC', '結果', '日時', 'サーバ証明書', '実行後のエージェント証明書', 'エラーコード', 'レポート'],
      agents: (total: number, done: number, left: number) => `エージェントの一覧: ${total}台、修復済み ${done}台、未修復 ${left}台`,
      targetsWritten: (n: number, file: string) => `修復が必要な ${n}台のホスト名を ${file} に書き出しました`,
      nonAscii: (hosts: string[]) => `ASCII以外の文字を含むホスト名があります（一覧をANSIのコードページで読む配布ツールがあります）: ${hosts.join('、')}`,
      hostsSkipped: (hosts: string[]) => `エージェントの一覧の ${hosts.length}件の名前に改行などの制御文字が含まれているため、対象として書き出さずに除外しました: ${hosts.join('、')}`,
      stale: (serial: string) => `一覧のサーバ証明書（${serial}）と異なる証明書で修復したレポートは、修復済みに数えていません。`,
      none: '（レポートなし）',
      noReport: 'レポートなし',
      staleRow: '以前のサーバ証明書で修復済み',
    },
    outcome: {
      fixed: '修復済み',
      'already-fixed': '修復不要（一致済み）',
      failed: '未修復',
      'not-verified': '確認できず',
      'bad-input': '入力の誤り',
      environment: 'PCの準備不足',
      timeout: 'タイムアウト',
      cancelled: '取り消し',
      ready: '準備完了',
    },
  },
  /** What the CLI says about its own options (its help is hosts/cli/help.ts). */
  cli: {
    word: { command: 'コマンド', file: 'ファイル', extra: '余分な引数', folder: 'フォルダ' },
    expected: {
      noPassword: 'パスワードはコマンドラインに書けません。--password-stdin で標準入力から、または --password-file で渡してください',
      command: 'inspect、fix、kit、mismatched-agents、publisher または summarize',
      optionOf: (commands) => `${commands.join('、')} で使うオプションです`,
      programs: '確認するプログラムのパス（複数可）',
      quotePath: 'パスに空白がある場合は "..." で囲んでください',
      build: 'ビルド番号（例: 12526）',
      seconds: (min, max) => `${min}〜${max} の秒数`,
      kitOut: 'キットを作るフォルダ（USBメモリなど）',
      path: 'フォルダまたはファイルのパス',
      filePath: 'ファイルのパス',
      reportFolders: 'レポートのフォルダ（複数可。例: \\\\server\\ApexCertFix-reports$）',
      targetsNeedAgents: '--agents LIST と一緒に指定してください（一覧と照合して書き出します）',
    },
    option: {
      source: 'サーバファイルの場所: \\\\server、\\\\server\\ofcscan、サーバのApex One /\nOfficeScanフォルダ、そのPCCSRVフォルダ、またはオフラインキット',
      arch: '検出したビット数の代わりにこのビット数を使う',
      'server-build': 'サーバビルド（検出値が違う・不明な場合）',
      'work-dir': '新しい作業フォルダを作る場所（既定: %ProgramData%\\ApexCertFix\\work。\nWindows以外では一時フォルダの ApexCertFix）',
      'reports-dir': 'レポートの保存先（既定: %ProgramData%\\ApexCertFix\\reports。\nWindows以外では ~/.apex-cert-fix/reports）',
      'password-stdin': 'エージェントのアンロードパスワードを標準入力の1行目から読む\n（パスワードのオプションはありません: プロセス一覧に見えてしまうため）',
      'password-file': 'このファイルの1行目から読む（UTF-8、またはBOM付きUTF-16）。\nファイルは削除しません: docs/fleet.md を参照',
      'report-copy': 'レポートを集約先のフォルダ（共有フォルダなど）にも保存',
      'allow-unverified-publisher': 'Trend Micro, Inc.の署名がなくてもIpXfer / DatFHSを実行する\n（inspect: 署名がなくても準備完了とする）',
      'allow-other-server': 'エージェントの接続先とは別のサーバ（または同じか判断できないサーバ）の\nファイルでも使う（レポートに記録）',
      force: 'エージェントがすでにサーバの証明書を持っていても修復する',
      timeout: 'IpXfer（mismatched-agents ではCertificateManager）をこの秒数で停止（既定: 300）',
      settle: 'IpXferの後、エージェントを読み直す最長の秒数（既定: 60）',
      out: 'kit: キットを作るフォルダ。\nmismatched-agents: 一覧の保存先（.csv または .json）',
      'server-dir': 'サーバのインストールフォルダまたはPCCSRVフォルダ（自動で見つからない場合）',
      csv: '一覧をCSV（Excel用のBOM付きUTF-8）でも書き出す',
      agents: 'サーバの「証明書が一致しないエージェント」の一覧と照合',
      'targets-out': 'まだ修復していないホスト名を1行に1つ書き出す（--agents と一緒に）',
      simulate: 'トレーニングモード: プロファイルで表したシミュレーションのPC',
      json: '結果を1つのJSONとして標準出力に出す（人が読む出力は標準エラー）',
      lang: 'メッセージの言語（既定: システムの言語）',
      help: 'このヘルプ',
      version: 'バージョン',
    },
    demoPassword: (password) => `（アンロードパスワード「${password}」を標準入力から渡します）`,
  },
  hostOption: {
    training: {
      simulate: 'トレーニングのプロファイル（既定: 新しいトレーニング環境）',
      server: 'トレーニングのサーバとして開く（証明書が一致しないエージェントの一覧）',
      port: '127.0.0.1 のポート（既定: 空いているポート）',
      lang: '言語（既定: システムの言語）',
      world: 'トレーニング環境の種類（既定: standard）',
      fast: 'トレーニング用IpXferをすぐに終わらせる（テスト用）',
    },
    app: {
      lang: '言語（既定: Windowsの言語）',
      simulate: 'トレーニングモード: シミュレーションのPC',
    },
  },
};

/** Japanese: every error code's text. */
export const jaErrors: ErrorTexts = {
  // (d) is the error's own facts: each entry gets exactly its code's fields.
  'source-empty': (d) => 'サーバファイルの場所を入力してください（例: \\\\server、\\\\server\\ofcscan、サーバのApex Oneフォルダ、オフラインキット）。',
  'source-not-found': (d) => `「${d.input}」にApex Oneサーバのファイル（PCCSRV）が見つかりません。確認した場所:${list(d.tried, ja.tried)}\nサーバ名を確認し、エクスプローラーでこの共有を開けるか確かめてください。ローカルの管理者アカウント（LAPSなど）で作業している場合、\\\\server\\ofcscan は通常読めません。その場合はオフラインキットを使ってください（サーバで作成し、USBメモリで持ち込みます）。ほかに \\\\server\\c$\\...\\PCCSRV を指定する方法もあります。`,
  'source-unreadable': (d) => `${d.path} を読み取れません。${ja.osError(d.reason)}。ローカルの管理者アカウント（LAPSなど）では \\\\server\\ofcscan を読めないことがよくあります。まずオフラインキットを使ってください（サーバで作成します）。ドメインのアカウントで作業できる場合は、共有へのアクセス権を確認してください。`,
  'certificate-missing': (d) => `サーバ証明書が見つかりません: ${d.expected}。確認した場所:${list(d.tried, ja.tried)}`,
  'certificate-invalid': (d) => `${d.path} は使える証明書ではありません（${ja.certificateProblem[d.reason]}）。サーバの PCCSRV\\Pccnt\\Common フォルダから OfcNTCer.dat を取得し直してください。`,
  'ipxfer-missing': (d) => `${d.folder} に ${d.name} がありません。ofcscan 共有からは Admin\\Utility が見えないことがあります。オフラインキットを使うか（サーバで作成します）、\\\\server\\c$\\Program Files (x86)\\Trend Micro\\Apex One\\PCCSRV を指定するか、サーバからIpXferフォルダをコピーしてください。確認した場所:${list(d.tried, ja.tried)}`,
  'datfhs-missing': (d) => `サーバはビルド ${d.build}（12526以降）のため、IpXferと一緒に ${d.name} が必要ですが、${d.folder} にありません。サーバのIpXferフォルダからコピーしてください。ビルドが違う場合は正しいビルドを入力してください。`,
  'option-invalid': (d) => `${d.option} の値「${d.value}」は使えません（${d.expected}）。`,
  'option-value-missing': (d) => `${d.option} の後に値を指定してください。オプションは --help で確認してください。`,
  'option-unknown': (d) => `${d.option} というオプションはありません。${d.suggestion ? `${d.suggestion} のことですか？ ` : ''}オプションは --help で確認してください。`,
  'profile-invalid': (d) => `シミュレーションのプロファイル ${d.file} を使えません: ${d.problem}。`,
  'work-dir-failed': (d) => `${d.path} に作業フォルダを作れません。${ja.osError(d.reason)}。書き込めるローカルのフォルダを選んでください。`,
  'copy-failed': (d) => `${d.file} をコピーできません。${ja.osError(d.reason)}。何も実行していません。途中までのコピーは削除しました。`,
  'copy-mismatch': (d) => `${d.file} のコピーが元のファイルと一致しません。何も実行していません。コピーは削除しました。ネットワークを確認して、もう一度実行してください。`,
  'not-windows': (d) => 'このコンピュータはWindowsではありません。手順を練習するにはトレーニングモードを使ってください: --simulate <profile.json>（READMEを参照）。',
  'unsupported-os': (d) => 'このWindowsのビット数（x86、x64、ARM64）を判定できないため、使うIpXferを決められません。分かっている場合は --arch で指定してください。',
  'not-elevated': (d) => '管理者権限が必要です。IpXferはエージェントの設定を書き換え、サービスを再起動します。[管理者として実行] で起動し直してください。',
  'no-agent': (d) => 'このPCにはApex Oneセキュリティエージェントがインストールされていないため、修復するものがありません。\\\\<サーバ>\\ofcscan\\AutoPcc.exe でエージェントをインストールしてください。',
  'ipxfer-start-failed': (d) => `IpXferを起動できません: ${d.executable}。${ja.osError(d.reason)}。セキュリティソフトにブロックされた可能性があります。`,
  'ipxfer-exit': (d) => `IpXferは終了コード ${d.exitCode}${d.signal ? `（シグナル: ${d.signal}）` : ''} で終了し、エージェントの証明書はまだサーバの証明書と一致しません。${ja.quote(d.lastLines)}アンロードパスワードが設定されている場合は、パスワードが正しいか確認して再実行してください。`,
  'not-fixed': (d) => `IpXferの実行後も、エージェントの証明書がサーバの証明書と一致しません。${ja.quote(d.lastLines)}アンロードパスワードが設定されている場合は、パスワードが正しいか確認して再実行してください。`,
  'not-verified': (d) => `IpXferは終了しましたが、修復を確認できませんでした。確認結果を見てください。${ja.quote(d.lastLines)}${ja.servicesDown(d.servicesDown)}`,
  'timeout': (d) => `IpXferが ${d.seconds}秒以内に終わらなかったため、停止しました。途中で停止したため、エージェントのサービスが停止したまま、サーバへの登録が解除されたままになっている可能性があります。${ja.servicesDown(d.servicesDown)}IpXferをもう一度実行してください（コピーしたファイルはそのまま使えます）。`,
  'cancelled': (d) => (d.ipxferStopped ? `実行を取り消し、IpXferを停止しました。途中で停止したため、エージェントがサーバへの登録を解除されたままになっている可能性があります。${ja.servicesDown(d.servicesDown ?? [])}IpXferをもう一度実行してください。` : '取り消しました。これ以上の処理は行っていません（IpXferは実行していません）。'),
  'busy': (d) => d.running === 'pc' ? `${ja.pcBusy(d.holder ?? null)}。待機時間内に終わらなかったため、何もコピー・実行していません。終わってからもう一度実行してください。` : `お待ちください: ${ja.operation[d.running as keyof typeof ja.operation] ?? d.running}中です。取り消すか、終わるまで待ってください。`,
  'work-dir-unsafe': (d) => `作業フォルダ ${d.path} は安全に使えません（${ja.workDirProblem[d.problem]}）。何もコピー・実行していません。管理者に削除を依頼するか、別のフォルダを選んでください。`,
  'work-dir-unexpected': (d) => `作業フォルダ ${d.folder} に、コピーしていないファイルがあります: ${d.files.join('、')}。IpXferの隣に置かれたプログラムは管理者権限で実行されるため、何も実行していません。最初からやり直し、管理者に連絡してください。`,
  'copy-changed': (d) => d.kit ? `キットの確認後に ${d.file} が変更されました。コピーのSHA-256がキットのマニフェストの値と異なるため、何も実行せずにコピーを削除しました。ほかのプログラムがキットのファイルを変更した可能性があります。USBメモリを確認してからやり直すか、サーバからキットを作り直してください。` : `作業フォルダのコピー ${d.file} が、SHA-256で確認した後に変わっていた（または読めなくなっていた）ため、IpXferは実行していません。ほかのプログラム（セキュリティソフトの隔離など）がこのファイルを変更または削除した可能性があります。最初からやり直してください。繰り返す場合は、このファイルを調べるよう管理者に依頼してください。`,
  'services-start-failed': (d) => `次のエージェントのサービスを30秒以内に開始できませんでした: ${d.services.map(ja.serviceLabel).join('、')}。管理者として ${d.services.map((s) => `net start ${s}`).join(' と ')} を実行するか、PCを再起動してください。`,
  'step-order': (d) => `先に${ja.step[d.needs]}を行ってください（${ja.step[d.step]}に必要です）。`,
  'kit-invalid': (d) => `キットの ${d.file} を使えません（${ja.kitProblem[d.problem]}${d.field ? `: ${d.field}` : ''}）。サーバからキットを作り直してください。`,
  'kit-newer': (d) => `キット ${d.file} はこのツールより新しいバージョンで作られています（キット形式 ${d.version}、このバージョンは ${d.supported} まで）。新しいツールを使うか、このツールでキットを作り直してください。`,
  'kit-file-missing': (d) => `キットが不完全です: ${d.file} がありません。サーバからキットを作り直してください。何もコピー・実行していません。`,
  'kit-file-changed': (d) => `キットの ${d.file} は、キット作成時のファイルと一致しません（サイズまたはSHA-256が異なります）。このキットは使わず、サーバから作り直してください。`,
  'certmanager-missing': (d) => `CertificateManager.exe が見つかりません。Apex Oneサーバ上で実行するか、--server-dir でインストールフォルダを指定してください。確認した場所:${list(d.tried, ja.tried)}`,
  'certmanager-failed': (d) => `CertificateManagerが一覧を作成しませんでした（${[d.exitCode === null ? null : `終了コード ${d.exitCode}`, ja.listProblem[d.reason as keyof typeof ja.listProblem] ?? ja.osError(d.reason)].filter(Boolean).join('、')}）: ${d.executable}。サーバ上で管理者として実行してください。`,
  'server-mismatch': (d) =>
    d.unknown
      ? d.agent === null
        ? `ファイルの取得元は ${d.source} ですが、このエージェントには接続先サーバが登録されていない（レジストリに Server の値がない）ため、同じサーバか判断できません。何もコピー・実行していません。確かな場合は、使用を確認してください（--allow-other-server）。`
        : `ファイルの取得元 ${d.source} が、このエージェントの接続先サーバ ${d.agent} と同じか判断できません（名前を解決できませんでした）。何もコピー・実行していません。\\\\${d.agent}\\ofcscan を指定するか、同じサーバで間違いない場合は使用を確認してください（--allow-other-server）。`
      : `ファイルの取得元は ${d.source} ですが、このエージェントの接続先サーバは ${d.agent} です。このまま進めると、エージェントが別のサーバの証明書を信頼することになります。何もコピー・実行していません。\\\\${d.agent}\\ofcscan（またはそこから作ったキット）を指定してください。${d.source} で間違いない場合は、使用を確認してください（--allow-other-server）。`,
  'publisher-untrusted': (d) => `実行しませんでした: ${d.files.map((f) => `${f.name} は${ja.publisher[f.outcome as keyof typeof ja.publisher] ?? f.outcome}${f.signer ? `（${f.signer}）` : ''}`).join('、')}。信頼できる証明書チェーンでTrend Micro, Inc.の署名と確認できないプログラムは、管理者として実行しません。Apex Oneサーバからファイルを取得し直してください。確認済みの場合は、承知のうえで実行を選んでください（--allow-unverified-publisher）。`,
  'internal': (d) => `予期しないエラー: ${d.message}${d.at ? ` (${d.at})` : ''}`,
};

