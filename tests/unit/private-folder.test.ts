import { afterEach, describe, expect, it } from 'vitest';
import { chown, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makePosixFolderPrivate, NotPrivateError } from '../../electron/base/private-folder.js';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.runIf(process.platform !== 'win32')('a working folder only we can write (POSIX)', () => {
  it('an open folder becomes 0700', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'acf-private-'));
    const work = path.join(dir, 'work');
    await mkdir(work, { mode: 0o777 });
    await makePosixFolderPrivate(work);
    expect((await stat(work)).mode & 0o777).toBe(0o700);
  });

  it('a link, a file, or a folder someone else owns is refused, not fixed', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'acf-private-'));
    await mkdir(path.join(dir, 'real'));
    await symlink(path.join(dir, 'real'), path.join(dir, 'link'));
    await writeFile(path.join(dir, 'file'), '');
    await expect(makePosixFolderPrivate(path.join(dir, 'link'))).rejects.toMatchObject({ reason: 'symlink' });
    await expect(makePosixFolderPrivate(path.join(dir, 'file'))).rejects.toMatchObject({ reason: 'not-directory' });
    if (process.getuid?.() === 0) {
      // Only root can give a folder away; elsewhere this half cannot be set up.
      const theirs = path.join(dir, 'theirs');
      await mkdir(theirs, { mode: 0o777 });
      await chown(theirs, 4242, 4242);
      const before = (await stat(theirs)).mode;
      const e = await makePosixFolderPrivate(theirs).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(NotPrivateError);
      expect(e).toMatchObject({ reason: 'owner' });
      expect((await stat(theirs)).mode).toBe(before);
    }
  });
});
