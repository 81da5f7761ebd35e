/**
 * One repair, from "what is this PC" to the report. Every host (Electron, browser, CLI) drives the
 * same object through its intents and renders the serialisable state it publishes, which also says
 * what can happen next (`available`). One operation at a time; each can be cancelled at any step.
 * Intents never throw for a user's mistake: the problem lands in `state.error`, tagged with its
 * step and worded in the session's language. Only a second intent while one runs is thrown (`busy`).
 */
import { rm } from 'node:fs/promises';
import { abortable, AbortedError } from '../../base/abortable.js';
import type { CertificateFile } from '../certificate.js';
import { detectEnvironment, environmentProblems } from '../environment.js';
import { FixError } from '../errors.js';
import { outcomeOf, type Outcome } from '../outcome.js';
import { OutputLog } from '../output-log.js';
import { buildReport, type Report } from '../report.js';
import { copyToCentral, type CopiedReport, type ReportCopy } from '../fleet/report-copy.js';
import { describeCommand, runIpXfer, type OutputLine } from '../run-ipxfer.js';
import type { ServerFiles } from '../server-files.js';
import { AGENT_SERVICES } from '../vendor-layout.js';
import { verifyFix } from '../verify.js';
import type { SessionContext } from './context.js';
import { freshCollection, freshSource } from './fresh-state.js';
import { lastMeaningfulLines } from './ipxfer-words.js';
import { agentBefore, alreadyFixed } from './agent-before.js';
import { availableFrom, isCollected } from './available.js';
import { checkSource } from './check-source.js';
import { saveReport, settleWorkDir } from './finish.js';
import { startServicesInOrder } from './start-services.js';
import { runEnding, servicesDown, type RunFacts, type RunStop } from './run-ending.js';
import { firstBlocker, runnableCopies } from './run-preconditions.js';
import { throwIfCancelled } from './operation-gate.js';
import { SessionService } from './service.js';
import { checkPublishers, publisherGate } from './publisher-checks.js';
import { copyAndCheck } from './copy-and-check.js';
import { recheckCopies } from './recheck-copies.js';
import { takeRepairLock } from './repair-lock.js';
import type { MachineLock } from '../../base/machine-lock.js';
import type { ErrorStep, RepairOperation, RepairState } from './state.js';

export interface SourceChoices {
  /** Use files from another server than the agent's (the user confirmed; recorded in the report). */
  allowOtherServer?: boolean;
}

export interface RunChoices {
  /** Run programs that are not verified as Trend Micro's (the user confirmed; recorded). */
  allowUnverifiedPublisher?: boolean;
}

export class RepairSession extends SessionService<RepairState, RepairOperation> {
  private files: ServerFiles | null = null;
  private serverCertificate: CertificateFile | null = null;
  private serverBuildOverride: number | null = null;
  /** What the last source check was given: the wizard's "use the other server" checks it again. */
  private lastInput: string | null = null;
  /** The document as written to the reports folder: the central copy is this, never a re-read file. */
  private savedReport: Report | null = null;
  private attempt = 0;
  /** This PC's repair lock, held from copying until the run's report (or until the copies are discarded). */
  private lock: MachineLock | null = null;

  constructor(ctx: SessionContext) {
    const base = { lang: ctx.lang, platform: ctx.platform.kind, busy: null, environment: null, blockers: [], ...freshSource(), running: null, outcome: null, error: null, phase: null };
    super(ctx, { ...base, available: availableFrom(base, false) }, 'pc');
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await this.releaseLock();
  }

  protected override derive(next: RepairState): RepairState {
    return { ...next, available: availableFrom(next, !!this.ctx.platform.startService) };
  }

  protected override failed(e: unknown, step: ErrorStep): false {
    const { error, category } = this.ctx.wordError(e instanceof AbortedError ? new FixError({ code: 'cancelled' }) : e, step);
    this.update({ outcome: outcomeOf(category), error });
    return false;
  }

  protected override reworded(): Partial<RepairState> {
    const env = this.st.environment;
    return { ...super.reworded(), lang: this.ctx.lang, blockers: env ? environmentProblems(env).map((d) => this.ctx.word(d, 'pc')) : [] };
  }

  /** One operation through the gate (`busy` thrown, the rest in the state); its phase is gone when it ends. */
  private phased(op: RepairOperation, step: ErrorStep | (() => ErrorStep), fn: (signal: AbortSignal) => Promise<boolean>): Promise<boolean> {
    return this.guard(op, step, fn).finally(() => this.update({ phase: null }));
  }

  setLanguage(lang: RepairState['lang']): void {
    this.ctx.setLang(lang);
  }

  /** Step 1: what this PC is. */
  detect(): Promise<boolean> {
    return this.guard('detect', 'pc', (signal) => this.detectNow(signal));
  }

  private async detectNow(signal: AbortSignal): Promise<boolean> {
    this.update({ error: null, outcome: null });
    const environment = await abortable(detectEnvironment(this.ctx.platform, this.ctx.options.archOverride), signal);
    this.update({ environment, blockers: environmentProblems(environment).map((d) => this.ctx.word(d, 'pc')) });
    return true;
  }

  /**
   * Step 2: find the server files, read the certificate, work out the build and the plan, and
   * compare the agent's certificate with the server's. Changes nothing on the PC.
   */
  setSource(input: string, serverBuild: number | null | undefined = this.serverBuildOverride, choices: SourceChoices = {}): Promise<boolean> {
    return this.guard('source', 'source', async (signal) => {
      if (!this.st.environment) await this.detectNow(signal);
      this.serverBuildOverride = serverBuild;
      this.lastInput = input;
      this.files = null;
      this.serverCertificate = null;
      this.update({ error: null, outcome: null, ...freshSource() });
      const allowOtherServer = choices.allowOtherServer === true;
      const checked = await checkSource({ ctx: this.ctx, env: this.st.environment!, input, serverBuild, allowOtherServer, signal, onFound: (patch) => this.update(patch) });
      this.files = checked.files;
      this.serverCertificate = checked.certificate;
      this.update(checked.patch);
      return true;
    });
  }

  /**
   * The wizard's confirmation after a `server-mismatch`: the same source checked again, using the
   * other server's files on the user's word (the plan and the report say so).
   */
  allowOtherServer(): Promise<boolean> {
    if (this.lastInput === null) return this.guard('source', 'source', async () => {
      throw new FixError({ code: 'step-order', step: 'source', needs: 'source' });
    });
    return this.setSource(this.lastInput, this.serverBuildOverride, { allowOtherServer: true });
  }

  /**
   * Ends the session as `environment` when this PC cannot be repaired (not administrator, no
   * agent...): a fix stops here before anything is read or copied. True when the PC is ready.
   */
  checkReady(): boolean {
    const blocker = firstBlocker(this.st);
    if (!blocker) return true;
    this.failed(blocker, 'pc');
    return false;
  }

  /**
   * `inspect`'s forecast of what `fix` would refuse: the source's programs checked for their
   * publisher where they are (nothing is copied), refused as `fix` refuses them unless the user
   * allows programs not verified as Trend Micro's (then the report records the override).
   */
  checkPublishersInPlace(choices: RunChoices = {}): Promise<boolean> {
    return this.guard('source', 'source', async (signal) => {
      const plan = this.st.plan;
      if (!plan) throw new FixError({ code: 'step-order', step: 'collect', needs: 'source' });
      const programs = plan.files.map((f) => ({ name: f.name, role: f.role, path: f.source.local }));
      const publisher = await checkPublishers(this.ctx.platform, programs, { now: () => this.ctx.now(), onOsWaiting: (elapsedMs) => this.update({ osSignatureWait: elapsedMs === null ? null : { elapsedMs } }) }, signal);
      const { refusal, overridden } = publisherGate(publisher, choices.allowUnverifiedPublisher === true);
      this.update({ publisher, publisherOverride: overridden });
      if (refusal) throw refusal;
      return true;
    });
  }

  /**
   * Step 3: copy the planned files into a fresh private working folder and check who signed them.
   * When the agent already holds the server's certificate nothing is copied: the session ends
   * `already-fixed` with a report, unless `force` (the user asked to repair anyway). The same after
   * waiting for another repair on this PC, which may have fixed the agent meanwhile: it is read again.
   */
  collect(force = false): Promise<boolean> {
    return this.phased('collect', 'collect', (signal) => this.collectNow(signal, force));
  }

  private async collectNow(signal: AbortSignal, force: boolean): Promise<boolean> {
    {
      const plan = this.st.plan;
      if (!plan || !this.serverCertificate) throw new FixError({ code: 'step-order', step: 'collect', needs: 'source' });
      const blocker = firstBlocker(this.st);
      if (blocker) throw blocker;
      await this.discardWorkDir();
      this.update({ error: null, outcome: null, ...freshCollection() });
      if (alreadyFixed(this.st.agentCertificateBefore) && !force) {
        await this.finish('already-fixed', null);
        return true;
      }
      const waited = await this.holdLock(signal);
      if (waited && !force && (await this.fixedMeanwhile(signal))) {
        await this.finish('already-fixed', null);
        return true;
      }
      const checked = await copyAndCheck({
        ctx: this.ctx,
        plan,
        server: this.serverCertificate,
        signal,
        onProgress: (progress) => this.update({ collect: { ...this.st.collect, progress } }),
        onCopied: (workDir, files) => this.update({ collect: { progress: this.st.collect.progress, workDir, files }, phase: this.st.phase && 'checks' }),
        onOsWaiting: (elapsedMs) => this.update({ osSignatureWait: elapsedMs === null ? null : { elapsedMs } }),
      }).catch(async (e: unknown) => {
        // The copies are gone (copyAndCheck removed them): the state must not point at them.
        this.update({ collect: { progress: null, workDir: null, files: [] } });
        await this.releaseLock();
        throw e;
      });
      this.update(checked);
      return true;
    }
  }

  /**
   * The one-click repair (issue 20 §1): copy → checks → IpXfer → verify in one operation, each
   * phase published as `phase`. Copies that were made for this source and never ran are used
   * (after a publisher refusal the user confirms and presses again); after a result it is a new
   * repair with fresh copies. A publisher refusal stops before anything runs, the copies kept for
   * the override. Nothing to repair (and not `force`): the session ends `already-fixed`.
   */
  repair(password: string | null, choices: RunChoices & { force?: boolean } = {}): Promise<boolean> {
    let step: ErrorStep = 'collect';
    return this.phased('repair', () => step, async (signal) => {
      if (!isCollected(this.st)) {
        this.update({ phase: 'copy' });
        await this.collectNow(signal, choices.force === true);
        // Nothing to repair: the session ended with its report, nothing was copied.
        if (this.st.finishedAt) return this.st.outcome === 'already-fixed';
      }
      step = 'run';
      this.update({ phase: 'checks' });
      const { refusal } = publisherGate(this.st.publisher, choices.allowUnverifiedPublisher === true);
      if (refusal) throw refusal;
      return this.runNow(password, choices, signal, () => (step = 'verify'));
    });
  }

  /**
   * Takes this PC's repair lock unless this session holds it, waiting (and saying so in `pcBusy`)
   * while another process holds it: a second repair never copies or runs beside the first.
   */
  private async holdLock(signal: AbortSignal): Promise<boolean> {
    if (this.lock && !this.lock.compromised) return false;
    const limitMs = this.ctx.options.timeoutMs;
    let waited = false;
    try {
      this.lock = await takeRepairLock(this.ctx, signal, (holder) => {
        waited = true;
        this.update({ pcBusy: { holder, limitMs } });
      });
    } finally {
      if (this.st.pcBusy) this.update({ pcBusy: null });
    }
    return waited;
  }

  /**
   * After waiting for another repair on this PC: reads the agent again, since that repair may have
   * fixed it (the certificate matches and the services run): then there is nothing to copy or run.
   */
  private async fixedMeanwhile(signal: AbortSignal): Promise<boolean> {
    const agent = this.st.environment?.agent;
    if (!agent || !this.serverCertificate) return false;
    try {
      const before = await agentBefore(this.ctx.platform, agent, this.serverCertificate, signal);
      this.update({ agentCertificateBefore: before });
      return alreadyFixed(before);
    } catch (e) {
      await this.releaseLock();
      throw e;
    }
  }

  private async releaseLock(): Promise<void> {
    const lock = this.lock;
    this.lock = null;
    await lock?.release();
  }

  /** Removes the working folder of the current collection, if any. */
  async discardCollection(): Promise<void> {
    await this.releaseLock();
    await this.discardWorkDir();
    // The publisher checks stay: they are why the copies were discarded.
    this.update({ collect: { progress: null, workDir: null, files: [] }, commandPreview: null });
  }

  private async discardWorkDir(): Promise<void> {
    const workDir = this.st.collect.workDir;
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }

  /**
   * Step 4: run IpXfer with the password (null: none set), then verify and write the report. May be
   * called again after a failed attempt (another password) without collecting again.
   */
  run(password: string | null, choices: RunChoices = {}): Promise<boolean> {
    // A fixed run's working folder is gone: nothing runs from it, and its result stays as it is
    // (no false tamper alarm over it). Running again is a new repair with fresh copies.
    if (this.st.workDirAfter?.removed && this.gate.busy === null) return Promise.resolve(false);
    return this.phased('run', 'run', (signal) => this.runNow(password, choices, signal));
  }

  private async runNow(password: string | null, choices: RunChoices, signal: AbortSignal, onVerify?: () => void): Promise<boolean> {
    {
      const { workDir, ipxfer, certificate: cert, overridden } = runnableCopies(this.st, choices.allowUnverifiedPublisher === true);
      if (overridden) this.update({ publisherOverride: true });
      this.update({ error: null, outcome: null, run: null, waiting: null, verification: null, report: null, reportError: null, workDirAfter: null, finishedAt: null, agentCertificateNow: null, servicesAfter: null });
      // A retry after its report: the lock was let go, so take it again before anything runs.
      await this.holdLock(signal);
      // Time of check is time of use: the bytes that run are the bytes that were checked, alone in their folder.
      await recheckCopies(workDir, this.st.collect.files, signal);
      throwIfCancelled(signal);
      const names = { workDir, ipxferName: ipxfer.name, certificateName: cert.name, password: password === '' ? null : password };
      const command = describeCommand(names);
      this.attempt++;
      this.output = new OutputLog();
      this.update({ running: { command, startedAt: this.ctx.now().toISOString(), attempt: this.attempt }, phase: this.st.phase && 'ipxfer' });
      const onLine = (line: OutputLine) => this.emitOutput(line);
      const { codePage } = this.st.environment!;
      const killTree = (pid: number, tag: string) => this.ctx.platform.killTree(pid, tag);
      const programCommand = this.ctx.platform.programCommand?.bind(this.ctx.platform);
      const result = await runIpXfer({ ...names, codePage, timeoutMs: this.ctx.options.timeoutMs, signal, killTree, onLine, programCommand }).finally(() => this.update({ running: null }));
      this.update({ run: { ...result, command, lines: this.output.count, attempt: this.attempt } });
      if (result.startError) return this.finish('failed', { step: 'run', error: new FixError({ code: 'ipxfer-start-failed', executable: command.executable, reason: result.startError }) });
      // After a stop IpXfer may have left the agent's services stopped (KA-0006149): look, but do not wait.
      const stopped = result.timedOut || result.cancelled;
      onVerify?.();
      this.update({ phase: this.st.phase && 'verify' });
      // A stopped run is judged as it was left, without waiting, whatever the user does next.
      await this.verifyNow(stopped ? 0 : this.ctx.options.settleMs, stopped ? undefined : signal);
      return this.finishRun(result);
    }
  }

  private finishRun(result: RunFacts['result']): Promise<boolean> {
    const { outcome, stop } = runEnding({ result, verdict: this.st.verification?.verdict ?? null, lastLines: lastMeaningfulLines(this.output.snapshot().lines), servicesDown: servicesDown(this.st.verification), timeoutMs: this.ctx.options.timeoutMs });
    return this.finish(outcome, stop);
  }

  /** Checks the agent against the server's certificate again (after a run). */
  verify(): Promise<boolean> {
    return this.guard('verify', 'verify', async (signal) => {
      const run = this.st.run;
      if (!run) throw new FixError({ code: 'step-order', step: 'verify', needs: 'run' });
      await this.verifyNow(0, signal);
      return this.finishRun({ timedOut: false, cancelled: false, exitCode: run.exitCode, signal: run.signal });
    });
  }

  /** Reads the agent (again), re-reading for up to `settleMs`; `signal` (a cancel) ends the wait early. */
  private async verifyNow(settleMs: number, signal: AbortSignal | undefined): Promise<void> {
    const agent = this.st.environment?.agent;
    if (!agent || !this.serverCertificate) throw new FixError({ code: 'step-order', step: 'verify', needs: 'source' });
    const verification = await verifyFix({
      platform: this.ctx.platform,
      agent,
      server: this.serverCertificate,
      exitCode: this.st.run?.exitCode ?? null,
      settleMs,
      clock: this.ctx.clock,
      signal,
      onWaiting: (elapsedMs) => this.update({ waiting: { elapsedMs, limitMs: settleMs } }),
    });
    this.update({ waiting: null, verification });
  }

  /** Starts the agent services a stopped IpXfer left stopped, then looks again. */
  startServices(): Promise<boolean> {
    return this.guard('services', 'verify', async (signal) => {
      const start = this.ctx.platform.startService?.bind(this.ctx.platform);
      if (!start || !this.st.run) throw new FixError({ code: 'step-order', step: 'verify', needs: 'run' });
      const down = servicesDown(this.st.verification).filter((s) => (AGENT_SERVICES as readonly string[]).includes(s));
      const failed = await startServicesInOrder({
        platform: { serviceState: (name) => this.ctx.platform.serviceState(name), startService: start },
        services: down,
        now: () => this.ctx.now().getTime(),
        wait: (ms, sig) => this.ctx.wait(ms, sig),
        signal,
        onWaiting: (service, elapsedMs, limitMs) => this.update({ waiting: { elapsedMs, limitMs, service } }),
      });
      this.update({ waiting: null });
      await this.verifyNow(0, undefined);
      if (failed.length) throw new FixError({ code: 'services-start-failed', services: failed });
      return this.finishRun(this.st.run);
    });
  }

  /** Sets the outcome, settles the working folder, then writes the report. */
  private async finish(outcome: Outcome, stop: RunStop | null): Promise<boolean> {
    this.update({ outcome, error: stop ? this.ctx.word(stop.error.details, stop.step) : null, finishedAt: this.ctx.now().toISOString(), ...(await this.afterRun()) });
    this.update({ workDirAfter: await settleWorkDir(this.st.collect.workDir, outcome) });
    // The run is over (or never needed one): another repair on this PC may start.
    await this.releaseLock();
    const report = this.report('fix');
    const saved = await saveReport(report, this.ctx.options.reportsDir);
    this.savedReport = saved.report ? report : null;
    this.update(saved);
    return outcome === 'fixed' || outcome === 'already-fixed';
  }

  /**
   * After a run: the agent as it is now (what earlier steps show once there is a result), and the
   * services that are down, told apart: stopped before the run, or during it.
   */
  private async afterRun(): Promise<Pick<RepairState, 'agentCertificateNow' | 'servicesAfter'>> {
    const agent = this.st.environment?.agent;
    if (!this.st.run || !agent || !this.serverCertificate) return { agentCertificateNow: null, servicesAfter: null };
    const now = await agentBefore(this.ctx.platform, agent, this.serverCertificate, new AbortController().signal).catch(() => null);
    const down = servicesDown(this.st.verification);
    const wasDown = this.st.agentCertificateBefore?.servicesDown ?? [];
    const runStopped = this.st.run.cancelled || this.st.run.timedOut;
    return {
      agentCertificateNow: now,
      servicesAfter: down.length ? { before: down.filter((d) => wasDown.includes(d)), during: down.filter((d) => !wasDown.includes(d)), runStopped } : null,
    };
  }

  /** `--report-copy`: the saved report also into a central folder; the local one then says where it went. */
  copyReport(dir: string): Promise<CopiedReport & { reportCopy: ReportCopy }> {
    return copyToCentral(this.st.report, this.savedReport ?? this.report('fix'), dir, this.ctx.lang);
  }

  /**
   * The host is done with this session (the CLI's end): copies that never ran are removed, since
   * nobody will confirm or retry them; a run's copies stay for diagnosis (the report names them).
   */
  async leave(): Promise<void> {
    if (!this.st.run && this.st.collect.workDir && this.gate.busy === null) await this.discardCollection();
    if (this.gate.busy === null) await this.releaseLock();
  }

  /** The report document for what has happened so far. */
  report(mode: Report['mode']): Report {
    return buildReport({
      mode,
      state: this.st,
      output: this.output.snapshot(),
      files: this.files,
      serverSha256File: this.serverCertificate?.sha256File ?? null,
      lang: this.ctx.lang,
      version: this.ctx.options.version,
      createdAt: this.ctx.now(),
      kit: null,
    });
  }

  /** The server build the user named (null: worked out from the files): kept across source checks. */
  get buildOverride(): number | null {
    return this.serverBuildOverride;
  }
}
