/**
 * The Windows process table as parent → child links, read from `wmic process get
 * Name,ParentProcessId,ProcessId` or the same columns printed by PowerShell's Get-CimInstance.
 * Only property names and numbers are read, so the OS language does not matter; the program name
 * (which may hold spaces) is whatever comes before the two numbers.
 */

export interface ProcessEntry {
  ppid: number;
  /** The program's file name (`IpXfer_x64.exe`), or '' when the source did not say. */
  name: string;
}

/** pid → parent pid and name. */
export type ProcessTable = Map<number, ProcessEntry>;

/** wmic writes UTF-16LE (with a BOM when redirected); PowerShell here writes ASCII. */
export function decodeToolBytes(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  const zeros = bytes.subarray(0, 512).filter((b, i) => i % 2 === 1 && b === 0).length;
  return zeros > Math.min(bytes.length, 512) / 4 ? bytes.toString('utf16le') : bytes.toString('latin1');
}

/**
 * Rows ending in two numbers under a header naming ParentProcessId and ProcessId (in either
 * order). Only finished lines count: output cut off by a time limit may end in half a row.
 */
export function parseProcessTable(text: string): ProcessTable {
  const table: ProcessTable = new Map();
  let parentFirst: boolean | null = null;
  for (const line of text.split(/\r?\n/).slice(0, -1)) {
    const words = line.trim().split(/\s+/);
    if (parentFirst === null) {
      // Wine's wmic runs the two header names together (`ParentProcessIDProcessID`).
      const lower = line.toLowerCase();
      const parent = lower.indexOf('parentprocessid');
      const own = lower.replace('parentprocessid', '#'.repeat(15)).indexOf('processid');
      if (parent >= 0 && own >= 0) parentFirst = parent < own;
      continue;
    }
    const numbers = words.slice(-2);
    if (numbers.length !== 2 || !numbers.every((w) => /^\d+$/.test(w))) continue;
    const [a, b] = numbers.map(Number) as [number, number];
    table.set(parentFirst ? b : a, { ppid: parentFirst ? a : b, name: words.slice(0, -2).join(' ') });
  }
  return table;
}

/** Every process started (directly or not) by one of `roots`, parents before children. */
export function descendants(table: ProcessTable, roots: readonly number[]): number[] {
  const found: number[] = [];
  const seen = new Set(roots);
  for (let i = 0, queue = [...roots]; i < queue.length; i++) {
    for (const [pid, { ppid }] of table) {
      if (ppid === queue[i] && !seen.has(pid)) {
        seen.add(pid);
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}
