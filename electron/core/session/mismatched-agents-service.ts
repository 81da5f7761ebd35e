/**
 * The mismatched agents list (CertificateManager -l) as a small service beside the repair: its own busy flag,
 * abort, output log and error, so its output can never end up in a repair report as IpXfer's.
 */
import { agentsToJson, findCertificateManager, listMismatchedAgents } from '../mismatched-agents.js';
import { categoryOf } from '../errors.js';
import { outcomeOf, type Outcome } from '../outcome.js';
import { OutputLog } from '../output-log.js';
import type { SessionContext } from './context.js';
import { SessionService } from './service.js';
import type { MismatchedAgentsState } from './state.js';

/** The mismatched agents list as one JSON document (`mismatched-agents --json`), schemaVersion 1. */
export interface AgentsDocument extends ReturnType<typeof agentsToJson> {
  schemaVersion: 1;
  mode: 'agents';
  outcome: Outcome;
  error: { code: string; message: string } | null;
  server: string | null;
  certificateManager: string | null;
  listFile: string | null;
  certificate: NonNullable<MismatchedAgentsState['agents']>['certificate'] | null;
  renewedRecently: boolean;
  encoding: string | null;
  headers: string[];
}

export class MismatchedAgentsService extends SessionService<MismatchedAgentsState, 'agents'> {
  constructor(ctx: SessionContext) {
    super(ctx, { busy: null, localServer: null, agents: null, error: null }, 'agents');
  }

  /** Is this PC an Apex One server? Then the wizard offers the mismatched agents list first. */
  async detect(): Promise<void> {
    const { server } = await findCertificateManager(this.ctx.platform, null).catch(() => ({ server: null }));
    this.update({ localServer: server?.pccsrv ?? null });
  }

  /** Runs CertificateManager -l and reads the list of mismatched agents. */
  list(serverDir: string | null = null): Promise<boolean> {
    return this.operate('agents', async (signal) => {
      this.output = new OutputLog();
      this.update({ agents: null });
      const agents = await listMismatchedAgents({
        platform: this.ctx.platform,
        serverDir,
        workBase: this.ctx.options.workBase,
        timeoutMs: this.ctx.options.timeoutMs,
        codePage: await this.ctx.platform.codePage(),
        now: this.ctx.now(),
        signal,
        onLine: (line) => this.emitOutput(line),
      });
      return { agents };
    });
  }

  /** What the check found, as one document; its outcome is the exit code's (README). */
  document(): AgentsDocument {
    const { agents: list, error } = this.st;
    return {
      schemaVersion: 1,
      mode: 'agents',
      outcome: error ? outcomeOf(categoryOf(error.code)) : 'ready',
      error: error ? { code: error.code, message: error.message } : null,
      server: list?.server.pccsrv ?? null,
      certificateManager: list?.server.manager ?? null,
      listFile: list?.listFile ?? null,
      certificate: list?.certificate ?? null,
      renewedRecently: list?.renewedRecently ?? false,
      encoding: list?.table.encoding ?? null,
      headers: list?.table.headers ?? [],
      ...(list ? agentsToJson(list.table) : { count: 0, roles: {}, agents: [] }),
    };
  }
}
