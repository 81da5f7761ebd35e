/**
 * The report for a person, in the session's language: what a helpdesk ticket needs, top to bottom.
 * The lines the CLI's summary also says (the agent, the outcome, the verification) are built here
 * once, so the two never word the same fact differently.
 */
import { localTimestamp } from '../base/timestamp.js';
import { windowsThumbprint } from './certificate.js';
import { messages, type WordedMessages as Messages } from './messages.js';
import type { PublisherEntry, Report } from './report.js';
import { copyStage } from './ticket-summary.js';

type Facts = Pick<Report, 'agent' | 'mode' | 'outcome' | 'kit' | 'workDir' | 'publisher' | 'error' | 'verification'>;

/** "Agent: C:\…\OfficeScan Client (server …, build …)", or that there is none. */
export function agentLine(m: Messages, agent: { dir: string; server: string | null; build: number | null } | null): string {
  const L = m.label;
  return `${L.agent}: ${agent ? `${agent.dir} (${L.agentServer} ${agent.server ?? '-'}, ${L.build} ${agent.build ?? '-'})` : L.agentNone}`;
}

/** A kit ends with the kit's own result; a repair with its outcome, worded for where the copies are. */
export function outcomeLine(m: Messages, r: Facts): string {
  const outcome = !r.outcome
    ? '-'
    : r.mode === 'kit' && r.outcome === 'ready' && r.kit
      ? m.kitResult(r.kit.folder)
      : m.outcomeFor(r.outcome, copyStage({ workDir: r.workDir, publisher: r.publisher, errorCode: r.error?.code }));
  return `${m.label.outcome}: ${outcome}`;
}

/** The verdict, then each check with its result. */
export function verificationLines(m: Messages, r: Facts): string[] {
  if (!r.verification) return [];
  return [`${m.label.checks}: ${m.verdict[r.verification.verdict]}`, ...r.verification.checks.map((c) => `  - [${c.result}] ${c.text}`)];
}

/** The same report for a person, in the session's language: what a helpdesk ticket needs, top to bottom. */
export function reportText(r: Report): string {
  const m = messages(r.lang);
  const L = m.label;
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  line(`${L.title} — ${L.mode[r.mode]} — ${localTimestamp(new Date(r.createdAt))}`);
  if (r.platform === 'simulated') line(L.simulated);
  line(outcomeLine(m, r));
  if (r.error) line(r.error.message);
  line();
  if (r.computer) {
    line(`${L.computer}: ${r.computer.hostname}`);
    line(`${L.arch}: ${r.computer.arch ?? L.unknown}`);
    line(`${L.elevated}: ${r.computer.elevated ? L.yes : L.no}`);
  }
  line(agentLine(m, r.agent));
  const before = r.agent?.certificateBefore;
  if (before && r.certificate) {
    // Reports written before the services were recorded here (older versions, other PCs) have none.
    line(m.diagnosis({ ...before, servicesDown: before.servicesDown ?? [] }, r.certificate));
  }
  if (r.source) {
    line();
    line(`${L.source}: ${r.source.root ?? '-'}${r.source.root === r.source.input ? '' : `  (${r.source.input})`}`);
    line(`${L.tried}:`);
    for (const t of r.source.tried) line(`  - ${t.path}: ${m.tried[t.result]}`);
  }
  if (r.serverBuild) {
    line(`${L.serverBuild}: ${r.serverBuild.value ?? L.unknown}`);
    for (const e of r.serverBuild.evidence) line(`  - ${e.text}`);
  }
  if (r.certificate) {
    const c = r.certificate;
    line(`${L.certificate}: ${c.subject}, ${L.serial} ${c.serial}, ${L.validUntil} ${localTimestamp(new Date(c.notAfter))}${c.daysLeft < 0 ? ` (${L.expired})` : ''}`);
    line(`  SHA-1 ${c.sha1}`);
    line(`  ${L.thumbprint}: ${windowsThumbprint(c.sha1)}`);
    line(`  SHA-256 ${c.sha256}`);
  }
  if (r.plan) {
    const notes = () => {
      if (!r.plan!.notes.length) return;
      line(`${L.notes}:`);
      for (const n of r.plan!.notes) line(`  - ${n}`);
    };
    if (r.files.length) {
      // After copying, one list: each file with why it was taken and its checked copy.
      line();
      line(`${L.filesCopied} (${L.workDir} ${r.workDir ?? r.workDirAfter?.path ?? '-'}):`);
      for (const f of r.files) {
        const why = r.plan.files.find((p) => p.name === f.name)?.reason;
        line(`  - ${f.name}${why ? `: ${why}` : ''}`);
        line(`    ${f.size} B  SHA-256 ${f.sha256}`);
      }
    } else {
      line(`${r.outcome && r.outcome !== 'ready' ? L.filesNotCopied : L.plan}:`);
      for (const f of r.plan.files) line(`  - ${f.name}: ${f.reason}`);
    }
    notes();
  }
  if (r.publisher) {
    line(`${L.publisher}:`);
    // Who judged the chains: said once when it is the same for every program.
    const judged = (c: PublisherEntry) => `${c.osUnavailable ? m.rootsInstead(c.osUnavailable) : L.judgedBy[c.authority]}${c.osStatus ? ` (Windows: ${c.osStatus})` : ''}${c.signedAt ? `, ${L.signedAt} ${c.signedAt}` : ''}`;
    const same = new Set(r.publisher.checks.map(judged)).size === 1;
    for (const c of r.publisher.checks) {
      line(`  - ${c.name}: ${m.publisher[c.outcome as keyof typeof m.publisher] ?? c.outcome}${c.signer ? ` (${c.signer})` : ''}`);
      if (!same) line(`    ${judged(c)}`);
      if (c.chain.length) line(`    ${L.chain}:`);
      c.chain.forEach((k, n) => line(`      ${n + 1}. ${k.subject}  SHA-256 ${k.sha256}`));
      if (c.chainMissingIssuer) line(`      ${L.chainIssuerMissing}: ${c.chainMissingIssuer}`);
    }
    if (same && r.publisher.checks[0]) line(`  ${judged(r.publisher.checks[0])}`);
    if (r.publisher.override) line(`  ! ${L.publisherOverride}`);
  }
  if (r.command) line(`${L.command}: "${r.command.executable}" ${r.command.args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`);
  if (r.run) {
    const run = r.run;
    const how = run.signal ?? (run.exitCode !== null ? `0x${(run.exitCode >>> 0).toString(16).toUpperCase()}` : '-');
    line(`${L.exitCode}: ${run.exitCode ?? '-'}${run.abnormal ? `, ${L.endedAbnormally(how)}` : ''}, ${L.duration}: ${(run.durationMs / 1000).toFixed(1)} s`);
    if (run.outputHeldOpen) line(L.outputHeldOpen);
    if (run.stillRunning?.length) line(`${L.stillRunning}: ${run.stillRunning.map((p) => `${p.pid} ${p.command}`).join(', ')}`);
    line();
    line(`${L.output}:`);
    const cut = run.outputDropped;
    run.output.forEach((l, i) => {
      if (cut && i === cut.after) line(`  ${L.outputCut(cut.lines, run.outputTotalLines, cut.chars)}`);
      line(`  ${l}`);
    });
  }
  if (r.verification) {
    line();
    for (const l of verificationLines(m, r)) line(l);
  }
  if (r.workDirAfter) {
    line();
    line(m.workDirAfter(r.workDirAfter.path, r.workDirAfter.removed));
  }
  if (r.guidance) {
    line();
    line(r.guidance);
  }
  return out.join('\r\n') + '\r\n';
}
