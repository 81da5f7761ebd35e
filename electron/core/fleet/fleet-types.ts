/**
 * The fleet view's data: what one report contributes, one PC's row, why a file was skipped, and the
 * summary `summarizeReports` returns (also the `summarize --json` document). Serialisable as is.
 */

/** Why a `*.json` file under the report folders was not counted. */
export type SkipReason = 'unreadable' | 'too-large' | 'not-json' | 'foreign' | 'newer-schema' | 'invalid' | 'not-a-repair';

export const SKIP_REASONS: readonly SkipReason[] = ['unreadable', 'too-large', 'not-json', 'foreign', 'newer-schema', 'invalid', 'not-a-repair'];

export interface SkippedFile {
  file: string;
  reason: SkipReason;
  /** The OS error code, the field that failed, or the schemaVersion found. */
  detail: string | null;
}

/** The fields of one repair report the fleet view uses. */
export interface FleetReport {
  file: string;
  hostname: string;
  /** ISO time the report was made (the report's own `createdAt`). */
  createdAt: string;
  /** `createdAt` in ms, for ordering. */
  time: number;
  /** `fixed`, `failed`, ... or an outcome of a newer version (kept as written). */
  outcome: string | null;
  errorCode: string | null;
  /** The server certificate's serial the repair used. */
  serverSerial: string | null;
  /** The serial of the agent's certificate after IpXfer (or before, when IpXfer was not needed). */
  agentSerialAfter: string | null;
  platform: string | null;
  toolVersion: string | null;
}

/** One PC: its latest report, and how many reports it has. */
export interface FleetRow extends Omit<FleetReport, 'time'> {
  reports: number;
}

export type AgentStatus = 'fixed' | 'already-fixed' | 'not-fixed' | 'stale' | 'no-report';

export interface AgentJoinRow {
  /** The host name as the list spells it. */
  host: string;
  status: AgentStatus;
  /** The matching PC's latest report file, or null. */
  report: string | null;
  outcome: string | null;
}

export interface AgentJoin {
  list: string;
  /** The list column the host names were taken from. */
  hostColumn: string;
  /** The server certificate the list was made with (the `agents --json` document says it), or null. */
  expectedSerial: string | null;
  total: number;
  repaired: number;
  /** Hosts that still need the repair, in list order, each once. */
  targets: string[];
  rows: AgentJoinRow[];
  /** Names in the list holding a line break or another control character: never a target. */
  skippedHosts: string[];
}

export interface FleetSummary {
  schemaVersion: 1;
  kind: 'apex-cert-fix-fleet-summary';
  createdAt: string;
  folders: string[];
  files: { found: number; read: number; skipped: number };
  /** PCs by their latest report's outcome. */
  counts: Record<string, number>;
  pcs: FleetRow[];
  skippedByReason: Record<SkipReason, number>;
  /** The skipped files (the first `skippedLimit`; `skippedListTruncated` says when more were). */
  skipped: SkippedFile[];
  skippedListTruncated: boolean;
  agents: AgentJoin | null;
}

export type FleetErrorDetails =
  | { code: 'folder-missing'; path: string; reason: string }
  | { code: 'folder-not-folder'; path: string }
  | { code: 'list-unreadable'; path: string; reason: string }
  | { code: 'list-no-host'; path: string; headers: string[] }
  | { code: 'list-invalid'; path: string; problem: string }
  | { code: 'list-not-csv'; path: string; line: number | null }
  | { code: 'output-failed'; path: string; reason: string };

/** Bad input to the fleet view (CLI exit 2): nothing was written. Worded by messages' `fleet` section. */
export class FleetError extends Error {
  constructor(readonly details: FleetErrorDetails) {
    super(`${details.code}: ${JSON.stringify(details)}`);
    this.name = 'FleetError';
  }
}
