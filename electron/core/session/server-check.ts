/**
 * The server check (CertificateManager -l) as a small service beside the repair: its own busy flag,
 * abort, output log and error, so its output can never end up in a repair report as IpXfer's.
 */
import { findCertificateManager, listMismatchedAgents } from '../agents-list.js';
import { OutputLog } from '../output-log.js';
import type { OutputLine } from '../run-ipxfer.js';
import type { SessionContext } from './context.js';
import { OperationGate } from './operation-gate.js';
import type { ServerCheckState } from './state.js';

export class ServerCheckService {
  private st: ServerCheckState = { busy: null, localServer: null, agents: null, error: null };
  private readonly gate = new OperationGate<'agents'>();
  private output = new OutputLog();
  private readonly listeners = new Set<(s: ServerCheckState) => void>();
  private readonly outputListeners = new Set<(line: OutputLine) => void>();
  private readonly offLang: () => void;

  constructor(readonly ctx: SessionContext) {
    this.offLang = ctx.onLang(() => this.update({ error: this.st.error ? ctx.word(this.st.error.details, 'agents') : null }));
  }

  get state(): ServerCheckState {
    return this.st;
  }

  onState(listener: (s: ServerCheckState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onOutput(listener: (line: OutputLine) => void): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  outputSnapshot(): { lines: OutputLine[]; total: number; truncated: boolean } {
    return this.output.snapshot();
  }

  private update(patch: Partial<ServerCheckState>): void {
    this.st = { ...this.st, ...patch, busy: this.gate.busy };
    for (const l of this.listeners) l(this.st);
  }

  cancel(): boolean {
    return this.gate.cancel();
  }

  dispose(): void {
    this.gate.cancel();
    this.offLang();
    this.listeners.clear();
    this.outputListeners.clear();
  }

  /** Is this PC an Apex One server? Then the wizard offers the server check first. */
  async detect(): Promise<void> {
    const { server } = await findCertificateManager(this.ctx.platform, null).catch(() => ({ server: null }));
    this.update({ localServer: server?.pccsrv ?? null });
  }

  /** Runs CertificateManager -l and reads the list of mismatched agents. */
  async list(serverDir: string | null = null): Promise<boolean> {
    try {
      return await this.gate.run('agents', async (signal) => {
        this.output = new OutputLog();
        this.update({ error: null, agents: null });
        try {
          const agents = await listMismatchedAgents({
            platform: this.ctx.platform,
            serverDir,
            workBase: this.ctx.options.workBase,
            timeoutMs: this.ctx.options.timeoutMs,
            codePage: await this.ctx.platform.codePage(),
            now: this.ctx.now(),
            signal,
            onLine: (line) => {
              this.output.push(line);
              for (const l of this.outputListeners) l(line);
            },
          });
          this.update({ agents });
          return true;
        } catch (e) {
          this.update({ error: this.ctx.wordError(e, 'agents').error });
          return false;
        }
      });
    } finally {
      this.update({});
    }
  }
}
