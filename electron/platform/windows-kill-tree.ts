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
import type { KillResult } from './platform.js';

// wmic waits for its standard input to end: give it an empty one (Wine's also hangs on NUL).
const TOOL_OPTIONS = { reject: false, encoding: 'buffer', windowsHide: true, timeout: 15_000, input: '' } as const;
// Wine's wmic sometimes prints the whole table and then does not exit: read what arrived.
const SNAPSHOT_OPTIONS = { ...TOOL_OPTIONS, timeout: 8_000 } as const;

const POWERSHELL_TABLE = "'ParentProcessId ProcessId'; Get-CimInstance Win32_Process | ForEach-Object { '{0} {1}' -f $_.ParentProcessId, $_.ProcessId }";

async function processTable(): Promise<ProcessTable> {
  const wmic = await execa(systemToolPath('wmic'), ['process', 'get', 'ParentProcessId,ProcessId'], SNAPSHOT_OPTIONS);
  const fromWmic = parseProcessTable(decodeToolBytes(Buffer.from((wmic.stdout ?? new Uint8Array()) as Uint8Array)));
  if (fromWmic.size > 0) return fromWmic;
  const ps = await execa(systemToolPath('powershell'), ['-NoProfile', '-NonInteractive', '-Command', POWERSHELL_TABLE], SNAPSHOT_OPTIONS);
  return parseProcessTable(decodeToolBytes(Buffer.from((ps.stdout ?? new Uint8Array()) as Uint8Array)));
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

export async function killWindowsTree(pid: number): Promise<KillResult> {
  const tree = [pid, ...descendants(await processTable(), [pid])];
  await execa(systemToolPath('taskkill'), ['/PID', String(pid), '/T', '/F'], TOOL_OPTIONS);
  let left = tree.filter(isRunning);
  if (left.length === 0) return { stillRunning: [] };
  for (const p of left) terminate(p);
  // Helpers started between the snapshot and the kill: one more look below what we knew.
  const late = descendants(await processTable(), tree);
  for (const p of late) terminate(p);
  await new Promise((r) => setTimeout(r, 200));
  left = [...tree, ...late].filter(isRunning);
  return { stillRunning: left };
}
