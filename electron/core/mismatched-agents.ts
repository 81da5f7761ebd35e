/**
 * Server side: which agents hold a certificate that does not match (KB 1102855: on the server,
 * `CertificateManager.exe -l <list file>`). The list's columns and encoding are not documented
 * (docs/vendor-facts.md "Certificates": U), so it is read defensively: BOM / UTF-16 / UTF-8 / CP932, every column
 * kept under its own header, host / IP / domain / GUID columns recognised when their header (ja or
 * en) or their values say so, and an unknown layout never an error.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import type { Platform } from '../platform/platform.js';
import { daysLeft, parseCertificate, readCertificateFile, type CertificateInfo } from './certificate.js';
import { FixError, type TriedPlace } from './errors.js';
import { findPath, folderState } from '../base/find-entry.js';
import { runProgram, type OutputLine, type ProgramResult } from '../base/run-program.js';
import { CERTIFICATE_PATH, INSTALL_FOLDERS, PCCSRV_FOLDER } from './vendor-layout.js';
import { joinDisplay } from '../base/windows-path.js';
import { csvBytes, restoreCell } from '../base/csv-write.js';
import { createWorkFolder } from './collect.js';

/** KB 1102855: `PCCSRV\Admin\Utility\CertificateManager\CertificateManager.exe`. */
export const CERTIFICATE_MANAGER_PATH = ['Admin', 'Utility', 'CertificateManager', 'CertificateManager.exe'] as const;

export type CsvEncoding = 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-8' | 'cp932';
export type ColumnRole = 'host' | 'ip' | 'domain' | 'guid';

export interface AgentsTable {
  encoding: CsvEncoding;
  /** False when the file had no header row; the columns are then named "Column 1"... */
  hadHeader: boolean;
  headers: string[];
  rows: string[][];
  /** Column index of each recognised role. */
  roles: Partial<Record<ColumnRole, number>>;
}

export function decodeCsv(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf16-le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf16-be'), encoding: 'utf-16be' };
  // UTF-16 without a BOM: ASCII text leaves every other byte zero.
  const sample = bytes.subarray(0, 4096);
  let zerosOdd = 0;
  for (let i = 1; i < sample.length; i += 2) if (sample[i] === 0) zerosOdd++;
  if (sample.length >= 4 && zerosOdd > sample.length / 4) return { text: iconv.decode(bytes, 'utf16-le'), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'cp932'), encoding: 'cp932' };
  }
}

const HEADER_WORDS: [ColumnRole, RegExp][] = [
  ['guid', /guid|uuid|agent ?id|client ?id|エージェント ?id|識別子/i],
  ['ip', /^ip$|ip ?address|ipv[46]|ip ?アドレス/i],
  ['domain', /domain|ドメイン|グループ/i],
  ['host', /host|computer|machine|endpoint|agent ?name|device|ホスト|コンピュータ|端末|エンドポイント|エージェント名|マシン/i],
];
const VALUE_PATTERNS: [ColumnRole, RegExp][] = [
  ['guid', /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i],
  ['ip', /^(\d{1,3}\.){3}\d{1,3}$|^[0-9a-f:]+:[0-9a-f:]+$/i],
];

function recogniseRoles(headers: string[], rows: string[][], hadHeader: boolean): Partial<Record<ColumnRole, number>> {
  const roles: Partial<Record<ColumnRole, number>> = {};
  const taken = new Set<number>();
  if (hadHeader) {
    for (const [role, re] of HEADER_WORDS) {
      const i = headers.findIndex((h, n) => !taken.has(n) && re.test(h));
      if (i >= 0) {
        roles[role] = i;
        taken.add(i);
      }
    }
  }
  // Values tell what headers do not: a column whose every value is a GUID or an IP address.
  for (const [role, re] of VALUE_PATTERNS) {
    if (roles[role] !== undefined || rows.length === 0) continue;
    const i = headers.findIndex((_, n) => !taken.has(n) && rows.every((r) => re.test((r[n] ?? '').trim())));
    if (i >= 0) {
      roles[role] = i;
      taken.add(i);
    }
  }
  return roles;
}

/** A list that is not CSV even read leniently (a quote closed in the middle of a cell): its line. */
export class AgentsCsvError extends Error {
  constructor(readonly line: number | null) {
    super(`not valid CSV${line === null ? '' : ` at line ${line}`}`);
    this.name = 'AgentsCsvError';
  }
}

export function parseAgentsCsv(bytes: Buffer): AgentsTable {
  const { text, encoding } = decodeCsv(bytes);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (e) {
    const line = (e as { lines?: unknown }).lines;
    throw new AgentsCsvError(typeof line === 'number' ? line : null);
  }
  return agentsTable(records.map((r) => r.map(restoreCell)), encoding);
}

/** A table from rows of cells (the first may be a header row): columns named and recognised. */
export function agentsTable(records: string[][], encoding: CsvEncoding = 'utf-8'): AgentsTable {
  const first = records[0] ?? [];
  const hadHeader = first.length > 0 && first.some((cell) => HEADER_WORDS.some(([, re]) => re.test(cell))) && !first.some((cell) => VALUE_PATTERNS.some(([, re]) => re.test(cell)));
  const width = Math.max(0, ...records.map((r) => r.length));
  const headers = Array.from({ length: width }, (_, i) => (hadHeader && first[i] ? first[i] : `Column ${i + 1}`));
  const rows = (hadHeader ? records.slice(1) : records).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  return { encoding, hadHeader, headers, rows, roles: recogniseRoles(headers, rows, hadHeader) };
}

/** For Excel: UTF-8 with a BOM, CRLF, every cell quoted and neutralised (base/csv-write.ts). */
export function agentsToCsv(table: Pick<AgentsTable, 'headers' | 'rows'>): Buffer {
  return csvBytes([table.headers, ...table.rows]);
}

/** One object per agent, keyed by the list's own headers. */
export function agentsToJson(table: AgentsTable): { count: number; roles: AgentsTable['roles']; agents: Record<string, string>[] } {
  return { count: table.rows.length, roles: table.roles, agents: table.rows.map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r[i] ?? '']))) };
}

export interface LocalServer {
  pccsrv: string;
  pccsrvLocal: string;
  manager: string;
  managerLocal: string;
}

/** The server's CertificateManager: under `serverDir` (install folder or PCCSRV), or the default install folders. */
export async function findCertificateManager(platform: Platform, serverDir: string | null): Promise<{ server: LocalServer | null; tried: TriedPlace[] }> {
  const candidates = serverDir
    ? [joinDisplay(serverDir, PCCSRV_FOLDER), serverDir]
    : INSTALL_FOLDERS.map((parts) => `C:\\${parts.join('\\')}\\${PCCSRV_FOLDER}`);
  const tried: TriedPlace[] = [];
  for (const pccsrv of candidates) {
    const local = platform.toLocalPath(pccsrv);
    if (!local.ok) {
      tried.push({ path: pccsrv, result: 'unreachable' });
      continue;
    }
    const state = await folderState(local.path);
    if (state !== 'dir') {
      tried.push({ path: pccsrv, result: state === 'not-a-folder' ? 'not-found' : state });
      continue;
    }
    const found = await findPath(local.path, CERTIFICATE_MANAGER_PATH, 'file').catch(() => null);
    if (!found) {
      tried.push({ path: pccsrv, result: 'not-a-server-folder' });
      continue;
    }
    tried.push({ path: pccsrv, result: 'server-folder' });
    return { server: { pccsrv, pccsrvLocal: local.path, manager: joinDisplay(pccsrv, ...found.names), managerLocal: found.path }, tried };
  }
  return { server: null, tried };
}

export interface AgentsList {
  server: LocalServer;
  listFile: string;
  run: ProgramResult;
  table: AgentsTable;
  certificate: (CertificateInfo & { daysLeft: number }) | null;
  /** The server certificate is younger than 90 days: the usual cause of mismatches (docs/vendor-facts.md "Certificates"). */
  renewedRecently: boolean;
}

export interface ListOptions {
  platform: Platform;
  serverDir: string | null;
  workBase: string;
  timeoutMs: number;
  codePage: number;
  now: Date;
  signal?: AbortSignal;
  onLine?: (line: OutputLine) => void;
}

export async function listMismatchedAgents(o: ListOptions): Promise<AgentsList> {
  const { server, tried } = await findCertificateManager(o.platform, o.serverDir);
  if (!server) throw new FixError({ code: 'certmanager-missing', tried });
  const work = await createWorkFolder(o.workBase, o.now);
  const listFile = path.join(work, 'mismatched-agents.csv');
  const command = o.platform.programCommand ? o.platform.programCommand(server.managerLocal, ['-l', listFile]) : { file: server.managerLocal, args: ['-l', listFile] };
  const run = await runProgram({
    file: command.file,
    args: command.args,
    cwd: path.dirname(server.managerLocal),
    codePage: o.codePage,
    timeoutMs: o.timeoutMs,
    signal: o.signal,
    onLine: o.onLine ?? (() => undefined),
    killTree: (pid, tag) => o.platform.killTree(pid, tag),
  });
  if (run.timedOut) throw new FixError({ code: 'timeout', seconds: Math.round(o.timeoutMs / 1000), servicesDown: [] });
  if (run.cancelled) throw new FixError({ code: 'cancelled' });
  if (run.startError) throw new FixError({ code: 'certmanager-failed', executable: server.manager, exitCode: null, reason: run.startError });
  let bytes: Buffer;
  try {
    bytes = await readFile(listFile);
  } catch {
    throw new FixError({ code: 'certmanager-failed', executable: server.manager, exitCode: run.exitCode, reason: 'no-list' });
  }
  if (run.exitCode !== 0 && bytes.length === 0) throw new FixError({ code: 'certmanager-failed', executable: server.manager, exitCode: run.exitCode, reason: 'empty-list' });
  let table: AgentsTable;
  try {
    table = parseAgentsCsv(bytes);
  } catch (e) {
    if (!(e instanceof AgentsCsvError)) throw e;
    throw new FixError({ code: 'certmanager-failed', executable: server.manager, exitCode: run.exitCode, reason: 'bad-list' });
  }

  let certificate: AgentsList['certificate'] = null;
  const certPath = await findPath(server.pccsrvLocal, CERTIFICATE_PATH, 'file').catch(() => null);
  if (certPath) {
    try {
      const info = parseCertificate(await readCertificateFile(certPath.path));
      certificate = { ...info, daysLeft: daysLeft(info, o.now) };
    } catch {
      certificate = null;
    }
  }
  const renewedRecently = certificate !== null && o.now.getTime() - Date.parse(certificate.notBefore) < 90 * 86_400_000;
  return { server, listFile, run, table, certificate, renewedRecently };
}
