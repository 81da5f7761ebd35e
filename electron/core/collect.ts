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

/** A new folder under `base` that no earlier run used: old copies can never be picked up. */
export async function createWorkFolder(base: string, now: Date, makePrivate?: (dir: string) => Promise<void>): Promise<string> {
  try {
    await mkdir(base, { recursive: true });
    // Another account must not be able to swap the copies between the check and the run.
    await makePrivate?.(base);
    return await mkdtemp(path.join(base, `${compactTimestamp(now)}-`));
  } catch (e) {
    if (e instanceof FixError) throw e;
    throw new FixError({ code: 'work-dir-failed', path: base, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}

export interface CollectOptions {
  plan: Plan;
  workBase: string;
  now: Date;
  onProgress?: (p: CollectProgress) => void;
  signal?: AbortSignal;
  /** Makes the working folders' parent private to administrators (the platform knows how). */
  makePrivate?: (dir: string) => Promise<void>;
}

export interface Collected {
  workDir: string;
  files: CollectedFile[];
  /** Bytes read from the server (equals the total size: each byte is read once). */
  sourceBytesRead: number;
}

export async function collectFiles({ plan, workBase, now, onProgress, signal, makePrivate }: CollectOptions): Promise<Collected> {
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
  const workDir = await createWorkFolder(workBase, now, makePrivate);
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
