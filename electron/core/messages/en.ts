/** English: every text the engine says, and every error code's text. */
import type { CertificateProblem, KitProblem, TriedPlace } from '../errors.js';
import type { PlanNote, PlanReason } from '../plan.js';
import type { BuildEvidence } from '../server-build.js';
import type { Check, AgentVerdict } from '../verify.js';
import type { Outcome } from '../outcome.js';
import type { OsVerdictUnavailable, ServiceState } from '../../platform/platform.js';
import type { PublisherOutcome } from '../authenticode.js';
import type { SessionStep } from '../errors.js';
import type { FleetErrorDetails, SkipReason } from '../fleet/fleet-types.js';
import { list, type CopyStage, type ErrorTexts, type TicketFacts } from './shared.js';

/** The agent services' display names as services.msc shows them (glossary R8; older builds say "OfficeScan NT ..."). */
export const SERVICE_DISPLAY_NAMES: Record<string, string> = { tmlisten: 'Apex One NT Listener', ntrtscan: 'Apex One NT RealTime Scan' };

/** A moment as this PC's local time of day (10:42). */
function hhmm(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export const en = {
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
      case 'datfhs-beside-ipxfer':
        return `the DLL is beside IpXfer on the server: taken with it (the evidence says build ${r.build}, older than 12526, but whether that is the server's build is not confirmed)`;
    }
  },
  note(n: PlanNote): string {
    switch (n.code) {
      case 'arm64-uses-x64':
        return 'ARM64 Windows: the 64-bit (x64) files are used.';
      case 'datfhs-absent-build-unknown':
        return `The server build is unknown and ${n.name} is not there: continuing without it (it is needed from build 12526 on). If IpXfer fails, enter the server build.`;
      case 'agent-build-suggests-datfhs':
        return `This PC's agent is build ${n.build}: if the server is that new, ${n.name} is needed. Get it from the server's IpXfer folder.`;
      case 'kit':
        return `Offline kit made ${n.createdAt.slice(0, 10)} from ${n.from}: if the server's certificate has been renewed since, make a new kit.`;
      case 'kit-build-unknown':
        return 'The kit does not record the server build: check it on the server and enter it if the DatFHS DLL question matters.';
      case 'source-names-no-server':
        return n.agent
          ? `These files come from a local folder, which names no server: make sure they are from ${n.agent}, the server this agent reports to (hold the certificate's SHA-1 thumbprint against the one on ${n.agent}).`
          : 'These files come from a local folder, which names no server, and this agent names none either: make sure they are from the server it should report to.';
      case 'other-server-allowed':
        return n.unknown
          ? `Whether ${n.source} is ${n.agent ?? 'this agent\'s server'} could not be told: you confirmed using its files.`
          : `These files are from ${n.source}, but this agent reports to ${n.agent}: you confirmed using them, so the agent will trust ${n.source}'s certificate.`;
      case 'certificate-expired':
        return `The server certificate expired on ${n.notAfter.slice(0, 10)}. Giving it to the agent will not help: renew it on the server (or take the current one) first.`;
      case 'certificate-expiring':
        return `The server certificate expires in ${n.days} days (${n.notAfter.slice(0, 10)}).`;
    }
  },
  service: { running: 'running', stopped: 'stopped', missing: 'not installed', unknown: 'state could not be read' } satisfies Record<ServiceState, string>,
  certificateProblem: { empty: 'the file is empty', 'not-certificate': 'the file is not an X.509 certificate (neither DER nor PEM)', 'too-large': 'the file is larger than 1 MiB, far more than any certificate; it was not read' } satisfies Record<CertificateProblem, string>,
  kitProblem: {
    'not-json': 'not valid JSON',
    unreadable: 'it cannot be read',
    'not-object': 'not a JSON object',
    'not-a-kit': 'it is not an apex-cert-fix kit manifest',
    'too-large': 'far too large to be a kit manifest',
    'bad-field': 'a field is missing or has the wrong type or value',
  } satisfies Record<KitProblem, string>,
  listProblem: { 'no-list': 'no list file was written', 'empty-list': 'the list file is empty', 'bad-list': 'the list file is not valid CSV' },
  /** The report could not be written: the result stands, and the user must know it is missing. */
  reportNotSaved(folder: string, reason: string): string {
    return `NOT SAVED in ${folder} (${en.osError(reason)}). The result above stands; copy it into the ticket, and check that the folder exists and can be written.`;
  },
  waitingService(service: string, elapsedMs: number, limitMs: number): string {
    return `Starting ${service}, waiting for it to run: ${Math.round(elapsedMs / 1000)} s of ${Math.round(limitMs / 1000)}`;
  },
  /** Another process holds this PC's repair lock: said once while this run waits for it. */
  pcBusyWaiting(holder: { pid: number; since: string } | null, limitMs: number): string {
    return `${en.pcBusy(holder)}: waiting for it to finish (up to ${Math.round(limitMs / 1000)} s).`;
  },
  pcBusy(holder: { pid: number; since: string } | null): string {
    return holder ? `Another repair is running on this PC since ${hhmm(holder.since)}, process ${holder.pid}` : 'Another repair is running on this PC';
  },
  workDirProblem: { symlink: 'it is a link (junction or symbolic link) to another place', owner: 'it belongs to another user', 'not-directory': 'it is not a folder', acl: 'its permissions could not be limited to SYSTEM and Administrators' },
  waiting(elapsedMs: number, limitMs: number): string {
    return `Waiting for the agent to take the certificate: ${Math.round(elapsedMs / 1000)} s of ${Math.round(limitMs / 1000)}`;
  },
  /** One PowerShell call judges all programs' signatures (20 s at most): shown while it runs. */
  osChecking(elapsedMs: number): string {
    return `Windows is checking the signature (${Math.floor(elapsedMs / 1000)} s)`;
  },
  /** Why Windows gave no verdict on a signature (the built-in roots judged instead). */
  osUnavailable: {
    missing: 'PowerShell is not on this PC',
    blocked: 'PowerShell could not be started (a policy such as AppLocker may block it)',
    'timed-out': 'PowerShell gave no answer within 20 s (on a closed network Windows may wait for certificate revocation lists)',
    failed: 'PowerShell ended with an error',
    unreadable: "PowerShell's answer could not be read",
    'file-unreadable': "Windows could not read this file's signature",
  } satisfies Record<OsVerdictUnavailable, string>,
  rootsInstead(reason: OsVerdictUnavailable): string {
    return `Windows gave no verdict (${en.osUnavailable[reason]}): the chain was judged against the built-in roots instead`;
  },
  /** The diagnosis before anything is asked: the agent's certificate against the server's (KB 1102855). */
  diagnosis(before: { serial: string | null; notAfter: string | null; matchesServer: boolean; servicesDown: string[]; problem: string | null }, server: { serial: string; notAfter: string }): string {
    const agent = before.serial ? `serial ${before.serial}${before.notAfter ? `, valid until ${before.notAfter.slice(0, 10)}` : ''}` : `unreadable (${en.agentCertProblem(before.problem)})`;
    const srv = `serial ${server.serial}, valid until ${server.notAfter.slice(0, 10)}`;
    if (before.matchesServer && before.servicesDown.length) return `The agent's certificate (${agent}) is the server's (${srv}), but these agent services are not running: ${before.servicesDown.map(en.serviceLabel).join(', ')}. IpXfer restarts them; or start them as administrator (${before.servicesDown.map((s) => `net start ${s}`).join(', ')}).`;
    if (before.matchesServer) return `The agent's certificate (${agent}) is the server's (${srv}): nothing to repair. KB 1102855 is not needed. If the console still lists this agent, it may not have reported since: restart its services or wait for its next update; check also that it reports to this server.`;
    const stopped = before.servicesDown.length ? ` Also, these agent services were already stopped before the repair: ${before.servicesDown.map(en.serviceLabel).join(', ')}.` : '';
    return `The agent's certificate (${agent}) differs from the server's (${srv}): this is what KB 1102855 repairs.${stopped}`;
  },
  /** The one-sentence diagnosis the wizard shows beside the two certificates. */
  diagnosisShort(before: { serial: string | null; matchesServer: boolean; servicesDown: string[]; problem: string | null }): string {
    if (before.matchesServer && before.servicesDown.length) return `They match, but ${before.servicesDown.map(en.serviceLabel).join(', ')} is not running: the repair restarts the agent's services.`;
    if (before.matchesServer) return 'They match: nothing to repair.';
    if (!before.serial) return `The agent's certificate cannot be read (${en.agentCertProblem(before.problem)}): the repair gives it the server's again (KB 1102855).`;
    const stopped = before.servicesDown.length ? ` Also, ${before.servicesDown.map(en.serviceLabel).join(', ')} was already stopped before the repair.` : '';
    return `They differ: this is what KB 1102855 repairs.${stopped}`;
  },
  /** `\\<server>\ofcscan\AutoPcc.exe`, with the server filled in when it is known. */
  autoPcc(server: string | null): string {
    return `\\\\${server ?? '<server>'}\\ofcscan\\AutoPcc.exe`;
  },
  /** KB 1102855's fallback, with the install program of the server in use. */
  reinstall(autoPcc: string): string {
    return `If IpXfer does not recover the agent, reinstall it (KB 1102855): uninstall it with the security agent's uninstall program so the server is told, restart the PC, then run ${autoPcc}. If an uninstall password is set, the uninstall program asks for it: get it from the web console's administrator.`;
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
  /** What the training host prints at start (the browser host on a PC without Electron). */
  trainingBanner(url: string, folder: string): string {
    return `TRAINING MODE (simulated PC and server): no real security agent is touched.\nOpen in a browser: ${url}\n(the agent unload password is "trend", the USB stick is E:\\; Ctrl+C to stop)\nThis training's folder (reports, settings): ${folder}`;
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
    parts.push(`Result${f.at ? ` (${f.at})` : ''}: ${f.outcome}${f.errorCode ? ` (error code: ${f.errorCode})` : ''}`);
    parts.push(f.report ? `Report: ${f.report}` : f.reportError ? `Report: not saved in ${f.reportError.folder} (${en.osError(f.reportError.reason)}).` : 'Report: none (a repair that stops before IpXfer runs writes no report on this PC).');
    return parts.join(' ');
  },
  /** IpXfer's own last lines, quoted (decoded and masked by the runner). */
  quote(lines: readonly string[]): string {
    return lines.length ? ` IpXfer said: ${lines.map((l) => `"${l}"`).join(' / ')}.` : '';
  },
  /** KA-0006149: a stopped IpXfer can leave the agent's services stopped; say how to start them. */
  servicesDown(services: readonly string[]): string {
    if (!services.length) return '';
    return ` These agent services are not running: ${services.map(en.serviceLabel).join(', ')}. Start them as administrator (${services.map((s) => `net start ${s}`).join(', ')}) or restart the PC.`;
  },
  /** A service as services.msc names it, with its short name; an unknown one by its short name. */
  serviceLabel(service: string): string {
    const name = SERVICE_DISPLAY_NAMES[service.toLowerCase()];
    return name ? `${name} (${service})` : service;
  },
  operation: { detect: 'looking at this PC', source: 'checking the server files', collect: 'copying the files', run: 'running IpXfer', repair: 'repairing (copying, checking, running IpXfer, verifying)', verify: 'verifying the agent', services: 'starting the agent services', kit: 'making the offline kit', agents: 'listing the agents' },
  /** An OS error code (EACCES...) in words, the code kept for the helpdesk ticket. */
  osError(code: string): string {
    const words: Record<string, string> = { EACCES: 'access denied', EPERM: 'not permitted', ENOENT: 'not found', EBUSY: 'in use', ENOSPC: 'the disk is full', EEXIST: 'already exists', EROFS: 'read-only' };
    return words[code] ? `${words[code]} (${code})` : `OS error (${code})`;
  },
  /** verify.ts reports a code or an OS error code (ENOENT...). */
  agentCertProblem(p: string | null): string {
    if (p === 'not-a-certificate') return en.certificateProblem['not-certificate'];
    if (p === 'too-large') return en.certificateProblem['too-large'];
    if (p === 'ENOENT') return 'the file is missing';
    if (p === 'unreachable' || p === 'mapped-drive') return en.tried[p];
    if (p !== null && /^E[A-Z]+$/.test(p)) return en.osError(p);
    return p ?? 'unknown';
  },
  step: { source: 'check the server files', collect: 'copy the files', run: 'run IpXfer', verify: 'verify the agent' } satisfies Record<SessionStep, string>,
  /** A program's verdict in a few words (the wizard's badge beside each copied file). */
  publisherBadge: {
    trusted: 'Signed by Trend Micro, Inc.',
    unsigned: 'Not signed',
    tampered: 'Changed after signing',
    'other-signer': 'Signed by someone else',
    'untrusted-root': 'Chain not trusted',
    expired: 'Certificate expired',
    'not-code-signing': 'Not a code-signing certificate',
    damaged: 'Damaged',
    'file-too-large': 'Too large to check',
    'not-a-file': 'Not a file',
  } satisfies Record<PublisherOutcome, string>,
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
        return `Service ${en.serviceLabel(c.service)}: ${en.service[c.state]}`;
      case 'agent-server':
        return `The agent reports to server: ${c.registryServer ?? '(not set)'}`;
      case 'exit-code':
        if (c.exitCode === null) return 'IpXfer exit code: none (it ended without one; the certificate decides)';
        return `IpXfer exit code: ${c.exitCode}${c.result === 'warn' ? ' (not 0; the certificate decides)' : ''}`;
    }
  },
  verdict: {
    fixed: 'Fixed: the agent now has the server\'s certificate.',
    'not-fixed': 'Not fixed: the agent still has another certificate.',
    unknown: 'Could not be confirmed.',
  } satisfies Record<AgentVerdict, string>,
  /** An outcome as a heading (the wizard's result, what a screen reader announces). */
  outcomeTitle: {
    fixed: 'Fixed',
    'already-fixed': 'Nothing to repair',
    failed: 'Not fixed',
    'not-verified': 'Could not be confirmed',
    timeout: 'Stopped: IpXfer took too long',
    cancelled: 'Cancelled',
    'bad-input': 'Stopped',
    environment: 'Stopped: this PC is not ready',
    ready: 'Ready',
  } satisfies Record<Outcome, string>,
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
    thumbprint: 'SHA-1 thumbprint',
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
    renewed: 'The server certificate was issued less than 90 days ago: the agents in this list probably still have the previous certificate. Give them the new one (IpXfer) or reinstall them.',
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
    dataFallback: (tried: string, used: string) => `The stick cannot be written (${tried}): settings and reports are kept on this PC in ${used} instead.`,
    dataTitle: (used: string) => `reports: ${used}`,
    title: 'Apex One certificate fix',
    mode: { fix: 'repair', inspect: 'inspection (nothing changed)', kit: 'offline kit' } as Record<'fix' | 'inspect' | 'kit', string>,
    filesCopied: 'Files copied',
    filesNotCopied: 'Files a repair would copy (nothing was copied)',
    time: 'Time',
    ticket: 'Summary for the ticket',
  },
  /** What the fleet features say (summarize, the central report copy, the password file). */
  fleet: {
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
      const os = en.osError;
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
      unreadable: (reason: string) => `the file cannot be read (${en.osError(reason)})`,
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
        `The central copy of the report could not be written to ${dir} (${en.osError(reason)}). ${localSaved ? 'The result stands and the local report has it; exit code 7.' : 'The result stands, but no report was saved on this PC either: copy the result above into the ticket.'}`,
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
  },
  /** What the CLI says about its own options: their mistakes, and each option's line in --help (the usage and exit codes are hosts/cli/help.ts). */
  cli: {
    word: { command: 'command', file: 'file', extra: 'extra argument', folder: 'folder' },
    expected: {
      noPassword: 'a password is never taken on the command line: use --password-stdin or --password-file',
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
    /** Each option's line in --help (args.ts OPTIONS names them); lines break with \n. */
    option: {
      source: 'where the server files are: \\\\server, \\\\server\\ofcscan, the server\'s Apex One or\nOfficeScan folder, its PCCSRV folder, or an offline kit',
      arch: 'use this Windows bitness instead of the detected one',
      'server-build': 'the server build, when the detected one is wrong or unknown',
      'work-dir': 'where the fresh working folder is made (default: %ProgramData%\\ApexCertFix\\work;\nelsewhere than Windows, ApexCertFix in the temp folder)',
      'reports-dir': 'where reports are written (default: %ProgramData%\\ApexCertFix\\reports;\nelsewhere than Windows, ~/.apex-cert-fix/reports)',
      'password-stdin': 'read the agent unload password from the first line of standard input\n(there is no password option: it would show in the process list)',
      'password-file': 'read it from the first line of this file instead (UTF-8, or UTF-16\nwith a BOM); the file is not deleted: see docs/fleet.md',
      'report-copy': 'also write the report to this central folder (e.g. a share)',
      'allow-unverified-publisher': 'run IpXfer / DatFHS even when not signed by Trend Micro, Inc.\n(inspect: say ready although they are not)',
      'allow-other-server': 'use the files although they come from another server than the one\nthe agent reports to (or it cannot be told); recorded in the report',
      force: 'repair although the agent already holds the server\'s certificate',
      timeout: 'stop IpXfer (mismatched-agents: CertificateManager) after this long (default 300)',
      settle: 'after IpXfer, keep re-reading the agent for up to this long (default 60)',
      out: 'kit: the folder to write the kit into;\nmismatched-agents: the list as .csv or .json',
      'server-dir': 'the server\'s install or PCCSRV folder, when it is not found by itself',
      csv: 'also write the table as CSV (UTF-8 with BOM, for Excel)',
      agents: 'join with the server\'s list of mismatched agents',
      'targets-out': 'write the hosts still to repair, one a line (with --agents)',
      simulate: 'training mode: a simulated PC described by the profile',
      json: 'print the result as one JSON document on stdout (people read stderr)',
      lang: 'language of messages (default: the system\'s)',
      help: 'this help',
      version: 'the version',
    },
    /** `npm run demo:cli`: what it types into --password-stdin. */
    demoPassword: (password: string) => `(the unload password "${password}" on standard input)`,
  },
  /** The other hosts' options in their help: the training mode's browser host, and the app. */
  hostOption: {
    training: {
      simulate: 'a training profile (default: a new training world)',
      server: 'be the training server itself (the mismatched agents list)',
      port: 'the port on 127.0.0.1 (default: any free one)',
      lang: 'language (default: the system\'s)',
      world: 'the training world (default: standard)',
      fast: 'the training IpXfer ends at once (for tests)',
    },
    app: {
      lang: 'language (default: Windows\')',
      simulate: 'training mode: a simulated PC',
    },
  },
};

export type Messages = typeof en;

/** English: every error code's text. */
export const enErrors: ErrorTexts = {
  // (d) is the error's own facts: each entry gets exactly its code's fields.
  'source-empty': (d) => 'Enter where the server files are: for example \\\\server, \\\\server\\ofcscan, the server\'s Apex One folder, or an offline kit.',
  'source-not-found': (d) => `No Apex One server files (PCCSRV) were found for "${d.input}". Places checked:${list(d.tried, en.tried)}\nCheck the server name and that the share opens in Explorer. A local administrator account (LAPS or shared) usually cannot read \\\\server\\ofcscan: then use an offline kit made on the server (brought on a USB stick), or \\\\server\\c$\\...\\PCCSRV.`,
  'source-unreadable': (d) => `${d.path} could not be read (${en.osError(d.reason)}). A local administrator account (LAPS or shared) often cannot read \\\\server\\ofcscan: use an offline kit made on the server first. If you can work with a domain account, check its access to the share.`,
  'certificate-missing': (d) => `The server certificate was not found: ${d.expected}. Places checked:${list(d.tried, en.tried)}`,
  'certificate-invalid': (d) => `${d.path} is not a usable certificate (${en.certificateProblem[d.reason]}). Take OfcNTCer.dat again from the server's PCCSRV\\Pccnt\\Common folder.`,
  'ipxfer-missing': (d) => `${d.name} was not found in ${d.folder}. The ofcscan share may not show Admin\\Utility: use an offline kit (made on the server), try \\\\server\\c$\\Program Files (x86)\\Trend Micro\\Apex One\\PCCSRV, or copy the IpXfer folder from the server. Places checked:${list(d.tried, en.tried)}`,
  'datfhs-missing': (d) => `The server is build ${d.build} (12526 or later), so ${d.name} must go with IpXfer, but it is not in ${d.folder}. Copy it from the server's IpXfer folder; if the build is wrong, enter the right one.`,
  'option-invalid': (d) => `${d.option} "${d.value}" is not valid: expected ${d.expected}.`,
  'option-value-missing': (d) => `${d.option} needs a value after it. See --help for the options.`,
  'option-unknown': (d) => `There is no option ${d.option}${d.suggestion ? `: did you mean ${d.suggestion}?` : '.'} See --help for the options.`,
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
  'timeout': (d) => `IpXfer did not finish within ${d.seconds} seconds and was stopped. Stopped part-way, it may have left the agent's services stopped and the agent unregistered from the server.${en.servicesDown(d.servicesDown)} Run IpXfer again (the copies can be reused).`,
  'cancelled': (d) => (d.ipxferStopped ? `The run was cancelled and IpXfer was stopped. Stopped part-way, it may have left the agent unregistered from the server.${en.servicesDown(d.servicesDown ?? [])} Run IpXfer again.` : 'Cancelled: nothing more was done (IpXfer was not run).'),
  'busy': (d) => d.running === 'pc' ? `${en.pcBusy(d.holder ?? null)}, and it did not finish within the waiting time. Nothing was copied or run: try again when it has finished.` : `Please wait: still ${en.operation[d.running as keyof typeof en.operation] ?? d.running}. Cancel it first, or wait for it to finish.`,
  'work-dir-unsafe': (d) => `The working folder ${d.path} is not safe to use: ${en.workDirProblem[d.problem]}. Nothing was copied or run. Ask your administrator to remove it, or choose another folder.`,
  'work-dir-unexpected': (d) => `The working folder ${d.folder} holds files that were not copied there: ${d.files.join(', ')}. Nothing was run: a program placed beside IpXfer would run as administrator. Start again, and tell your administrator.`,
  'copy-changed': (d) => d.kit ? `${d.file} changed after the kit was checked: the copy's SHA-256 is not the one in the kit's manifest, so nothing was run and the copies were removed. Another program may have changed the kit's file: check the stick, then start again or make the kit again from the server.` : `The copy ${d.file} changed (or could no longer be read) after it was checked with SHA-256, so IpXfer was not run. Another program (for example security software quarantining it) may have changed or removed it. Start again; if it happens again, ask your administrator to look at this file.`,
  'server-mismatch': (d) =>
    d.unknown
      ? d.agent === null
        ? `The files come from ${d.source}, but this agent names no server (its registry has no Server value), so whether ${d.source} is its server cannot be told. Nothing was copied or run. If you are sure, confirm using its files (--allow-other-server).`
        : `Whether ${d.source} (where the files come from) is ${d.agent} (the server this agent reports to) could not be told: the name could not be resolved. Nothing was copied or run. Use \\\\${d.agent}\\ofcscan, or if you are sure it is the same server, confirm using it (--allow-other-server).`
      : `The files come from ${d.source}, but this agent reports to ${d.agent}: their certificate would make the agent trust another server. Nothing was copied or run. Use \\\\${d.agent}\\ofcscan (or a kit made from it); if ${d.source} is really meant, confirm using it (--allow-other-server).`,
  'services-start-failed': (d) => `These agent services did not start within 30 seconds: ${d.services.map(en.serviceLabel).join(', ')}. Start them as administrator (${d.services.map((s) => `net start ${s}`).join(', ')}) or restart the PC.`,
  'step-order': (d) => `Please ${en.step[d.needs]} first: it is needed to ${en.step[d.step]}.`,
  'kit-invalid': (d) => `The kit's ${d.file} is not usable (${en.kitProblem[d.problem]}${d.field ? `: ${d.field}` : ''}). Make the kit again from the server.`,
  'kit-newer': (d) => `The kit ${d.file} was made by a newer version of this tool (kit format ${d.version}; this version reads up to ${d.supported}). Use the newer tool, or make the kit again with this one.`,
  'kit-file-missing': (d) => `The kit is incomplete: ${d.file} is missing. Make the kit again from the server; nothing was copied or run.`,
  'kit-file-changed': (d) => `${d.file} in the kit is not the file the kit was made with (its size or SHA-256 differs). Do not use this kit: make it again from the server.`,
  'certmanager-missing': (d) => `CertificateManager.exe was not found. Run this on the Apex One server, or give its install folder with --server-dir. Places checked:${list(d.tried, en.tried)}`,
  'certmanager-failed': (d) => `CertificateManager did not produce the list (${[d.exitCode === null ? null : `exit code ${d.exitCode}`, en.listProblem[d.reason as keyof typeof en.listProblem] ?? en.osError(d.reason)].filter(Boolean).join(', ')}): ${d.executable}. Run it as administrator on the server.`,
  'publisher-untrusted': (d) => `Not run: ${d.files.map((f) => `${f.name} ${en.publisher[f.outcome as keyof typeof en.publisher] ?? f.outcome}${f.signer ? ` (${f.signer})` : ''}`).join('; ')}. Programs not verified as signed by Trend Micro, Inc. through a trusted certificate chain are not run as administrator. Take the files from the Apex One server itself; if you have checked them, confirm running them anyway (--allow-unverified-publisher).`,
  'internal': (d) => `Unexpected error: ${d.message}${d.at ? ` (${d.at})` : ''}`,
};

