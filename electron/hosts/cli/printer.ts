/**
 * What a person sees of a CLI run: each step's findings as it completes, IpXfer's output live,
 * and the result. It only reads session state; it decides nothing.
 */
import { oneLine } from '../../base/terminal-text.js';
import type { RepairSession } from '../../core/session/repair-session.js';
import type { KitState, MismatchedAgentsState } from '../../core/session/state.js';
import { messages, type Lang } from '../../core/messages.js';
import { windowsThumbprint } from '../../core/certificate.js';
import { describeState } from '../../core/session-text.js';
import type { Report } from '../../core/report.js';
import { ticketSummary } from '../../core/ticket-summary.js';
import { agentLine, outcomeLine, verificationLines } from '../../core/report-text.js';

export class CliPrinter {
  private readonly unsubscribe: (() => void)[] = [];
  private copied = new Set<string>();

  constructor(
    private readonly session: RepairSession,
    private readonly say: (text: string) => void,
    private readonly lang: Lang,
  ) {
    this.unsubscribe.push(session.onOutput((line) => say(`  | ${oneLine(line.text)}`)));
    this.unsubscribe.push(
      session.onState((s) => {
        const p = s.collect.progress;
        if (p && p.fileBytes === p.fileTotal && !this.copied.has(p.file)) {
          this.copied.add(p.file);
          say(`  ${this.m.label.progress}: ${p.file} (${p.fileTotal} B) ${Math.round((100 * p.bytesDone) / Math.max(1, p.bytesTotal))}%`);
        }
        // Every 10 s of one wait; a new wait (another service) is said at once.
        if (!s.waiting || (s.waiting.service ?? '') !== this.waitingFor) this.lastWaitSaid = -10_000;
        this.waitingFor = s.waiting?.service ?? '';
        // Another repair holds this PC: said when found, and again if the holder changes.
        const holderKey = s.pcBusy ? JSON.stringify(s.pcBusy.holder) : null;
        if (s.pcBusy && holderKey !== this.pcBusySaid) say(`  ${this.m.pcBusyWaiting(s.pcBusy.holder, s.pcBusy.limitMs)}`);
        this.pcBusySaid = holderKey ?? this.pcBusySaid;
        if (s.waiting && s.waiting.elapsedMs - this.lastWaitSaid >= 10_000) {
          this.lastWaitSaid = s.waiting.elapsedMs;
          const w = s.waiting;
          say(`  ${w.service ? this.m.waitingService(w.service, w.elapsedMs, w.limitMs) : this.m.waiting(w.elapsedMs, w.limitMs)}`);
        }
        if (s.running && s.busy === 'run' && !this.started) {
          this.started = true;
          const c = s.running.command;
          say(`${this.m.label.running}: "${c.executable}" ${c.args.join(' ')}`);
        }
      }),
    );
  }

  private started = false;
  private pcBusySaid: string | null = null;
  private lastWaitSaid = -10_000;
  private waitingFor = '';

  private get m() {
    return messages(this.lang);
  }

  environment(): void {
    const env = this.session.state.environment;
    const L = this.m.label;
    if (!env) return;
    if (env.platform === 'simulated') this.say(`*** ${L.simulated} ***`);
    this.say(`${L.computer}: ${env.hostname} · ${L.arch}: ${env.arch ?? L.unknown} · ${L.elevated}: ${env.elevated ? L.yes : L.no}`);
    this.say(agentLine(this.m, env.agent));
  }

  /** What the source check found, worded by the same builder as the page and the report. */
  source(): void {
    const s = this.session.state;
    const t = describeState(s, this.lang, this.session.ctx.now());
    const L = this.m.label;
    if (s.source) this.say(`${L.source}: ${s.source.root}`);
    if (s.serverBuild) {
      this.say(`${L.serverBuild}: ${s.serverBuild.value ?? L.unknown}`);
      for (const e of t.evidence) this.say(`  - ${e}`);
    }
    if (s.certificate) {
      const left = t.certificateDaysLeft ?? 0;
      this.say(`${L.certificate}: ${L.serial} ${s.certificate.serial}, ${L.validUntil} ${s.certificate.notAfter.slice(0, 10)}${left < 0 ? ` (${L.expired})` : ''}`);
      this.say(`  ${L.thumbprint}: ${windowsThumbprint(s.certificate.sha1)}`);
    }
    if (t.plan.length) {
      this.say(`${L.plan}:`);
      for (const f of t.plan) this.say(`  - ${f.name}: ${f.reason}`);
      for (const n of t.notes) this.say(`  ! ${n}`);
    }
    if (t.diagnosis) this.say(t.diagnosis.full);
  }

  kit(state: KitState): void {
    const kit = state.kit;
    if (!kit) return;
    const { source, serverBuild, certificate } = kit.manifest;
    const L = this.m.label;
    this.say(`${L.source}: ${source.root}`);
    this.say(`${L.serverBuild}: ${serverBuild.value ?? L.unknown}`);
    for (const e of serverBuild.evidence) this.say(`  - ${this.m.evidence(e)}`);
    this.say(`${L.certificate}: ${L.serial} ${certificate.serial}, ${L.validUntil} ${certificate.notAfter.slice(0, 10)}`);
    this.say(`  ${L.thumbprint}: ${windowsThumbprint(certificate.sha1)}`);
    this.say(`${L.kit}: ${kit.folder}`);
    for (const f of kit.manifest.files) this.say(`  - ${f.name}${f.arch ? ` (${f.arch})` : ''}  ${f.size} B  SHA-256 ${f.sha256}`);
  }

  agents(s: MismatchedAgentsState, exported: string | null): void {
    const list = s.agents;
    const L = this.m.label;
    if (s.error) {
      this.say(s.error.message);
      return;
    }
    if (!list) return;
    if (list.certificate) {
      this.say(`${L.certificate}: ${L.serial} ${list.certificate.serial}, ${L.validUntil} ${list.certificate.notAfter.slice(0, 10)} (${this.m.daysLeft(list.certificate.daysLeft)})`);
    }
    if (list.renewedRecently) this.say(`! ${L.renewed}`);
    this.say(`${L.agents}: ${list.table.rows.length}`);
    if (list.table.rows.length) {
      this.say(`  ${list.table.headers.join(' | ')}`);
      for (const row of list.table.rows) this.say(`  ${row.join(' | ')}`);
    }
    this.say(`${L.listFile}: ${list.listFile}`);
    if (exported) this.say(`→ ${exported}`);
  }

  collected(): void {
    this.say(`${this.m.label.workDir}: ${this.session.state.collect.workDir}`);
    this.publishers();
  }

  /** Who signed each program: the copies' (fix), or the source's own files (inspect). */
  publishers(): void {
    const s = this.session.state;
    for (const c of s.publisher?.checks ?? []) {
      const signer = c.signatures[0]?.signer?.subject;
      this.say(`  ${this.m.label.publisher}: ${c.name} — ${this.m.publisher[c.outcome]}${signer ? ` (${signer})` : ''}${c.osStatus ? ` [Windows: ${c.osStatus}]` : ''}`);
      if (c.osUnavailable) this.say(`    ${this.m.rootsInstead(c.osUnavailable)}`);
    }
  }

  result(report: Report): void {
    const L = this.m.label;
    for (const l of verificationLines(this.m, report)) this.say(l);
    this.say(outcomeLine(this.m, report));
    if (report.error) this.say(report.error.message);
    if (report.guidance) this.say(report.guidance);
    const paths = this.session.state.report;
    if (paths && report.mode === 'fix') this.say(`${L.report}: ${paths.text}`);
    // After a run: the working folder was removed (fixed) or kept, and where.
    const after = this.session.state.workDirAfter;
    if (after && report.mode === 'fix') this.say(this.m.workDirAfter(after.path, after.removed));
    const failed = this.session.state.reportError;
    if (failed && report.mode === 'fix') this.say(`${L.report}: ${this.m.reportNotSaved(failed.folder, failed.reason)}`);
    const ticket = report.mode === 'fix' ? ticketSummary(this.session.state, this.lang) : null;
    if (ticket) {
      this.say('');
      this.say(`${L.ticket}:`);
      this.say(ticket);
    }
  }

  close(): void {
    for (const u of this.unsubscribe) u();
  }
}
