/**
 * The fleet view's decisions, pure: each PC's latest report (host names compared as Windows does,
 * without regard to case), counts by outcome, the skipped files, and the join with the server's
 * list of mismatched agents that says which still need the repair.
 */
import { hasControl } from '../../base/terminal-text.js';
import { SKIP_REASONS, type AgentJoin, type AgentJoinRow, type FleetReport, type FleetRow, type SkippedFile, type SkipReason } from './fleet-types.js';

/** Outcomes that mean "this agent holds the server's certificate". */
export const REPAIRED_OUTCOMES: readonly string[] = ['fixed', 'already-fixed'];

/** Windows compares computer names without regard to case. */
export const hostKey = (name: string): string => name.trim().toUpperCase();
/** `PC1.corp.example` and `PC1` are the same PC for the join (reports carry the short name). */
const shortKey = (name: string): string => hostKey(name).split('.')[0]!;

export class FleetAccumulator {
  private readonly latest = new Map<string, { report: FleetReport; count: number }>();
  private readonly skippedFiles: SkippedFile[] = [];
  readonly skippedByReason = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>;
  read = 0;
  skippedCount = 0;

  constructor(private readonly skippedLimit = 1000) {}

  add(report: FleetReport): void {
    this.read++;
    const key = hostKey(report.hostname);
    const seen = this.latest.get(key);
    if (!seen) {
      this.latest.set(key, { report, count: 1 });
      return;
    }
    seen.count++;
    // Later wins; the same second in two files: the later file name, so the choice is repeatable.
    if (report.time > seen.report.time || (report.time === seen.report.time && report.file > seen.report.file)) seen.report = report;
  }

  skip(file: string, reason: SkipReason, detail: string | null): void {
    this.skippedCount++;
    this.skippedByReason[reason]++;
    if (this.skippedFiles.length < this.skippedLimit) this.skippedFiles.push({ file, reason, detail });
  }

  get skipped(): SkippedFile[] {
    return [...this.skippedFiles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** Each PC's latest report, by host name. */
  rows(): FleetRow[] {
    return [...this.latest.values()]
      .map(({ report: { time: _time, ...r }, count }) => ({ ...r, reports: count }))
      .sort((a, b) => (hostKey(a.hostname) < hostKey(b.hostname) ? -1 : hostKey(a.hostname) > hostKey(b.hostname) ? 1 : 0));
  }
}

export function countByOutcome(rows: readonly FleetRow[]): Record<string, number> {
  // A Map, not an object's keys: no outcome can reach a prototype's names.
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.outcome ?? 'none', (counts.get(r.outcome ?? 'none') ?? 0) + 1);
  return Object.fromEntries(counts);
}

/**
 * Which agents of the server's list still need the repair: those without a PC whose latest report
 * says fixed / already-fixed (with the list's server certificate, when the list names it).
 */
export function joinAgents(rows: readonly FleetRow[], hosts: readonly string[], o: { list: string; hostColumn: string; expectedSerial: string | null }): AgentJoin {
  const byFull = new Map<string, FleetRow>();
  const byShort = new Map<string, FleetRow>();
  for (const r of rows) {
    byFull.set(hostKey(r.hostname), r);
    if (!byShort.has(shortKey(r.hostname))) byShort.set(shortKey(r.hostname), r);
  }
  const seen = new Set<string>();
  const joined: AgentJoinRow[] = [];
  const skippedHosts: string[] = [];
  for (const raw of hosts) {
    const host = raw.trim();
    // A name with a line break or another control character is no host name: written to a target
    // list it would become two targets (or a command); it is listed as skipped instead.
    if (hasControl(host)) {
      skippedHosts.push(host);
      continue;
    }
    if (host === '' || seen.has(hostKey(host))) continue;
    seen.add(hostKey(host));
    const row = byFull.get(hostKey(host)) ?? byShort.get(shortKey(host)) ?? null;
    joined.push({ host, status: statusOf(row, o.expectedSerial), report: row?.file ?? null, outcome: row?.outcome ?? null });
  }
  const targets = joined.filter((r) => r.status !== 'fixed' && r.status !== 'already-fixed').map((r) => r.host);
  return { ...o, total: joined.length, repaired: joined.length - targets.length, targets, rows: joined, skippedHosts };
}

function statusOf(row: FleetRow | null, expectedSerial: string | null): AgentJoinRow['status'] {
  if (!row) return 'no-report';
  if (!row.outcome || !REPAIRED_OUTCOMES.includes(row.outcome)) return 'not-fixed';
  // Repaired with a certificate the server no longer uses: it needs the new one.
  if (expectedSerial && row.serverSerial && row.serverSerial.toUpperCase() !== expectedSerial.toUpperCase()) return 'stale';
  return row.outcome === 'already-fixed' ? 'already-fixed' : 'fixed';
}

/**
 * A deployment tool's target list: one host per line, CRLF, ASCII-compatible UTF-8 without a BOM
 * (a BOM would become part of the first host name for tools that read the ANSI code page, such as
 * PsExec's `@file`), ending with a line break.
 */
export function targetsText(hosts: readonly string[]): string {
  return hosts.length ? hosts.join('\r\n') + '\r\n' : '';
}

export const nonAsciiHosts = (hosts: readonly string[]): string[] => hosts.filter((h) => /[^\x20-\x7e]/.test(h));
