/**
 * Ends a Windows process and everything it started, and says what is still running afterwards.
 * On Windows `taskkill /PID n /T /F` (by absolute path) walks the tree itself. Wine's taskkill
 * refuses /T, and a helper can outlive taskkill, so the tree is also read from a process snapshot
 * taken before the kill (wmic, else PowerShell's Get-CimInstance: wmic is deprecated and missing on
 * newer Windows 11; Wine's PowerShell is a stub) and whatever of it survives is terminated directly.
 */
import { execa } from 'execa';
import { decodeToolBytes, descendants, parseProcessTable, type ProcessTable } from './process-table.js';
import { systemToolPath } from './system-tool.js';
import type { RunningProcess } from './platform.js';

const TOOL_OPTIONS = { reject: false, windowsHide: true, timeout: 15_000, stdin: 'ignore' } as const;
const SNAPSHOT_MS = 8_000;

const POWERSHELL_TABLE = "'Name ParentProcessId ProcessId'; Get-CimInstance Win32_Process | ForEach-Object { '{0} {1} {2}' -f $_.Name, $_.ParentProcessId, $_.ProcessId }";

/**
 * What a snapshot tool printed within SNAPSHOT_MS. Bounded by a timer of its own, not execa's
 * timeout: a tool can print everything and then not exit, or leave a helper holding its pipe
 * (seen with Wine's wmic), and a tree kill must never wait for that. wmic also waits for its
 * standard input to end, so it gets an empty one.
 */
async function snapshotOutput(file: string, args: string[]): Promise<string> {
  const child = execa(file, args, { reject: false, encoding: 'buffer', buffer: false, windowsHide: true, input: '' });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([child, new Promise((r) => (timer = setTimeout(r, SNAPSHOT_MS)))]);
  clearTimeout(timer);
  child.kill('SIGKILL');
  child.stdout?.destroy();
  child.stderr?.destroy();
  return decodeToolBytes(Buffer.concat(chunks));
}

async function processTable(): Promise<ProcessTable> {
  const fromWmic = parseProcessTable(await snapshotOutput(systemToolPath('wmic'), ['process', 'get', 'Name,ParentProcessId,ProcessId']));
  if (fromWmic.size > 0) return fromWmic;
  return parseProcessTable(await snapshotOutput(systemToolPath('powershell'), ['-NoProfile', '-NonInteractive', '-Command', POWERSHELL_TABLE]));
}

/** Node on Windows answers signal 0 by asking whether the process still exists. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Any signal is TerminateProcess on Windows. */
function terminate(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone, or not ours to end: the check afterwards reports it
  }
}

/** Ends `pid` and what it started; returns what of that tree still runs (empty: all ended). */
export async function killWindowsTree(pid: number): Promise<RunningProcess[]> {
  const before = await processTable();
  const tree = [pid, ...descendants(before, [pid])];
  await execa(systemToolPath('taskkill'), ['/PID', String(pid), '/T', '/F'], TOOL_OPTIONS);
  let left = tree.filter(isRunning);
  if (left.length === 0) return [];
  for (const p of left) terminate(p);
  // Helpers started between the snapshot and the kill: one more look below what we knew.
  const after = await processTable();
  const late = descendants(after, tree);
  for (const p of late) terminate(p);
  await new Promise((r) => setTimeout(r, 200));
  left = [...tree, ...late].filter(isRunning);
  return left.map((p) => ({ pid: p, command: after.get(p)?.name || before.get(p)?.name || '?' }));
}
