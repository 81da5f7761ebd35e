/**
 * The fleet view: every repair report below the given folders (a central share that `fix
 * --report-copy` writes to, or copies collected by a deployment tool), each PC's latest, counts by
 * outcome, and optionally the join with the server's list of mismatched agents. Used by
 * `apex-cert-fix summarize` and meant for the wizard's mismatched agents list (one call, a serialisable
 * result; errors are `FleetError`, worded by messages' `fleet` section).
 */
import { readAgentHosts } from './agents-hosts.js';
import { FleetAccumulator, countByOutcome, joinAgents } from './fleet-view.js';
import type { FleetSummary } from './fleet-types.js';
import { checkFolders, findReportFiles, readReportFiles, type ScanOptions } from './scan-reports.js';

export interface SummarizeOptions extends ScanOptions {
  /** The `agents` list (CertificateManager CSV, or the `mismatched-agents` command's CSV / JSON export). */
  agentsList?: string | null;
  /** How many skipped files are listed by name (all are counted). Default 1,000. */
  skippedLimit?: number;
  now?: Date;
}

export async function summarizeReports(folders: readonly string[], o: SummarizeOptions = {}): Promise<FleetSummary> {
  await checkFolders(folders);
  // The list is read before the folders are scanned: a wrong list fails fast.
  const agentHosts = o.agentsList ? await readAgentHosts(o.agentsList) : null;
  const acc = new FleetAccumulator(o.skippedLimit ?? 1000);
  const files = await findReportFiles(folders, acc, o.signal);
  await readReportFiles(files, acc, o);
  const pcs = acc.rows();
  return {
    schemaVersion: 1,
    kind: 'apex-cert-fix-fleet-summary',
    createdAt: (o.now ?? new Date()).toISOString(),
    folders: [...folders],
    files: { found: files.length, read: acc.read, skipped: acc.skippedCount },
    counts: countByOutcome(pcs),
    pcs,
    skippedByReason: acc.skippedByReason,
    skipped: acc.skipped,
    skippedListTruncated: acc.skippedCount > (o.skippedLimit ?? 1000),
    agents: agentHosts && o.agentsList ? joinAgents(pcs, agentHosts.hosts, { list: o.agentsList, hostColumn: agentHosts.hostColumn, expectedSerial: agentHosts.expectedSerial }) : null,
  };
}
