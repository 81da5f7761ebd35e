/**
 * Everything the engine says to a person, in Japanese and English. The engine and its hosts pass
 * codes and facts around (errors.ts, plan.ts, verify.ts); only this file turns them into words.
 * `ja` is typed as `Messages`, so a text missing in one language does not compile.
 */
import type { CertificateProblem, ErrorDetails, KitProblem, TriedPlace } from './errors.js';
import type { PlanNote, PlanReason } from './plan.js';
import type { BuildEvidence } from './server-build.js';
import type { Check, Verdict } from './verify.js';
import type { Outcome } from './outcome.js';
import type { ServiceState } from '../platform/platform.js';
import type { PublisherOutcome } from './authenticode.js';
import type { SessionStep } from './errors.js';

export type Lang = 'ja' | 'en';

const list = (tried: readonly TriedPlace[], names: Record<TriedPlace['result'], string>): string =>
  tried.map((t) => `\n  - ${t.path}: ${names[t.result]}`).join('');

/** One text per error code, given exactly that code's facts: a language is a table of these. */
type ErrorTexts = { [C in ErrorDetails['code']]: (d: Extract<ErrorDetails, { code: C }>) => string };

/** Where a stop left the copies: before copying, copies removed, or copies kept (a bad-input outcome's words depend on it). */
export type CopyStage = 'none' | 'removed' | 'kept';

/** The facts of one repair a helpdesk ticket needs (ticket-summary.ts gathers them). */
export interface TicketFacts {
  hostname: string;
  arch: string | null;
  agent: { programVersion: string | null; build: number | null; server: string | null } | null;
  source: string | null;
  /** The agent's certificate serial before, and after the run (null: unreadable); `ran` false when IpXfer never ran. */
  certificate: { before: string | null; after: string | null; server: string | null; afterIsServer: boolean; ran: boolean } | null;
  outcome: string;
  errorCode: string | null;
  /** Local time with its offset, or null. */
  at: string | null;
  report: string | null;
}

const en = {
  tried: {
    'server-folder': 'PCCSRV found',
    kit: 'offline kit found',
    incomplete: 'PCCSRV found, but files are missing',
    'not-found': 'not found',
    'not-a-server-folder': 'exists, but holds no PCCSRV files',
    'no-access': 'access denied',
    unreachable: 'cannot be reached',
    'mapped-drive': 'this drive letter is not visible here (a mapped network drive is not seen by programs run as administrator): use \\\\server\\share instead',
  } satisfies Record<TriedPlace['result'], string>,
  evidence(e: BuildEvidence): string {
    switch (e.kind) {
      case 'override':
        return `Build ${e.build}: entered by you`;
      case 'pe-version':
        return `File version ${e.version} of ${e.file}: build ${e.build}`;
      case 'kit-manifest':
        return `Build ${e.build}, recorded in the kit made from ${e.from}`;
      case 'datfhs-present':
        return `${e.file} is present beside IpXfer`;
      case 'datfhs-absent':
        return `${e.name} is not in ${e.folder}`;
      case 'agent-build':
        return `This PC's agent is build ${e.build} (a hint only: it may differ from the server's)`;
    }
  },
  reason(r: PlanReason): string {
    switch (r.code) {
      case 'certificate':
        return 'the server\'s certificate, to give to the agent';
      case 'ipxfer-for-arch':
        return `IpXfer for ${r.arch === 'x86' ? '32-bit' : r.arch === 'arm64' ? 'ARM64 (runs the 64-bit one)' : '64-bit'} Windows`;
      case 'datfhs-for-build':
        return `server build ${r.build} is 12526 or later: the DLL must go with IpXfer`;
      case 'datfhs-unknown-build':
        return 'server build unknown, and the DLL is beside IpXfer: taken to be safe';
    }
  },
  note(n: PlanNote): string {
    switch (n.code) {
      case 'arm64-uses-x64':
        return 'ARM64 Windows: the 64-bit (x64) files are used.';
      case 'datfhs-present-not-needed':
        return `Build ${n.build} is older than 12526, so ${n.file} is not needed and is not copied. If the build is wrong, enter the right one.`;
      case 'datfhs-absent-build-unknown':
        return `The server build is unknown and ${n.name} is not there: continuing without it (it is needed from build 12526 on). If IpXfer fails, enter the server build.`;
      case 'agent-build-suggests-datfhs':
        return `This PC's agent is build ${n.build}: if the server is that new, ${n.name} is needed. Get it from the server's IpXfer folder.`;
      case 'kit':
        return `Offline kit made ${n.createdAt.slice(0, 10)} from ${n.from}: if the server's certificate has been renewed since, make a new kit.`;
      case 'kit-build-unknown':
        return 'The kit does not record the server build: check it on the server and enter it if the DatFHS DLL question matters.';
      case 'certificate-expired':
        return `The server certificate expired on ${n.notAfter.slice(0, 10)}. Giving it to the agent will not help: renew it on the server (or take the current one) first.`;
      case 'certificate-expiring':
        return `The server certificate expires in ${n.days} days (${n.notAfter.slice(0, 10)}).`;
    }
  },
  service: { running: 'running', stopped: 'stopped', missing: 'not installed', unknown: 'state could not be read' } satisfies Record<ServiceState, string>,
  certificateProblem: { empty: 'the file is empty', 'not-certificate': 'the file is not an X.509 certificate (neither DER nor PEM)' } satisfies Record<CertificateProblem, string>,
  kitProblem: {
    'not-json': 'not valid JSON',
    unreadable: 'it cannot be read',
    'not-object': 'not a JSON object',
    'not-a-kit': 'it is not an apex-cert-fix kit manifest',
    'too-large': 'far too large to be a kit manifest',
    'bad-field': 'a field is missing or has the wrong type or value',
  } satisfies Record<KitProblem, string>,
  listProblem: { 'no-list': 'no list file was written', 'empty-list': 'the list file is empty' },
  /** The report could not be written: the result stands, and the user must know it is missing. */
  reportNotSaved(folder: string, reason: string): string {
    return `NOT SAVED in ${folder} (${en.osError(reason)}). The result above stands; copy it into the ticket, and check that the folder exists and can be written.`;
  },
  waiting(elapsedMs: number, limitMs: number): string {
    return `Waiting for the agent to take the certificate: ${Math.round(elapsedMs / 1000)} s of ${Math.round(limitMs / 1000)}`;
  },
  /** The diagnosis before anything is asked: the agent's certificate against the server's (KB 1102855). */
  diagnosis(before: { serial: string | null; notAfter: string | null; matchesServer: boolean; servicesDown: string[]; problem: string | null }, server: { serial: string; notAfter: string }): string {
    const agent = before.serial ? `serial ${before.serial}${before.notAfter ? `, valid until ${before.notAfter.slice(0, 10)}` : ''}` : `unreadable (${en.agentCertProblem(before.problem)})`;
    const srv = `serial ${server.serial}, valid until ${server.notAfter.slice(0, 10)}`;
    if (before.matchesServer && before.servicesDown.length) return `The agent's certificate (${agent}) is the server's (${srv}), but these agent services are not running: ${before.servicesDown.join(', ')}. IpXfer restarts them; or start them as administrator (${before.servicesDown.map((s) => `net start ${s}`).join(', ')}).`;
    if (before.matchesServer) return `The agent's certificate (${agent}) is the server's (${srv}): nothing to repair. KB 1102855 is not needed. If the console still lists this agent, it may not have reported since: restart its services or wait for its next update; check also that it reports to this server.`;
    return `The agent's certificate (${agent}) differs from the server's (${srv}): this is what KB 1102855 repairs.`;
  },
  /** The one-sentence diagnosis the wizard shows beside the two certificates. */
  diagnosisShort(before: { serial: string | null; matchesServer: boolean; servicesDown: string[]; problem: string | null }): string {
    if (before.matchesServer && before.servicesDown.length) return `They match, but ${before.servicesDown.join(', ')} is not running: the repair restarts the agent's services.`;
    if (before.matchesServer) return 'They match: nothing to repair.';
    if (!before.serial) return `The agent's certificate cannot be read (${en.agentCertProblem(before.problem)}): the repair gives it the server's again (KB 1102855).`;
    return 'They differ: this is what KB 1102855 repairs.';
  },
  /** `\\<server>\ofcscan\AutoPcc.exe`, with the server filled in when it is known. */
  autoPcc(server: string | null): string {
    return `\\\\${server ?? '<server>'}\\ofcscan\\AutoPcc.exe`;
  },
  /** KB 1102855's fallback, with the install program of the server in use. */
  reinstall(autoPcc: string): string {
    return `If IpXfer does not recover the agent, reinstall it (KB 1102855): uninstall it with its own uninstall program so the server is told, restart the PC, then run ${autoPcc}.`;
  },
  /** A session's outcome in words; a bad-input stop after copying says what became of the copies. */
  outcomeFor(outcome: Outcome, stage: CopyStage = 'none'): string {
    if (outcome === 'bad-input' && stage === 'removed') return 'Stopped: the copies were removed and nothing was run.';
    if (outcome === 'bad-input' && stage === 'kept') return 'Stopped: nothing was run. The copies are kept in the working folder.';
    return en.outcome[outcome];
  },
  /** What happened to the working folder after a run. */
  workDirAfter(folder: string, removed: boolean): string {
    return removed
      ? `The working folder ${folder} was removed: the agent is fixed, so the copies are no longer needed.`
      : `The working folder ${folder} was kept, for diagnosis and for running IpXfer again. Delete it when the case is closed.`;
  },
  /** The CLI's last word on `kit`: the kit's own result. */
  kitResult(folder: string): string {
    return `Offline kit ready: ${folder}. On the PC to repair, give this folder (or the stick's root) as the source. Nothing was changed on this PC.`;
  },
  daysLeft(days: number): string {
    return days < 0 ? `expired ${-days} days ago` : days === 1 ? '1 day left' : `${days} days left`;
  },
  /** `--simulate` given the training template itself, whose folders exist only in a world made from it (a profile-invalid problem). */
  demoTemplate(): string {
    return 'it is the training mode\'s template, and the folders it maps (server/..., pc/..., usb) exist only in a training world made from it. Run "npm run demo" (the wizard, also with --simulate resources/demo/profile.json) or "npm run demo:cli" (this CLI): each makes a fresh world in the temp folder and prints the profile.json to pass to --simulate';
  },
  /** One short paragraph to paste into a helpdesk ticket. */
  ticket(f: TicketFacts): string {
    const parts: string[] = [];
    const agent = f.agent
      ? `Apex One security agent ${[f.agent.programVersion, f.agent.build !== null ? `build ${f.agent.build}` : null].filter(Boolean).join(' ') || '(version unknown)'}${f.agent.server ? `, reporting to ${f.agent.server}` : ''}`
      : 'no security agent';
    parts.push(`${f.hostname} (Windows ${f.arch ?? 'unknown'}), ${agent}.`);
    if (f.source) parts.push(`Server files: ${f.source}.`);
    const c = f.certificate;
    if (c) {
      const serial = (v: string | null) => v ?? 'unreadable';
      if (!c.ran) parts.push(`Agent certificate: serial ${serial(c.before)}${c.afterIsServer ? ' (already the server\'s)' : c.server ? ` (server: ${c.server})` : ''}.`);
      else parts.push(`Agent certificate: serial ${serial(c.before)} → ${serial(c.after)}${c.afterIsServer ? ' (the server\'s)' : c.server ? ` (server: ${c.server})` : ''}.`);
    }
    parts.push(`Result${f.at ? ` (${f.at})` : ''}: ${f.outcome}${f.errorCode ? ` [${f.errorCode}]` : ''}`);
    parts.push(f.report ? `Report: ${f.report}` : 'Report: not saved.');
    return parts.join(' ');
  },
  /** IpXfer's own last lines, quoted (decoded and masked by the runner). */
  quote(lines: readonly string[]): string {
    return lines.length ? ` IpXfer said: ${lines.map((l) => `"${l}"`).join(' / ')}.` : '';
  },
  /** KA-0006149: a stopped IpXfer can leave the agent's services stopped; say how to start them. */
  servicesDown(services: readonly string[]): string {
    if (!services.length) return '';
    return ` These agent services are not running: ${services.join(', ')}. Start them as administrator (${services.map((s) => `net start ${s}`).join(', ')}) or restart the PC.`;
  },
  operation: { detect: 'look at this PC', source: 'check the server files', collect: 'copy the files', run: 'run IpXfer', verify: 'verify the agent', services: 'start the agent services', kit: 'make the offline kit', agents: 'list the agents' },
  /** An OS error code (EACCES...) in words, the code kept for the helpdesk ticket. */
  osError(code: string): string {
    const words: Record<string, string> = { EACCES: 'access denied', EPERM: 'not permitted', ENOENT: 'not found', EBUSY: 'in use', ENOSPC: 'the disk is full', EEXIST: 'already exists', EROFS: 'read-only' };
    return words[code] ? `${words[code]}, ${code}` : code;
  },
  /** verify.ts reports a code or an OS error code (ENOENT...). */
  agentCertProblem(p: string | null): string {
    if (p === 'not-a-certificate') return en.certificateProblem['not-certificate'];
    if (p === 'ENOENT') return 'the file is missing';
    if (p === 'unreachable' || p === 'mapped-drive') return en.tried[p];
    return p ?? 'unknown';
  },
  step: { source: 'check the server files', collect: 'copy the files', run: 'run IpXfer', verify: 'verify the agent' } satisfies Record<SessionStep, string>,
  publisher: {
    trusted: 'signed by Trend Micro, Inc.',
    unsigned: 'is not signed',
    tampered: 'was changed after it was signed',
    'other-signer': 'is signed by someone else',
    'untrusted-root': 'is signed, but its certificate chain does not lead to a trusted root',
    expired: 'is signed with a certificate that had expired, and no trusted timestamp shows it was signed in time',
    'not-code-signing': 'is signed with a certificate that is not for code signing',
    damaged: 'is damaged: its signature cannot be read (the copy may be cut short)',
    'file-too-large': 'is 2 GiB or larger, far larger than IpXfer: not checked',
    'not-a-file': 'is not a regular file: not checked',
  } satisfies Record<PublisherOutcome, string>,
  check(c: Check): string {
    switch (c.name) {
      case 'agent-certificate':
        if (c.result === 'pass') return `The agent's certificate ${c.path} is the server's (SHA-256 ${c.expectedSha256.slice(0, 16)}…)`;
        if (c.result === 'fail') return `The agent's certificate ${c.path} is not the server's (agent serial ${c.actualSerial ?? 'unreadable'})`;
        return `The agent's certificate ${c.path} could not be read (${en.agentCertProblem(c.problem)})`;
      case 'service':
        return `Service ${c.service}: ${en.service[c.state]}`;
      case 'agent-server':
        return `The agent reports to server: ${c.registryServer ?? '(not set)'}`;
      case 'exit-code':
        return `IpXfer exit code: ${c.exitCode ?? '(none)'}${c.result === 'warn' ? ' (not 0; the certificate decides)' : ''}`;
    }
  },
  verdict: {
    fixed: 'Fixed: the agent now has the server\'s certificate.',
    'not-fixed': 'Not fixed: the agent still has another certificate.',
    unknown: 'Could not be confirmed.',
  } satisfies Record<Verdict, string>,
  outcome: {
    ready: 'Ready: nothing was changed.',
    fixed: 'Fixed.',
    'already-fixed': 'Nothing to repair: this agent already has the server\'s certificate. IpXfer was not run.',
    failed: 'Not fixed.',
    'not-verified': 'IpXfer finished; the fix could not be confirmed.',
    'bad-input': 'Stopped: the input needs correcting. Nothing was copied or run.',
    environment: 'Stopped: this PC is not ready. Nothing was copied or run.',
    timeout: 'Stopped: IpXfer took too long.',
    cancelled: 'Cancelled.',
  } satisfies Record<Outcome, string>,
  label: {
    computer: 'Computer',
    arch: 'Windows bitness',
    elevated: 'Administrator',
    yes: 'yes',
    no: 'no',
    agent: 'Agent',
    agentNone: 'not installed',
    agentServer: 'reports to',
    build: 'build',
    source: 'Server files',
    tried: 'Places checked',
    serverBuild: 'Server build',
    unknown: 'unknown',
    evidence: 'Evidence',
    certificate: 'Server certificate',
    serial: 'serial',
    validUntil: 'valid until',
    expired: 'EXPIRED',
    plan: 'Files to copy',
    notes: 'Notes',
    workDir: 'Working folder',
    command: 'Command',
    exitCode: 'exit code',
    duration: 'duration',
    output: 'IpXfer output',
    outputCut: (lines: number, total: number, chars: number) => `(${lines} of ${total} lines, ${chars} characters, left out in the middle)`,
    endedAbnormally: (how: string) => `ended abnormally (${how})`,
    outputHeldOpen: 'It ended, but a program it started kept its output open: reading stopped a few seconds later.',
    stillRunning: 'Still running afterwards (started by it)',
    checks: 'Checks',
    outcome: 'Result',
    report: 'Report',
    simulated: 'TRAINING MODE (simulated PC)',
    progress: 'Copying',
    kit: 'Offline kit written',
    agents: 'Agents whose certificate does not match',
    renewed: 'The server certificate was issued less than 90 days ago: a renewed certificate is the usual cause of this list. Give the agents the new one (IpXfer) or reinstall them.',
    listFile: 'List file',
    publisher: 'Publisher',
    notPe: 'not a Windows program (PE) file',
    publisherOverride: 'Run although not verified as Trend Micro\'s: the user confirmed it.',
    judgedBy: { windows: 'Chain judged by Windows', roots: 'Chain judged against the built-in roots' } as Record<'windows' | 'roots', string>,
    chain: 'Certificate chain',
    chainIssuerMissing: 'issuer not carried in the signature',
    signedAt: 'signed at (timestamp)',
    running: 'Running',
    relaunchFailed: 'Could not restart as administrator. Close the app, right-click it and choose "Run as administrator".',
    title: 'Apex One certificate fix',
    mode: { fix: 'repair', inspect: 'inspection (nothing changed)', kit: 'offline kit' } as Record<'fix' | 'inspect' | 'kit', string>,
    filesCopied: 'Files copied',
    filesNotCopied: 'Files a repair would copy (nothing was copied)',
    time: 'Time',
    ticket: 'Summary for the ticket',
  },
};

export type Messages = typeof en;

const ja: Messages = {
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
    }
  },
  note(n: PlanNote): string {
    switch (n.code) {
      case 'arm64-uses-x64':
        return 'ARM64 版 Windows: 64 ビット (x64) 用のファイルを使います。';
      case 'datfhs-present-not-needed':
        return `ビルド ${n.build} は 12526 より前のため、${n.file} は不要でコピーしません。ビルドが違う場合は正しいビルドを入力してください。`;
      case 'datfhs-absent-build-unknown':
        return `サーバービルドが不明で、${n.name} もありません。DLL なしで続けます（DLL はビルド 12526 以降で必要）。IpXfer が失敗する場合はサーバービルドを入力してください。`;
      case 'agent-build-suggests-datfhs':
        return `この PC のエージェントはビルド ${n.build} です。サーバーも同じビルドなら ${n.name} が必要です。サーバーの IpXfer フォルダーから取得してください。`;
      case 'kit':
        return `${n.createdAt.slice(0, 10)} に ${n.from} から作ったオフラインキットです。その後サーバー証明書が更新されていれば、キットを作り直してください。`;
      case 'kit-build-unknown':
        return 'キットにサーバービルドが記録されていません。DatFHS DLL の要否に関わるため、サーバーで確認して入力してください。';
      case 'certificate-expired':
        return `サーバー証明書は ${n.notAfter.slice(0, 10)} に期限が切れています。エージェントに設定しても解決しません。先にサーバーで更新してください（または最新の証明書を取得してください）。`;
      case 'certificate-expiring':
        return `サーバー証明書はあと ${n.days} 日で期限が切れます（${n.notAfter.slice(0, 10)}）。`;
    }
  },
  service: { running: '実行中', stopped: '停止', missing: '未インストール', unknown: '状態を読み取れません' },
  certificateProblem: { empty: 'ファイルが空です', 'not-certificate': 'X.509 証明書（DER・PEM）ではありません' },
  kitProblem: {
    'not-json': 'JSON として読めません',
    unreadable: '読み取れません',
    'not-object': 'JSON オブジェクトではありません',
    'not-a-kit': 'apex-cert-fix のキットのマニフェストではありません',
    'too-large': 'キットのマニフェストとしては大きすぎます',
    'bad-field': '項目が欠けているか、型や値が正しくありません',
  },
  listProblem: { 'no-list': '一覧ファイルが作成されていません', 'empty-list': '一覧ファイルが空です' },
  reportNotSaved(folder: string, reason: string): string {
    return `${folder} に保存できませんでした（${ja.osError(reason)}）。上の結果は有効です。チケットに写し、フォルダーが存在して書き込めるか確認してください。`;
  },
  waiting(elapsedMs: number, limitMs: number): string {
    return `エージェントが証明書を取り込むのを待っています: ${Math.round(elapsedMs / 1000)} 秒 / ${Math.round(limitMs / 1000)} 秒`;
  },
  diagnosis(before: { serial: string | null; notAfter: string | null; matchesServer: boolean; servicesDown: string[]; problem: string | null }, server: { serial: string; notAfter: string }): string {
    const agent = before.serial ? `シリアル ${before.serial}${before.notAfter ? `、有効期限 ${before.notAfter.slice(0, 10)}` : ''}` : `読み取れません（${ja.agentCertProblem(before.problem)}）`;
    const srv = `シリアル ${server.serial}、有効期限 ${server.notAfter.slice(0, 10)}`;
    if (before.matchesServer && before.servicesDown.length) return `エージェントの証明書（${agent}）はサーバーの証明書（${srv}）と同じですが、次のエージェントのサービスが動いていません: ${before.servicesDown.join('、')}。IpXfer を実行すると再起動されます。または管理者として開始してください（${before.servicesDown.map((s) => `net start ${s}`).join('、')}）。`;
    if (before.matchesServer) return `エージェントの証明書（${agent}）はサーバーの証明書（${srv}）と同じです。修復は不要です（KB 1102855 の手順は必要ありません）。コンソールにまだ表示される場合は、エージェントがその後サーバーに接続していない可能性があります。サービスを再起動するか次の更新を待ち、このサーバーに接続しているかも確認してください。`;
    return `エージェントの証明書（${agent}）はサーバーの証明書（${srv}）と異なります。これが KB 1102855 で修復する状態です。`;
  },
  diagnosisShort(before: { serial: string | null; matchesServer: boolean; servicesDown: string[]; problem: string | null }): string {
    if (before.matchesServer && before.servicesDown.length) return `一致していますが、${before.servicesDown.join('、')} が動いていません。修復でエージェントのサービスを再起動します。`;
    if (before.matchesServer) return '一致しています。修復するものはありません。';
    if (!before.serial) return `エージェントの証明書を読み取れません（${ja.agentCertProblem(before.problem)}）。修復でサーバーの証明書を設定し直します（KB 1102855）。`;
    return '異なっています。これが KB 1102855 で修復する状態です。';
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
    parts.push(f.report ? `レポート: ${f.report}` : 'レポート: 保存できませんでした。');
    return parts.join('');
  },
  quote(lines: readonly string[]): string {
    return lines.length ? `IpXfer の出力: ${lines.map((l) => `「${l}」`).join(' / ')}。` : '';
  },
  servicesDown(services: readonly string[]): string {
    if (!services.length) return '';
    return `次のエージェントのサービスが動いていません: ${services.join('、')}。管理者として開始するか（${services.map((s) => `net start ${s}`).join('、')}）、PC を再起動してください。`;
  },
  operation: { detect: 'この PC の確認', source: 'サーバーファイルの確認', collect: 'ファイルのコピー', run: 'IpXfer の実行', verify: 'エージェントの確認', services: 'エージェントのサービスの開始', kit: 'オフラインキットの作成', agents: 'エージェント一覧の取得' },
  osError(code: string): string {
    const words: Record<string, string> = { EACCES: 'アクセスが拒否されました', EPERM: '許可されていません', ENOENT: '見つかりません', EBUSY: '使用中です', ENOSPC: 'ディスクがいっぱいです', EEXIST: 'すでにあります', EROFS: '読み取り専用です' };
    return words[code] ? `${words[code]}、${code}` : code;
  },
  agentCertProblem(p: string | null): string {
    if (p === 'not-a-certificate') return ja.certificateProblem['not-certificate'];
    if (p === 'ENOENT') return 'ファイルがありません';
    if (p === 'unreachable' || p === 'mapped-drive') return ja.tried[p];
    return p ?? '不明';
  },
  step: { source: 'サーバーファイルの確認', collect: 'ファイルのコピー', run: 'IpXfer の実行', verify: 'エージェントの確認' },
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
    title: 'Apex One 証明書修復',
    mode: { fix: '修復', inspect: '確認（変更なし）', kit: 'オフラインキット' },
    filesCopied: 'コピーしたファイル',
    filesNotCopied: '修復でコピーするファイル（コピーしていません）',
    time: '日時',
    ticket: 'チケット用の要約',
  },
};

/** English: every error code's text. */
const enErrors: ErrorTexts = {
  // (d) is the error's own facts: each entry gets exactly its code's fields.
  'source-empty': (d) => 'Enter where the server files are: for example \\\\server, \\\\server\\ofcscan, the server\'s Apex One folder, or an offline kit.',
  'source-not-found': (d) => `No Apex One server files (PCCSRV) were found for "${d.input}". Places checked:${list(d.tried, en.tried)}\nCheck the server name and that the share opens in Explorer, or use \\\\server\\c$\\...\\PCCSRV, or an offline kit.`,
  'source-unreadable': (d) => `${d.path} could not be read (${en.osError(d.reason)}). Check your access to the share.`,
  'certificate-missing': (d) => `The server certificate was not found: ${d.expected}. Places checked:${list(d.tried, en.tried)}`,
  'certificate-invalid': (d) => `${d.path} is not a usable certificate (${en.certificateProblem[d.reason]}). Take OfcNTCer.dat again from the server's PCCSRV\\Pccnt\\Common folder.`,
  'ipxfer-missing': (d) => `${d.name} was not found in ${d.folder}. The ofcscan share may not show Admin\\Utility: try \\\\server\\c$\\Program Files (x86)\\Trend Micro\\Apex One\\PCCSRV, or copy the IpXfer folder from the server. Places checked:${list(d.tried, en.tried)}`,
  'datfhs-missing': (d) => `The server is build ${d.build} (12526 or later), so ${d.name} must go with IpXfer, but it is not in ${d.folder}. Copy it from the server's IpXfer folder; if the build is wrong, enter the right one.`,
  'option-invalid': (d) => `${d.option} "${d.value}" is not valid: expected ${d.expected}.`,
  'profile-invalid': (d) => `The simulation profile ${d.file} is not usable: ${d.problem}.`,
  'work-dir-failed': (d) => `The working folder could not be created in ${d.path} (${en.osError(d.reason)}). Choose a local folder you can write to.`,
  'copy-failed': (d) => `${d.file} could not be copied (${en.osError(d.reason)}). Nothing was run and the partial copy was removed.`,
  'copy-mismatch': (d) => `The copy of ${d.file} does not match the original. Nothing was run and the copy was removed; check the network and try again.`,
  'not-windows': (d) => 'This computer is not running Windows. To practise the procedure, use the training mode: --simulate <profile.json> (see the README).',
  'unsupported-os': (d) => 'The bitness of this Windows (x86, x64 or ARM64) could not be determined, so the right IpXfer cannot be chosen. Use --arch if you know it.',
  'not-elevated': (d) => 'Administrator rights are needed: IpXfer rewrites the agent\'s settings and restarts its services. Start the program with "Run as administrator".',
  'no-agent': (d) => 'No Apex One security agent is installed on this PC, so there is nothing to repair. Install the agent with \\\\<server>\\ofcscan\\AutoPcc.exe.',
  'ipxfer-start-failed': (d) => `IpXfer could not be started (${en.osError(d.reason)}): ${d.executable}. Security software may have blocked it.`,
  'ipxfer-exit': (d) => `IpXfer ended with code ${d.exitCode}${d.signal ? ` (${d.signal})` : ''} and the agent still does not have the server's certificate.${en.quote(d.lastLines)} If the agent has an unload password, check it and run again.`,
  'not-fixed': (d) => `After IpXfer, the agent still does not have the server's certificate.${en.quote(d.lastLines)} If the agent has an unload password, check it and run again.`,
  'not-verified': (d) => `IpXfer finished, but the repair could not be confirmed: see the checks.${en.quote(d.lastLines)}${en.servicesDown(d.servicesDown)}`,
  'timeout': (d) => `IpXfer did not finish within ${d.seconds} seconds and was stopped.${en.servicesDown(d.servicesDown)}`,
  'cancelled': (d) => `The run was cancelled and IpXfer was stopped.${en.servicesDown(d.servicesDown ?? [])}`,
  'busy': (d) => `Please wait: "${en.operation[d.running as keyof typeof en.operation] ?? d.running}" is still running. Cancel it first, or wait for it to finish.`,
  'copy-changed': (d) => `${d.file} changed after it was copied and checked, so nothing was run. Someone or something else is writing to the working folder: start again, and tell your administrator if it happens again.`,
  'services-start-failed': (d) => `These agent services did not start: ${d.services.join(', ')}. Start them as administrator (net start ${d.services[0]}) or restart the PC.`,
  'step-order': (d) => `Please ${en.step[d.needs]} first: it is needed to ${en.step[d.step]}.`,
  'kit-invalid': (d) => `The kit's ${d.file} is not usable (${en.kitProblem[d.problem]}${d.field ? `: ${d.field}` : ''}). Make the kit again from the server.`,
  'kit-newer': (d) => `The kit ${d.file} was made by a newer version of this tool (kit format ${d.version}; this version reads up to ${d.supported}). Use the newer tool, or make the kit again with this one.`,
  'kit-file-missing': (d) => `The kit is incomplete: ${d.file} is missing. Make the kit again from the server; nothing was copied or run.`,
  'kit-file-changed': (d) => `${d.file} in the kit is not the file the kit was made with (its size or SHA-256 differs). Do not use this kit: make it again from the server.`,
  'certmanager-missing': (d) => `CertificateManager.exe was not found. Run this on the Apex One server, or give its install folder with --server-dir. Places checked:${list(d.tried, en.tried)}`,
  'certmanager-failed': (d) => `CertificateManager did not produce the list (${[d.exitCode === null ? null : `exit code ${d.exitCode}`, en.listProblem[d.reason as keyof typeof en.listProblem] ?? d.reason].filter(Boolean).join(', ')}): ${d.executable}. Run it as administrator on the server.`,
  'publisher-untrusted': (d) => `Not run: ${d.files.map((f) => `${f.name} ${en.publisher[f.outcome as keyof typeof en.publisher] ?? f.outcome}${f.signer ? ` (${f.signer})` : ''}`).join('; ')}. Programs not verified as signed by Trend Micro, Inc. through a trusted certificate chain are not run as administrator. Take the files from the Apex One server itself; if you have checked them, confirm running them anyway (--allow-unverified-publisher).`,
  'internal': (d) => `Unexpected error: ${d.message}`,
};

/** Japanese: every error code's text. */
const jaErrors: ErrorTexts = {
  // (d) is the error's own facts: each entry gets exactly its code's fields.
  'source-empty': (d) => 'サーバーファイルの場所を入力してください（例: \\\\server、\\\\server\\ofcscan、サーバーの Apex One フォルダー、オフラインキット）。',
  'source-not-found': (d) => `「${d.input}」に Apex One サーバーのファイル（PCCSRV）が見つかりません。確認した場所:${list(d.tried, ja.tried)}\nサーバー名と、エクスプローラーで共有を開けることを確認するか、\\\\server\\c$\\...\\PCCSRV またはオフラインキットを指定してください。`,
  'source-unreadable': (d) => `${d.path} を読み取れません（${ja.osError(d.reason)}）。共有へのアクセス権を確認してください。`,
  'certificate-missing': (d) => `サーバー証明書が見つかりません: ${d.expected}。確認した場所:${list(d.tried, ja.tried)}`,
  'certificate-invalid': (d) => `${d.path} は使える証明書ではありません（${ja.certificateProblem[d.reason]}）。サーバーの PCCSRV\\Pccnt\\Common フォルダーから OfcNTCer.dat を取り直してください。`,
  'ipxfer-missing': (d) => `${d.folder} に ${d.name} がありません。ofcscan 共有からは Admin\\Utility が見えないことがあります。\\\\server\\c$\\Program Files (x86)\\Trend Micro\\Apex One\\PCCSRV を指定するか、サーバーから IpXfer フォルダーをコピーしてください。確認した場所:${list(d.tried, ja.tried)}`,
  'datfhs-missing': (d) => `サーバーはビルド ${d.build}（12526 以降）のため、IpXfer と一緒に ${d.name} が必要ですが、${d.folder} にありません。サーバーの IpXfer フォルダーからコピーしてください。ビルドが違う場合は正しいビルドを入力してください。`,
  'option-invalid': (d) => `${d.option} の値「${d.value}」は使えません（${d.expected}）。`,
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
  'cancelled': (d) => `実行を取り消し、IpXfer を停止しました。${ja.servicesDown(d.servicesDown ?? [])}`,
  'busy': (d) => `お待ちください: 「${ja.operation[d.running as keyof typeof ja.operation] ?? d.running}」を実行中です。取り消すか、終わるまで待ってください。`,
  'copy-changed': (d) => `${d.file} がコピーと確認の後に変更されたため、何も実行しませんでした。作業フォルダーに別の何かが書き込んでいます。最初からやり直し、繰り返す場合は管理者に連絡してください。`,
  'services-start-failed': (d) => `次のエージェントのサービスが開始しませんでした: ${d.services.join('、')}。管理者として開始するか（net start ${d.services[0]}）、PC を再起動してください。`,
  'step-order': (d) => `先に${ja.step[d.needs]}を行ってください（${ja.step[d.step]}に必要です）。`,
  'kit-invalid': (d) => `キットの ${d.file} を使えません（${ja.kitProblem[d.problem]}${d.field ? `: ${d.field}` : ''}）。サーバーからキットを作り直してください。`,
  'kit-newer': (d) => `キット ${d.file} はこのツールより新しいバージョンで作られています（キット形式 ${d.version}、このバージョンは ${d.supported} まで）。新しいツールを使うか、このツールでキットを作り直してください。`,
  'kit-file-missing': (d) => `キットが不完全です: ${d.file} がありません。サーバーからキットを作り直してください。何もコピー・実行していません。`,
  'kit-file-changed': (d) => `キットの ${d.file} は、キット作成時のファイルと一致しません（サイズまたは SHA-256 が異なります）。このキットは使わず、サーバーから作り直してください。`,
  'certmanager-missing': (d) => `CertificateManager.exe が見つかりません。Apex One サーバー上で実行するか、--server-dir でインストールフォルダーを指定してください。確認した場所:${list(d.tried, ja.tried)}`,
  'certmanager-failed': (d) => `CertificateManager が一覧を作成しませんでした（${[d.exitCode === null ? null : `終了コード ${d.exitCode}`, ja.listProblem[d.reason as keyof typeof ja.listProblem] ?? d.reason].filter(Boolean).join('、')}）: ${d.executable}。サーバー上で管理者として実行してください。`,
  'publisher-untrusted': (d) => `実行しませんでした: ${d.files.map((f) => `${f.name} は${ja.publisher[f.outcome as keyof typeof ja.publisher] ?? f.outcome}${f.signer ? `（${f.signer}）` : ''}`).join('、')}。信頼できる証明書チェーンで Trend Micro, Inc. の署名と確認できないプログラムは、管理者として実行しません。Apex One サーバーからファイルを取り直してください。確認済みの場合は、承知のうえで実行を選んでください（--allow-unverified-publisher）。`,
  'internal': (d) => `予期しないエラー: ${d.message}`,
};

export const MESSAGES: Record<Lang, Messages> = { ja, en };

/** A language's table, plus `error(d)`: the one place an error's code picks its text. */
export type WordedMessages = Messages & { error(d: ErrorDetails): string };

const ERRORS: Record<Lang, ErrorTexts> = { en: enErrors, ja: jaErrors };

function worded(lang: Lang): WordedMessages {
  const errors = ERRORS[lang] as Record<ErrorDetails['code'], (d: ErrorDetails) => string>;
  return { ...MESSAGES[lang], error: (d: ErrorDetails) => errors[d.code](d) };
}

const WORDED: Record<Lang, WordedMessages> = { en: worded('en'), ja: worded('ja') };

export function messages(lang: Lang): WordedMessages {
  return WORDED[lang];
}

/** Japanese on a Japanese OS or locale, English otherwise. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const locale = fromEnv !== '' && fromEnv !== 'C' && fromEnv !== 'POSIX' ? fromEnv : Intl.DateTimeFormat().resolvedOptions().locale;
  return /^ja/i.test(locale) ? 'ja' : 'en';
}
