import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeToolBytes, descendants, parseProcessTable } from '../../electron/platform/process-table.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const recording = (name: string) => decodeToolBytes(readFileSync(path.join(here, '../fixtures/windows', name)));

describe('process table (for the tree kill)', () => {
  it('wmic on Windows (UTF-16LE, CR CR LF) and PowerShell give the same tree', () => {
    for (const name of ['wmic-process-en.txt', 'powershell-process-table.txt']) {
      const table = parseProcessTable(recording(name));
      expect(table.get(5188), name).toBe(5120);
      expect(descendants(table, [5120]), name).toEqual([5188, 5230]);
    }
  });

  it('wmic under Wine (captured): header ParentProcessID ProcessID', () => {
    const table = parseProcessTable(recording('wmic-process-wine.txt'));
    expect(table.size).toBeGreaterThan(5);
    expect(table.get(68)).toBe(56);
  });

  it('columns in either order; a row cut off by a time limit is not read', () => {
    expect([...parseProcessTable('ProcessId ParentProcessId\n10 1\n11 10\n').entries()]).toEqual([[10, 1], [11, 10]]);
    expect([...parseProcessTable('ParentProcessId ProcessId\n1 10\n10 1').entries()]).toEqual([[10, 1]]);
    expect(parseProcessTable('no table here\n').size).toBe(0);
  });

  it('descendants: every level, no loops', () => {
    const table = new Map([[2, 1], [3, 2], [4, 3], [5, 9], [1, 3]]);
    expect(descendants(table, [1])).toEqual([2, 3, 4]);
  });
});
