/**
 * POSIX side of "a folder only we can write": 0700, owned by this user. A folder someone else owns
 * is refused rather than fixed, since its owner could still rename or replace what is inside.
 */
import { chmod, lstat } from 'node:fs/promises';

export class NotPrivateError extends Error {
  constructor(readonly dir: string, readonly reason: 'owner' | 'symlink' | 'not-directory') {
    super(`${dir}: ${reason}`);
  }
}

export async function makePosixFolderPrivate(dir: string): Promise<void> {
  const st = await lstat(dir);
  if (st.isSymbolicLink()) throw new NotPrivateError(dir, 'symlink');
  if (!st.isDirectory()) throw new NotPrivateError(dir, 'not-directory');
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) throw new NotPrivateError(dir, 'owner');
  if ((st.mode & 0o077) !== 0) await chmod(dir, 0o700);
}
