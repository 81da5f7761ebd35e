import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeToolBytes, descendants, parseProcessTable } from '../../electron/platform/process-table.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const recording = (name: string) => decodeToolBytes(readFileSync(path.join(here, '../fixtures/windows', name)));

describe('process table (for the tree kill)', () => {
  it('wmic on Windows (UTF-16LE, CR CR LF) and PowerShell give the same tree', () => {
    for (const name of ['wmic-process-en.txt', 'wmic-process-names-en.txt', 'powershell-process-table.txt']) {
      const table = parseProcessTable(recording(name));
      expect(table.get(5188)?.ppid, name).toBe(5120);
      expect(descendants(table, [5120]), name).toEqual([5188, 5230]);
    }
  });

  it('program names, spaces included, come before the two numbers', () => {
    const table = parseProcessTable(recording('wmic-process-names-en.txt'));
    expect(table.get(0)?.name).toBe('System Idle Process');
    expect(table.get(5230)?.name).toBe('IpXfer_x64.exe');
    expect(parseProcessTable(recording('wmic-process-en.txt')).get(5230)?.name).toBe('');
  });

  it('wmic under Wine (captured): header ParentProcessID ProcessID', () => {
    const table = parseProcessTable(recording('wmic-process-wine.txt'));
    expect(table.size).toBeGreaterThan(5);
    expect(table.get(68)?.ppid).toBe(56);
  });

  it('columns in either order; a row cut off by a time limit is not read', () => {
    const pairs = (text: string) => [...parseProcessTable(text).entries()].map(([pid, e]) => [pid, e.ppid]);
    expect(pairs('ProcessId ParentProcessId\n10 1\n11 10\n')).toEqual([[10, 1], [11, 10]]);
    expect(pairs('ParentProcessId ProcessId\n1 10\n10 1')).toEqual([[10, 1]]);
    expect(parseProcessTable('no table here\n').size).toBe(0);
  });

  it('descendants: every level, no loops', () => {
    const table = new Map([[2, 1], [3, 2], [4, 3], [5, 9], [1, 3]].map(([pid, ppid]) => [pid!, { ppid: ppid!, name: '' }]));
    expect(descendants(table, [1])).toEqual([2, 3, 4]);
  });
});
