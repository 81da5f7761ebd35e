/**
 * POSIX side of "a folder only we can write": 0700, owned by this user. A folder someone else owns
 * is refused rather than fixed, since its owner could still rename or replace what is inside.
 * Shared by both sides: a link (a reparse point on Windows: Node reports junctions and symbolic
 * links alike as links) is refused at every level, and a run's folder must hold exactly its copies.
 */
import { chmod, lstat, readdir } from 'node:fs/promises';

export type NotPrivateReason = 'owner' | 'symlink' | 'not-directory' | 'acl';

export class NotPrivateError extends Error {
  constructor(
    readonly dir: string,
    readonly reason: NotPrivateReason,
    /** What was found instead, for the log (e.g. the ACL read back). */
    readonly found: string | null = null,
  ) {
    super(`${dir}: ${reason}${found ? ` (${found})` : ''}`);
    this.name = 'NotPrivateError';
  }
}

/** Refuses a link (junction, symbolic link) or anything that is not a plain folder. */
export async function assertPlainFolder(dir: string): Promise<void> {
  const st = await lstat(dir);
  if (st.isSymbolicLink()) throw new NotPrivateError(dir, 'symlink');
  if (!st.isDirectory()) throw new NotPrivateError(dir, 'not-directory');
}

export async function makePosixFolderPrivate(dir: string): Promise<void> {
  const st = await lstat(dir);
  if (st.isSymbolicLink()) throw new NotPrivateError(dir, 'symlink');
  if (!st.isDirectory()) throw new NotPrivateError(dir, 'not-directory');
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) throw new NotPrivateError(dir, 'owner');
  if ((st.mode & 0o077) !== 0) await chmod(dir, 0o700);
}

/**
 * What a folder holds beyond `expected` (names, compared case-insensitively as Windows does), and the
 * expected names that are not plain files (a link put in place of a copy). Sorted, for stable words.
 */
export async function unexpectedEntries(dir: string, expected: readonly string[]): Promise<string[]> {
  const want = new Set(expected.map((n) => n.toLowerCase()));
  const odd: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!want.has(entry.name.toLowerCase()) || !entry.isFile()) odd.push(entry.name);
  }
  return odd.sort();
}
