/**
 * The fleet view's I/O: every `*.json` below the report folders, read a few at a time. A file or a
 * subfolder that cannot be read is skipped with its reason, never a crash; only a top folder that
 * is missing stops the scan (it is the user's input). Symbolic links to folders are not followed
 * (no loops); regular files only, so a pipe or device named `.json` never blocks the scan.
 * Local folders are read synchronously in slices (a file in the page cache costs microseconds,
 * a thread-pool round trip per open/stat/read/close costs more than that), yielding to the event
 * loop between slices; UNC paths are read in parallel, where the network's latency dominates.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { FleetError } from './fleet-types.js';
import type { FleetAccumulator } from './fleet-view.js';
import { readReportRecord } from './report-record.js';

export interface ScanOptions {
  /** Larger files are skipped as `too-large` (a report keeps at most 5,000 output lines). */
  maxFileBytes?: number;
  concurrency?: number;
  signal?: AbortSignal;
  /** Called as files are read: (done, found). */
  onProgress?: (done: number, found: number) => void;
  /** Parallel asynchronous reads (default: for UNC paths only). */
  parallel?: boolean;
}

export const MAX_REPORT_BYTES = 16 * 1024 * 1024;

/** Non-blocking where it exists, so a link to a named pipe cannot stall the scan. */
const OPEN_FLAGS = process.platform === 'win32' ? 'r' : constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

/** The top folders must exist and be folders: a typo is bad input, not an empty fleet. */
export async function checkFolders(folders: readonly string[]): Promise<void> {
  for (const folder of folders) {
    let s;
    try {
      s = await stat(folder);
    } catch (e) {
      throw new FleetError({ code: 'folder-missing', path: folder, reason: errno(e) });
    }
    if (!s.isDirectory()) throw new FleetError({ code: 'folder-not-folder', path: folder });
  }
}

/** Every `*.json` (any case) below the folders, sorted; unreadable subfolders are skipped. */
export async function findReportFiles(folders: readonly string[], acc: FleetAccumulator, signal?: AbortSignal): Promise<string[]> {
  const found = new Set<string>();
  const stack = [...folders];
  while (stack.length) {
    signal?.throwIfAborted();
    const dir = stack.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      acc.skip(dir, 'unreadable', errno(e));
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.toLowerCase().endsWith('.json')) found.add(full);
    }
  }
  return [...found].sort();
}

function record(file: string, text: string, acc: FleetAccumulator): void {
  const r = readReportRecord(text, file);
  if (r.ok) acc.add(r.report);
  else acc.skip(file, r.reason, r.detail);
}

/** One buffer for every synchronous read (grown when a report is larger): fewer allocations, less GC. */
let shared = Buffer.allocUnsafe(256 * 1024);

function readOneSync(file: string, acc: FleetAccumulator, maxBytes: number): void {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    return acc.skip(file, 'unreadable', errno(e));
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return acc.skip(file, 'unreadable', 'not a file');
    if (info.size > maxBytes) return acc.skip(file, 'too-large', String(info.size));
    if (shared.length < info.size) shared = Buffer.allocUnsafe(info.size);
    let length = 0;
    for (let n = -1; length < info.size && n !== 0; length += n) n = readSync(fd, shared, length, info.size - length, length);
    record(file, shared.toString('utf8', 0, length), acc);
  } catch (e) {
    acc.skip(file, 'unreadable', errno(e));
  } finally {
    closeSync(fd);
  }
}

async function readOne(file: string, acc: FleetAccumulator, maxBytes: number): Promise<void> {
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (e) {
    acc.skip(file, 'unreadable', errno(e));
    return;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return acc.skip(file, 'unreadable', 'not a file');
    if (info.size > maxBytes) return acc.skip(file, 'too-large', String(info.size));
    record(file, await handle.readFile('utf8'), acc);
  } catch (e) {
    acc.skip(file, 'unreadable', errno(e));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

const isUnc = (file: string) => file.startsWith('\\\\') || file.startsWith('//');

/** Reads every file into the accumulator: local ones in slices, UNC ones `concurrency` at a time. */
export async function readReportFiles(files: readonly string[], acc: FleetAccumulator, o: ScanOptions = {}): Promise<void> {
  const maxBytes = o.maxFileBytes ?? MAX_REPORT_BYTES;
  if (!(o.parallel ?? files.some(isUnc))) {
    let slice = performance.now();
    for (let i = 0; i < files.length; i++) {
      readOneSync(files[i]!, acc, maxBytes);
      if ((i + 1) % 500 === 0 || i + 1 === files.length) o.onProgress?.(i + 1, files.length);
      // Keep the event loop (the wizard's host, a cancel) responsive: yield every ~20 ms.
      if (performance.now() - slice > 20) {
        await new Promise((resolve) => setImmediate(resolve));
        o.signal?.throwIfAborted();
        slice = performance.now();
      }
    }
    return;
  }
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      o.signal?.throwIfAborted();
      const file = files[next++]!;
      await readOne(file, acc, maxBytes);
      done++;
      if (o.onProgress && (done % 500 === 0 || done === files.length)) o.onProgress(done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency ?? 16, files.length)) }, worker));
}
