/**
 * One repair, from "what is this PC" to the report. Every host (Electron, browser, CLI) drives the
 * same object through its intents and renders the serialisable state it emits. Intents never throw
 * for a user's mistake: the problem lands in `state.error`, worded in the session's language.
 */
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Arch, Platform } from '../platform/platform.js';
import { checkPublisher } from './authenticode.js';
import { CertificateParseError, readCertificateBytes, type CertificateFile } from './certificate.js';
import { collectFiles, type CollectedFile } from './collect.js';
import { detectEnvironment, environmentProblems } from './environment.js';
import { FixError, type ErrorDetails } from './errors.js';
import { messages, type Lang } from './messages.js';
import { outcomeOf } from './outcome.js';
import { OutputLog } from './output-log.js';
import { certificateNotes, planFiles } from './plan.js';
import { describeCommand, runIpXfer, type OutputLine, type RunResult } from './run-ipxfer.js';
import { detectServerBuild } from './server-build.js';
import { resolveSource } from './source.js';
import type { ServerFiles } from './server-files.js';
import type { SessionOptions, SessionState, WordedError } from './session-state.js';
import { readAgentCertificate, sameCertificate, verifyFix } from './verify.js';
import { fileArchFor } from './vendor-layout.js';
import { writeReport, buildReport, type Report } from './report.js';
import { makeKit } from './kit.js';
import { findCertificateManager, listMismatchedAgents } from './agents-list.js';

type Listener<T> = (value: T) => void;

export class FixSession {
  readonly platform: Platform;
  private lang: Lang;
  private readonly options: Required<Omit<SessionOptions, 'platform' | 'lang' | 'archOverride'>> & { archOverride: Arch | null };
  private st: SessionState;
  private files: ServerFiles | null = null;
  private serverCertificate: CertificateFile | null = null;
  private serverBuildOverride: number | null = null;
  private output = new OutputLog();
  private abort: AbortController | null = null;
  private attempt = 0;
  private readonly stateListeners = new Set<Listener<SessionState>>();
  private readonly outputListeners = new Set<Listener<OutputLine>>();

  constructor(o: SessionOptions) {
    this.platform = o.platform;
    this.lang = o.lang;
    this.options = {
      workBase: o.workBase ?? path.join(os.tmpdir(), 'ApexCertFix'),
      reportsDir: o.reportsDir ?? defaultReportsDir(),
      timeoutMs: o.timeoutMs ?? 300_000,
      settleMs: o.settleMs ?? 60_000,
      archOverride: o.archOverride ?? null,
      version: o.version ?? '0.0.0',
      now: o.now ?? (() => new Date()),
    };
    this.st = {
      lang: o.lang,
      platform: o.platform.kind,
      busy: null,
      environment: null,
      blockers: [],
      ...freshSource(),
      running: null,
      outcome: null,
      error: null,
      reportError: null,
      kit: null,
      localServer: null,
      agents: null,
    };
  }

  get state(): SessionState {
    return this.st;
  }

  onState(listener: Listener<SessionState>): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onOutput(listener: Listener<OutputLine>): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  private update(patch: Partial<SessionState>): void {
    this.st = { ...this.st, ...patch };
    for (const l of this.stateListeners) l(this.st);
  }

  private fail(e: unknown): false {
    const details: ErrorDetails = e instanceof FixError ? e.details : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
    const category = e instanceof FixError ? e.category : 'failed';
    this.update({ busy: null, outcome: outcomeOf(category), error: this.word(details) });
    return false;
  }

  private word(details: ErrorDetails): WordedError {
    return { code: details.code, message: messages(this.lang).error(details), details };
  }

  setLanguage(lang: Lang): void {
    this.lang = lang;
    const env = this.st.environment;
    this.update({
      lang,
      error: this.st.error ? this.word(this.st.error.details) : null,
      blockers: env ? environmentProblems(env).map((d) => this.word(d)) : [],
    });
  }

  /** Step 1: what this PC is. */
  async detect(): Promise<boolean> {
    this.update({ busy: 'detect', error: null, outcome: null });
    try {
      const environment = await detectEnvironment(this.platform, this.options.archOverride);
      const blockers = environmentProblems(environment).map((d) => this.word(d));
      const { server } = await findCertificateManager(this.platform, null);
      this.update({ busy: null, environment, blockers, localServer: server?.pccsrv ?? null });
      return true;
    } catch (e) {
      return this.fail(e);
    }
  }

  /**
   * Step 2: find the server files, read the certificate, work out the build and the plan.
   * Changes nothing on the PC. A new source discards an earlier collection.
   */
  async setSource(input: string, serverBuild: number | null = this.serverBuildOverride): Promise<boolean> {
    if (!this.st.environment && !(await this.detect())) return false;
    this.serverBuildOverride = serverBuild;
    this.files = null;
    this.serverCertificate = null;
    this.update({ busy: 'source', error: null, outcome: null, ...freshSource() });
    try {
      const env = this.st.environment!;
      const files = await resolveSource(this.platform, input);
      this.files = files;
      this.update({ source: { input, root: files.root, tried: files.tried } });
      const arch = env.arch ?? 'x64';
      const build = await detectServerBuild({ files, fileArch: fileArchFor(arch), override: serverBuild, agentBuild: env.agent?.build ?? null });
      this.update({ serverBuild: build });
      const planned = planFiles(files, arch, build);
      const certificate = await this.readServerCertificate(files);
      const plan = { ...planned, notes: [...planned.notes, ...certificateNotes(certificate.certificate, this.options.now())] };
      let before: SessionState['agentCertificateBefore'] = null;
      if (env.agent) {
        const agentCert = await readAgentCertificate(this.platform, env.agent);
        before = { path: agentCert.path, serial: agentCert.certificate?.serial ?? null, matchesServer: sameCertificate(agentCert, certificate), problem: agentCert.problem };
      }
      this.serverCertificate = certificate;
      this.update({ busy: null, plan, certificate: certificate.certificate, agentCertificateBefore: before, outcome: 'ready' });
      return true;
    } catch (e) {
      return this.fail(e);
    }
  }

  private async readServerCertificate(files: ServerFiles): Promise<CertificateFile> {
    const cert = files.certificate!;
    let bytes: Buffer;
    try {
      bytes = await readFile(cert.local);
    } catch (e) {
      throw new FixError({ code: 'source-unreadable', path: cert.display, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
    try {
      return readCertificateBytes(bytes);
    } catch (e) {
      if (e instanceof CertificateParseError) throw new FixError({ code: 'certificate-invalid', path: cert.display, reason: e.problem });
      throw e;
    }
  }

  /** The first thing that stops a fix on this PC, as an error. */
  private blocker(): FixError | null {
    const env = this.st.environment;
    const first = env ? environmentProblems(env)[0] : undefined;
    return first ? new FixError(first) : null;
  }

  /** Step 3: copy the planned files into a fresh working folder. */
  async collect(): Promise<boolean> {
    if (!this.st.plan || !this.serverCertificate) return this.fail(new FixError({ code: 'step-order', step: 'collect', needs: 'source' }));
    const blocker = this.blocker();
    if (blocker) return this.fail(blocker);
    this.update({ busy: 'collect', error: null, outcome: null, ...freshCollection() });
    try {
      let last = 0;
      const { workDir, files } = await collectFiles({
        plan: this.st.plan,
        workBase: this.options.workBase,
        now: this.options.now(),
        onProgress: (progress) => {
          // Progress is for eyes: a few updates a second per file are enough.
          const now = Date.now();
          if (now - last < 50 && progress.fileBytes !== 0 && progress.fileBytes !== progress.fileTotal) return;
          last = now;
          this.update({ collect: { ...this.st.collect, progress } });
        },
      });
      const copiedCert = files.find((f) => f.role === 'certificate')!;
      if (copiedCert.sha256 !== this.serverCertificate.sha256File) throw new FixError({ code: 'copy-mismatch', file: copiedCert.source });
      const names = { workDir, ipxferName: files.find((f) => f.role === 'ipxfer')!.name, certificateName: copiedCert.name };
      this.update({
        busy: null,
        collect: { progress: this.st.collect.progress, workDir, files },
        publisher: await this.checkPublishers(files),
        commandPreview: { withPassword: describeCommand({ ...names, password: 'x' }), withoutPassword: describeCommand({ ...names, password: null }) },
      });
      return true;
    } catch (e) {
      return this.fail(e);
    }
  }

  /** The copies' Authenticode signatures: only Trend Micro's programs run without a confirmation. */
  private async checkPublishers(files: CollectedFile[]): Promise<SessionState['publisher']> {
    const checks = [];
    for (const f of files.filter((x) => x.role !== 'certificate')) {
      const check = await checkPublisher(f.copy);
      const osStatus = this.platform.osSignatureStatus ? await this.platform.osSignatureStatus(f.copy).catch(() => null) : null;
      checks.push({ ...check, name: f.name, role: f.role, osStatus });
    }
    return { checks, allTrusted: checks.every((c) => c.outcome === 'trusted') };
  }

  /** Removes the working folder (a refused run from the CLI leaves nothing behind). */
  async discardCollection(): Promise<void> {
    const workDir = this.st.collect.workDir;
    if (workDir) await rm(workDir, { recursive: true, force: true });
    // The publisher checks stay: they are why the copies were discarded.
    this.update({ collect: { progress: null, workDir: null, files: [] }, commandPreview: null });
  }

  /**
   * Step 4: run IpXfer with the password (null: none set), then verify and write the report.
   * May be called again after a failed attempt (another password) without collecting again.
   * Programs not verified as Trend Micro's run only with `allowUnverifiedPublisher`.
   */
  async run(password: string | null, allowUnverifiedPublisher = false): Promise<boolean> {
    const workDir = this.st.collect.workDir;
    const ipxfer = this.st.collect.files.find((f) => f.role === 'ipxfer');
    const cert = this.st.collect.files.find((f) => f.role === 'certificate');
    if (!workDir || !ipxfer || !cert) return this.fail(new FixError({ code: 'step-order', step: 'run', needs: 'collect' }));
    const blocker = this.blocker();
    if (blocker) return this.fail(blocker);
    const publisher = this.st.publisher;
    if (publisher && !publisher.allTrusted) {
      if (!allowUnverifiedPublisher) {
        const files = publisher.checks.filter((c) => c.outcome !== 'trusted').map((c) => ({ name: c.name, outcome: c.outcome, signer: c.signatures[0]?.signer?.subject ?? null }));
        return this.fail(new FixError({ code: 'publisher-untrusted', files }));
      }
      this.update({ publisherOverride: true });
    }
    const pwd = password === '' ? null : password;
    const command = describeCommand({ workDir, ipxferName: ipxfer.name, certificateName: cert.name, password: pwd });
    this.attempt++;
    this.output = new OutputLog();
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.update({
      busy: 'run',
      error: null,
      outcome: null,
      run: null,
      verification: null,
      report: null,
      running: { command, startedAt: this.options.now().toISOString(), attempt: this.attempt },
    });
    let result: RunResult;
    try {
      result = await runIpXfer({
        workDir,
        ipxferName: ipxfer.name,
        certificateName: cert.name,
        password: pwd,
        codePage: this.st.environment!.codePage,
        timeoutMs: this.options.timeoutMs,
        signal,
        killTree: (pid) => this.platform.killTree(pid),
        onLine: (line) => {
          this.output.push(line);
          for (const l of this.outputListeners) l(line);
        },
      });
    } catch (e) {
      this.update({ running: null });
      return this.fail(e);
    }
    this.update({ running: null, run: { ...result, command, lines: this.output.count, attempt: this.attempt } });
    if (result.startError) {
      return this.finish(new FixError({ code: 'ipxfer-start-failed', executable: command.executable, reason: result.startError }));
    }
    // Even after a timeout or cancel, the checks say in what state the agent was left.
    const stopped = result.timedOut || result.cancelled;
    await this.verify(stopped ? 0 : this.options.settleMs, false);
    if (result.timedOut) return this.finish(new FixError({ code: 'timeout', seconds: Math.round(this.options.timeoutMs / 1000) }));
    if (result.cancelled) return this.finish(new FixError({ code: 'cancelled' }));
    return this.finish(this.verdictError(result.exitCode));
  }

  private verdictError(exitCode: number | null): FixError | null {
    const verdict = this.st.verification?.verdict;
    if (verdict === 'fixed') return null;
    if (verdict === 'not-fixed') return new FixError(exitCode !== 0 && exitCode !== null ? { code: 'ipxfer-exit', exitCode } : { code: 'not-fixed' });
    return new FixError({ code: 'not-verified' });
  }

  /** Checks the agent against the server's certificate (again). */
  async verify(settleMs = 0, standalone = true): Promise<boolean> {
    const agent = this.st.environment?.agent;
    if (!agent || !this.serverCertificate) return this.fail(new FixError({ code: 'step-order', step: 'verify', needs: 'source' }));
    this.update({ busy: 'verify' });
    try {
      const verification = await verifyFix({
        platform: this.platform,
        agent,
        server: this.serverCertificate,
        exitCode: this.st.run?.exitCode ?? null,
        settleMs,
        signal: this.abort?.signal,
      });
      this.update({ busy: null, verification });
      if (standalone && this.st.run) return this.finish(this.verdictError(this.st.run.exitCode));
      return verification.verdict === 'fixed';
    } catch (e) {
      return this.fail(e);
    }
  }

  private async finish(error: FixError | null): Promise<boolean> {
    this.abort = null;
    this.update({ busy: null, outcome: error ? outcomeOf(error.category) : 'fixed', error: error ? this.word(error.details) : null });
    try {
      const report = await writeReport(this.report('fix'), this.options.reportsDir);
      this.update({ report, reportError: null });
    } catch (e) {
      // The repair result stands; only the report failed, and the user must know it is missing.
      this.update({ report: null, reportError: `${this.options.reportsDir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
    }
    return error === null;
  }

  /**
   * Writes an offline kit of the source's files for both bitnesses into `outDir`. Needs no agent
   * and no administrator rights: it is made where the server is reachable, used where it is not.
   */
  async makeKit(input: string, outDir: string, serverBuild: number | null = null): Promise<boolean> {
    // A kit leaves the repair's own state (source, plan, copies) as it was.
    this.update({ busy: 'kit', error: null, kit: null });
    try {
      const files = await resolveSource(this.platform, input);
      const build = await detectServerBuild({ files, fileArch: 'x64', override: serverBuild, agentBuild: null });
      // The same rules as a fix, for each bitness the kit will carry.
      const arches = (['x64', 'x86'] as const).filter((a) => files.ipxfer[a]);
      for (const arch of arches.length ? arches : (['x64'] as const)) planFiles(files, arch, { ...build, needsDatFhs: build.value !== null ? build.needsDatFhs : false });
      const certificate = await this.readServerCertificate(files);
      const kit = await makeKit({ files, build, certificate: certificate.certificate, outDir, version: this.options.version, now: this.options.now() });
      this.update({ busy: null, kit });
      return true;
    } catch (e) {
      return this.fail(e);
    }
  }

  /** Server check: run CertificateManager -l and read the list of mismatched agents. */
  async listAgents(serverDir: string | null = null): Promise<boolean> {
    this.abort = new AbortController();
    this.output = new OutputLog();
    this.update({ busy: 'agents', error: null, outcome: null, agents: null });
    try {
      const agents = await listMismatchedAgents({
        platform: this.platform,
        serverDir,
        workBase: this.options.workBase,
        timeoutMs: this.options.timeoutMs,
        codePage: this.st.environment?.codePage ?? (await this.platform.codePage()),
        now: this.options.now(),
        signal: this.abort.signal,
        onLine: (line) => {
          this.output.push(line);
          for (const l of this.outputListeners) l(line);
        },
      });
      this.abort = null;
      this.update({ busy: null, agents, outcome: 'ready' });
      return true;
    } catch (e) {
      this.abort = null;
      return this.fail(e);
    }
  }

  cancel(): void {
    this.abort?.abort();
  }

  /** The report document for what has happened so far. */
  report(mode: Report['mode']): Report {
    return buildReport({
      mode,
      state: this.st,
      output: this.output.snapshot(),
      files: this.files,
      serverSha256File: this.serverCertificate?.sha256File ?? null,
      lang: this.lang,
      version: this.options.version,
      createdAt: this.options.now(),
    });
  }

  get reportsDir(): string {
    return this.options.reportsDir;
  }
}

/** What one collection owns: a new collection (or source) starts from this. */
function freshCollection() {
  return {
    collect: { progress: null, workDir: null, files: [] as CollectedFile[] },
    publisher: null,
    publisherOverride: false,
    commandPreview: null,
    run: null,
    verification: null,
    report: null,
  } satisfies Partial<SessionState>;
}

/** What one source owns: a new source discards all of it. */
function freshSource() {
  return { source: null, serverBuild: null, plan: null, certificate: null, agentCertificateBefore: null, ...freshCollection() } satisfies Partial<SessionState>;
}

/** Machine-wide on Windows (the app runs elevated), the user's home elsewhere. */
export function defaultReportsDir(): string {
  if (process.platform === 'win32') return path.join(process.env.ProgramData ?? 'C:\\ProgramData', 'ApexCertFix', 'reports');
  return path.join(os.homedir(), '.apex-cert-fix', 'reports');
}
