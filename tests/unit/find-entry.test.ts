import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { failureOf, findEntry, findPath, folderState, LookupError } from '../../electron/base/find-entry.js';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tree(): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'acf-find-'));
  await mkdir(path.join(dir, 'PCCSRV', 'Admin', 'Utility', 'IpXfer'), { recursive: true });
  await writeFile(path.join(dir, 'PCCSRV', 'Admin', 'Utility', 'IpXfer', 'IPXFER_X64.EXE'), 'x');
  return dir;
}

describe('names looked up the way Windows does', () => {
  it('finds a file in any case and says how the disk spells it (the KB writes Ipxfer_x64.exe)', async () => {
    const root = await tree();
    const found = await findPath(root, ['pccsrv', 'admin', 'UTILITY', 'ipxfer', 'Ipxfer_x64.exe'], 'file');
    expect(found?.names).toEqual(['PCCSRV', 'Admin', 'Utility', 'IpXfer', 'IPXFER_X64.EXE']);
    expect(found?.path).toBe(path.join(root, 'PCCSRV', 'Admin', 'Utility', 'IpXfer', 'IPXFER_X64.EXE'));
  });

  it('a folder where a file is wanted (and the other way round) is not found', async () => {
    const root = await tree();
    expect(await findEntry(path.join(root, 'PCCSRV'), 'admin', 'file')).toBeNull();
    expect(await findPath(root, ['PCCSRV', 'Admin', 'Utility', 'IpXfer', 'IpXfer_x64.exe', 'more'], 'file')).toBeNull();
  });

  it('on a case-sensitive disk holding both spellings, the exact one wins', async () => {
    const root = await tree();
    await writeFile(path.join(root, 'OfcNTCer.dat'), 'exact');
    await writeFile(path.join(root, 'OFCNTCER.DAT'), 'other');
    expect((await findEntry(root, 'OfcNTCer.dat', 'file'))?.name).toBe('OfcNTCer.dat');
    expect((await findEntry(root, 'OFCNTCER.DAT', 'file'))?.name).toBe('OFCNTCER.DAT');
  });

  it('a dangling link under the same name is passed over for a real file', async () => {
    const root = await tree();
    await symlink(path.join(root, 'gone'), path.join(root, 'ofcntcer.dat'));
    expect(await findEntry(root, 'OfcNTCer.dat', 'file')).toBeNull();
    await writeFile(path.join(root, 'OfcNTCer.DAT'), 'real');
    expect((await findEntry(root, 'OfcNTCer.dat', 'file'))?.name).toBe('OfcNTCer.DAT');
  });

  it('a missing folder is "not there"; a folder that cannot be listed is an error naming why', async () => {
    const root = await tree();
    expect(await findEntry(path.join(root, 'nope'), 'x', 'file')).toBeNull();
    // A link to itself: listing it fails with ELOOP, which is neither "missing" nor "no access".
    await symlink(path.join(root, 'loop'), path.join(root, 'loop'));
    const e = await findEntry(path.join(root, 'loop'), 'x', 'file').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LookupError);
    expect(e).toMatchObject({ failure: 'unreachable', errno: 'ELOOP' });
  });
});

describe('folderState', () => {
  it('tells a folder, a file, a missing path and an unreadable one apart', async () => {
    const root = await tree();
    expect(await folderState(path.join(root, 'PCCSRV'))).toBe('dir');
    expect(await folderState(path.join(root, 'PCCSRV', 'Admin', 'Utility', 'IpXfer', 'IPXFER_X64.EXE'))).toBe('not-a-folder');
    expect(await folderState(path.join(root, 'missing'))).toBe('not-found');
    expect(await folderState(path.join(root, 'PCCSRV', 'Admin', 'Utility', 'IpXfer', 'IPXFER_X64.EXE', 'below'))).toBe('not-found');
    await symlink(path.join(root, 'loop'), path.join(root, 'loop'));
    expect(await folderState(path.join(root, 'loop'))).toBe('unreachable');
  });

  it('access refusals are "no access" (what Windows and Linux say: EACCES, EPERM)', () => {
    // Tests here run as root, which no permission stops: the errors are the ones Node hands over.
    for (const code of ['EACCES', 'EPERM']) expect(failureOf(Object.assign(new Error(code), { code }))).toBe('no-access');
    expect(failureOf(Object.assign(new Error('x'), { code: 'EHOSTUNREACH' }))).toBe('unreachable');
    expect(failureOf(new Error('no code'))).toBe('unreachable');
  });
});
