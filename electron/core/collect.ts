/**
 * Step "collect": copies the planned files into a fresh local working folder. Each source byte is
 * read once (a slow share is the cost that counts): the SHA-256 is computed while copying, then the
 * local copy is re-read (on a second core, overlapping the next copy) to prove it holds the same
 * bytes. Any failure removes the working folder.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { copyWithHash } from '../base/copy-with-hash.js';
import { FixError } from './errors.js';
import { NotPrivateError } from '../base/private-folder.js';
import type { FileRole, Plan } from './plan.js';
import { HashWorker } from '../base/hash-worker.js';
import { compactTimestamp } from '../base/timestamp.js';

export interface CollectedFile {
  role: FileRole;
  name: string;
  /** Where it came from, as the user would recognise it. */
  source: string;
  /** The local copy. */
  copy: string;
  size: number;
  sha256: string;
}

export interface CollectProgress {
  file: string;
  fileBytes: number;
  fileTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

/**
 * A new folder under `base` that no earlier run used: old copies can never be picked up. Each level
 * from `root` (the program's machine folder, when `base` lies in it) down to the new folder is made
 * private by `makePrivate`, which refuses a link (reparse point) at any of them: another account must
 * not be able to swap the copies between the check and the run.
 */
export async function createWorkFolder(base: string, now: Date, makePrivate?: (dir: string) => Promise<void>, root?: string): Promise<string> {
  let at = base;
  try {
    await mkdir(base, { recursive: true });
    for (const level of privateLevels(base, root)) {
      at = level;
      await makePrivate?.(level);
    }
    at = base;
    const dir = await mkdtemp(path.join(base, `${compactTimestamp(now)}-`));
    at = dir;
    await makePrivate?.(dir);
    return dir;
  } catch (e) {
    if (e instanceof FixError) throw e;
    if (e instanceof NotPrivateError) throw new FixError({ code: 'work-dir-unsafe', path: e.dir, problem: e.reason });
    throw new FixError({ code: 'work-dir-failed', path: at, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}

/** `root`, then each folder below it down to `base` (only `base` when it is not inside `root`). */
export function privateLevels(base: string, root: string | undefined): string[] {
  const p = /^[A-Za-z]:|^\\\\/.test(base) ? path.win32 : path;
  if (!root) return [base];
  const rel = p.relative(root, base);
  if (rel === '' ) return [root];
  if (rel.startsWith('..') || p.isAbsolute(rel)) return [base];
  const levels = [root];
  for (const part of rel.split(p.sep)) levels.push(p.join(levels[levels.length - 1]!, part));
  return levels;
}

export interface CollectOptions {
  plan: Plan;
  workBase: string;
  now: Date;
  onProgress?: (p: CollectProgress) => void;
  signal?: AbortSignal;
  /** Makes a folder private to administrators (the platform knows how). */
  makePrivate?: (dir: string) => Promise<void>;
  /** The program's machine folder: when the working folders lie in it, it is made private too. */
  privateRoot?: string;
}

export interface Collected {
  workDir: string;
  files: CollectedFile[];
  /** Bytes read from the server (equals the total size: each byte is read once). */
  sourceBytesRead: number;
}

export async function collectFiles({ plan, workBase, now, onProgress, signal, makePrivate, privateRoot }: CollectOptions): Promise<Collected> {
  // Sizes first, so progress has a total and a vanished file fails before anything is written.
  const sizes: number[] = [];
  const modes: number[] = [];
  for (const file of plan.files) {
    try {
      const s = await stat(file.source.local);
      sizes.push(s.size);
      // Keep the execute bit where the file system has one (the training mode's IpXfer is a script).
      modes.push(s.mode & 0o777);
    } catch (e) {
      throw new FixError({ code: 'copy-failed', file: file.source.display, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
  }
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  const workDir = await createWorkFolder(workBase, now, makePrivate, privateRoot);
  const files: CollectedFile[] = [];
  let bytesDone = 0;
  let sourceBytesRead = 0;
  const hasher = new HashWorker();
  const checks: Promise<void>[] = [];
  try {
    for (const [i, file] of plan.files.entries()) {
      const copy = path.join(workDir, file.name);
      let fileBytes = 0;
      const report = () => onProgress?.({ file: file.name, fileBytes, fileTotal: sizes[i]!, bytesDone, bytesTotal });
      report();
      let written: Awaited<ReturnType<typeof copyWithHash>>;
      try {
        written = await copyWithHash(
          file.source.local,
          copy,
          (n) => {
            fileBytes += n;
            bytesDone += n;
            report();
          },
          modes[i],
          signal,
        );
      } catch (e) {
        if (signal?.aborted) throw new FixError({ code: 'cancelled' });
        throw new FixError({ code: 'copy-failed', file: file.source.display, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
      }
      sourceBytesRead += written.sourceBytesRead;
      // A kit's file must be the manifest's: the hash of exactly the bytes copied decides, so a file
      // swapped after the manifest check (or while it was being copied) is never run.
      if (file.source.expectedSha256 !== undefined && written.sha256 !== file.source.expectedSha256) {
        throw new FixError({ code: 'copy-changed', file: file.source.display, kit: true });
      }
      files.push({ role: file.role, name: file.name, source: file.source.display, copy, size: written.size, sha256: written.sha256 });
      // Re-read the copy on the other core while the next file is copied.
      const mismatch = new FixError({ code: 'copy-mismatch', file: file.source.display });
      checks.push(
        Promise.all([stat(copy), hasher.sha256(copy)]).then(
          ([check, sha256]) => {
            if (check.size !== written.size || sha256 !== written.sha256) throw mismatch;
          },
          () => {
            throw mismatch;
          },
        ),
      );
    }
    const results = await Promise.allSettled(checks);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  } catch (e) {
    await Promise.allSettled(checks);
    await rm(workDir, { recursive: true, force: true });
    throw e;
  } finally {
    await hasher.close();
  }
  return { workDir, files, sourceBytesRead };
}
