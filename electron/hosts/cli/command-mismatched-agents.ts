/**
 * `apex-cert-fix mismatched-agents` (also `agents`): on the Apex One server, the list of agents
 * whose certificate does not match (CertificateManager -l; Trend Micro's MismatchedAgentList.csv),
 * printed, exported (--out .csv / .json) and as JSON (--json).
 */
import { writeFile } from 'node:fs/promises';
import type { CliRun } from './finish.js';
import { agentsToCsv, agentsToJson } from '../../core/mismatched-agents.js';
import { refuse } from './refuse.js';
import { MismatchedAgentsService } from '../../core/session/mismatched-agents-service.js';
import { EXIT_CODE } from '../../core/outcome.js';

export async function mismatchedAgentsCommand(run: CliRun, check: MismatchedAgentsService): Promise<number> {
  const { session, args, printer } = run;
  await session.detect();
  const env = session.state.environment;
  // CertificateManager changes nothing here, but it reads the server's keys: administrator only.
  if (env && !env.elevated) return refuse({ code: 'not-elevated' }, args.lang, args.json, 'agents');
  await check.list(args.serverDir ?? null);
  const s = check.state;
  const list = s.agents;
  const doc = check.document();
  if (list && args.out) {
    await writeFile(args.out, args.out.toLowerCase().endsWith('.json') ? JSON.stringify(agentsToJson(list.table), null, 2) + '\n' : agentsToCsv(list.table));
  }
  printer.agents(s, args.out ?? null);
  if (args.json) process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  return EXIT_CODE[doc.outcome];
}
