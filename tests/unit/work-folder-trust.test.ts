/**
 * A working folder nobody else can write (issue 18 §3), on POSIX with real files: every level is a
 * plain folder (a link is refused at each one: the simulated PC's machine folder, the working base,
 * the run's folder, a copy), and right before IpXfer starts the run's folder holds exactly the
 * copies: anything else refuses the run, naming it, and IpXfer never starts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { privateLevels } from '../../electron/core/collect.js';
import { SessionContext } from '../../electron/core/session/context.js';
import { RepairSession } from '../../electron/core/session/repair-session.js';
import { makeWorld, type World } from '../fixtures/world.js';

const RUN_ANYWAY = { allowUnverifiedPublisher: true };
let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function collected(lang: 'en' | 'ja' = 'en') {
  world = await makeWorld();
  const ctx = new SessionContext({ platform: world.platform, lang, workBase: world.workBase, reportsDir: world.reportsDir, settleMs: 0, timeoutMs: 20_000 });
  const s = new RepairSession(ctx);
  expect(await s.setSource('\\\\srv')).toBe(true);
  expect(await s.collect()).toBe(true);
  return { s, w: world, workDir: s.state.collect.workDir! };
}

describe.runIf(process.platform !== 'win32')('the run\'s folder holds exactly the copies', () => {
  for (const planted of ['VERSION.dll', 'notes.txt', 'sub']) {
    it(`a ${planted} added after copying refuses the run, named; IpXfer never starts`, async () => {
      const { s, w, workDir } = await collected();
      if (planted === 'sub') await mkdir(path.join(workDir, planted));
      else await writeFile(path.join(workDir, planted), 'MZ planted');
      expect(await s.run(null, RUN_ANYWAY)).toBe(false);
      expect(s.state.error?.code).toBe('work-dir-unexpected');
      expect(s.state.error?.message).toContain(planted);
      expect(s.state.error?.message).toContain(workDir);
      expect(s.state.outcome).toBe('bad-input');
      expect(existsSync(w.record)).toBe(false);
      await s.dispose();
    });
  }

  it('Japanese: the refusal names the file in Japanese words', async () => {
    const { s, workDir } = await collected('ja');
    await writeFile(path.join(workDir, 'DatFHS_x64.dll'), 'MZ');
    expect(await s.run(null, RUN_ANYWAY)).toBe(false);
    expect(s.state.error?.message).toMatch(/作業フォルダ .* に、コピーしていないファイルがあります: DatFHS_x64\.dll/);
    await s.dispose();
  });

  it('a copy replaced by a link is refused, named', async () => {
    const { s, w, workDir } = await collected();
    const copy = s.state.collect.files.find((f) => f.role === 'ipxfer')!;
    await rename(copy.copy, path.join(w.dir, 'moved'));
    await symlink(path.join(w.dir, 'moved'), copy.copy);
    expect(await s.run(null, RUN_ANYWAY)).toBe(false);
    expect(s.state.error?.code).toBe('work-dir-unexpected');
    expect(s.state.error?.message).toContain(copy.name);
    expect(existsSync(w.record)).toBe(false);
    expect(workDir).toBe(path.dirname(copy.copy));
    await s.dispose();
  });

  it('the run\'s folder swapped for a link is refused as unsafe', async () => {
    const { s, w, workDir } = await collected();
    await rename(workDir, path.join(w.dir, 'elsewhere'));
    await symlink(path.join(w.dir, 'elsewhere'), workDir);
    expect(await s.run(null, RUN_ANYWAY)).toBe(false);
    expect(s.state.error?.code).toBe('work-dir-unsafe');
    expect(s.state.error?.details).toMatchObject({ path: workDir, problem: 'symlink' });
    expect(existsSync(w.record)).toBe(false);
    await s.dispose();
  });
});

describe.runIf(process.platform !== 'win32')('a link is refused at every level before anything is copied', () => {
  async function linkAt(which: 'machine' | 'base') {
    world = await makeWorld();
    const target = path.join(world.dir, 'attacker');
    await mkdir(target);
    const at = which === 'machine' ? world.platform.machineFolder() : world.workBase;
    await mkdir(path.dirname(at), { recursive: true });
    await rm(at, { recursive: true, force: true });
    await symlink(target, at);
    const ctx = new SessionContext({ platform: world.platform, lang: 'en', workBase: world.workBase, reportsDir: world.reportsDir, settleMs: 0, timeoutMs: 20_000 });
    const s = new RepairSession(ctx);
    expect(await s.setSource('\\\\srv')).toBe(true);
    expect(await s.collect()).toBe(false);
    return { s, at, target };
  }

  it('the machine folder (the simulated C:\\ProgramData\\ApexCertFix) as a link', async () => {
    const { s, at, target } = await linkAt('machine');
    expect(s.state.error?.details).toMatchObject({ code: 'work-dir-unsafe', path: at, problem: 'symlink' });
    expect(s.state.outcome).toBe('environment');
    expect(s.state.error?.message).toContain('link');
    expect(existsSync(path.join(target, 'repair.lock'))).toBe(false);
    await s.dispose();
  });

  it('the working base as a link', async () => {
    const { s, at, target } = await linkAt('base');
    expect(s.state.error?.details).toMatchObject({ code: 'work-dir-unsafe', path: at, problem: 'symlink' });
    expect(s.state.collect.workDir).toBeNull();
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(target)).toEqual([]);
    await s.dispose();
  });
});

describe('which levels are made private', () => {
  it('Windows: %ProgramData%\\ApexCertFix, then work (the run\'s folder follows)', () => {
    expect(privateLevels('C:\\ProgramData\\ApexCertFix\\work', 'C:\\ProgramData\\ApexCertFix')).toEqual(['C:\\ProgramData\\ApexCertFix', 'C:\\ProgramData\\ApexCertFix\\work']);
    expect(privateLevels('C:\\ProgramData\\ApexCertFix\\a\\b', 'C:\\ProgramData\\ApexCertFix')).toEqual(['C:\\ProgramData\\ApexCertFix', 'C:\\ProgramData\\ApexCertFix\\a', 'C:\\ProgramData\\ApexCertFix\\a\\b']);
  });
  it('a --work-dir outside the machine folder: that folder only', () => {
    expect(privateLevels('D:\\repair', 'C:\\ProgramData\\ApexCertFix')).toEqual(['D:\\repair']);
    expect(privateLevels('/tmp/x/work', '/srv/pc/ProgramData/ApexCertFix')).toEqual(['/tmp/x/work']);
    expect(privateLevels('/tmp/x/work', undefined)).toEqual(['/tmp/x/work']);
  });
});
