/**
 * The host names of the server's list of mismatched agents, for the fleet join. Reads what the
 * `mismatched-agents` command reads and writes, through the same reader (mismatched-agents.ts): CertificateManager's
 * own CSV (any encoding), `mismatched-agents --out FILE.csv` (UTF-8 with BOM), `mismatched-agents --out FILE.json`
 * ({count, roles, agents}) and the `agents --json` document (which also names the server
 * certificate, so a repair made with an older certificate is not counted).
 */
import { readFile } from 'node:fs/promises';
import { AgentsCsvError, agentsTable, decodeCsv, parseAgentsCsv, type AgentsTable } from '../mismatched-agents.js';
import { FleetError } from './fleet-types.js';

export interface AgentHosts {
  hosts: string[];
  hostColumn: string;
  expectedSerial: string | null;
}

/** A NetBIOS or DNS host name (not an IP address, not a GUID). */
const HOST_VALUE = /^(?=.*[A-Za-z_-])[A-Za-z0-9_][A-Za-z0-9._-]{0,253}$/;
const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

const MAX_LIST_BYTES = 64 * 1024 * 1024;

export async function readAgentHosts(file: string): Promise<AgentHosts> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new FleetError({ code: 'list-unreadable', path: file, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  if (bytes.length > MAX_LIST_BYTES) throw new FleetError({ code: 'list-invalid', path: file, problem: `${bytes.length} bytes` });
  const text = decodeCsv(bytes).text.trimStart();
  let table: AgentsTable;
  let expectedSerial: string | null = null;
  if (text.startsWith('{') || text.startsWith('[')) {
    const fromJson = tableFromJson(text, file);
    table = fromJson.table;
    expectedSerial = fromJson.serial;
  } else {
    try {
      table = parseAgentsCsv(bytes);
    } catch (e) {
      if (!(e instanceof AgentsCsvError)) throw e;
      throw new FleetError({ code: 'list-not-csv', path: file, line: e.line });
    }
  }
  // Our own export of a list without a header row starts with "Column 1", "Column 2"...
  if (!table.hadHeader && table.rows[0]?.every((c, i) => c === `Column ${i + 1}`)) table = { ...table, rows: table.rows.slice(1) };
  const column = table.roles.host ?? hostColumnByValues(table);
  if (column === undefined) throw new FleetError({ code: 'list-no-host', path: file, headers: table.headers });
  return { hosts: table.rows.map((r) => r[column] ?? '').filter((h) => h.trim() !== ''), hostColumn: table.headers[column]!, expectedSerial };
}

/** No header says "host": the first column whose every value looks like a host name. */
function hostColumnByValues(table: AgentsTable): number | undefined {
  if (table.rows.length === 0) return undefined;
  const taken = new Set(Object.values(table.roles));
  const i = table.headers.findIndex((_, n) => !taken.has(n) && table.rows.every((r) => HOST_VALUE.test((r[n] ?? '').trim()) && !GUID.test((r[n] ?? '').trim())));
  return i < 0 ? undefined : i;
}

/** The JSON exports: the rows go back through the CSV reader, so columns are recognised the same way. */
function tableFromJson(text: string, file: string): { table: AgentsTable; serial: string | null } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new FleetError({ code: 'list-invalid', path: file, problem: 'not valid JSON' });
  }
  const d = (Array.isArray(doc) ? { agents: doc } : doc) as { agents?: unknown; headers?: unknown; certificate?: { serial?: unknown } | null };
  if (!Array.isArray(d.agents) || !d.agents.every((a) => typeof a === 'object' && a !== null && !Array.isArray(a))) {
    throw new FleetError({ code: 'list-invalid', path: file, problem: 'no "agents" array of objects' });
  }
  const agents = d.agents as Record<string, unknown>[];
  const headers = Array.isArray(d.headers) && d.headers.every((h) => typeof h === 'string') ? (d.headers as string[]) : [...new Set(agents.flatMap((a) => Object.keys(a)))];
  const rows = agents.map((a) => headers.map((h) => (a[h] === undefined || a[h] === null ? '' : String(a[h]))));
  const table = agentsTable([headers, ...rows].map((r) => r.map((c) => c.trim())));
  const serial = typeof d.certificate?.serial === 'string' ? d.certificate.serial : null;
  return { table, serial };
}
