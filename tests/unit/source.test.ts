import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { FixError } from '../../electron/core/errors.js';
import { cleanSourceInput, probeOrder, resolveSource } from '../../electron/core/source.js';
import { makeWorld, type World } from '../fixtures/world.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function failure(p: Promise<unknown>): Promise<FixError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FixError) return e;
    throw e;
  }
  throw new Error('expected a FixError');
}

describe('source forms', () => {
  it('a bare \\\\server finds the ofcscan share first', async () => {
    world = await makeWorld();
    const files = await resolveSource(world.platform, '\\\\srv');
    expect(files.root).toBe('\\\\srv\\ofcscan');
    expect(files.tried).toEqual([{ path: '\\\\srv\\ofcscan', result: 'server-folder' }]);
    expect(files.certificate?.display).toBe('\\\\srv\\ofcscan\\Pccnt\\Common\\OfcNTCer.dat');
    expect(files.ipxfer.x64?.display).toBe('\\\\srv\\ofcscan\\Admin\\Utility\\IpXfer\\IpXfer_x64.exe');
  });

  it('a bare \\\\server without the ofcscan share probes the admin share in the documented order', async () => {
    world = await makeWorld({ shares: ['c$'], install: ['Program Files', 'Trend Micro', 'OfficeScan'] });
    const files = await resolveSource(world.platform, '\\\\srv');
    expect(files.root).toBe('\\\\srv\\c$\\Program Files\\Trend Micro\\OfficeScan\\PCCSRV');
    expect(files.tried.map((t) => t.path)).toEqual(probeOrder('srv'));
    expect(files.tried.map((t) => t.result)).toEqual(['unreachable', 'not-found', 'not-found', 'not-found', 'server-folder']);
  });

  it('probe order: ofcscan, then Apex One / OfficeScan under Program Files (x86), then Program Files', () => {
    expect(probeOrder('srv')).toEqual([
      '\\\\srv\\ofcscan',
      '\\\\srv\\c$\\Program Files (x86)\\Trend Micro\\Apex One\\PCCSRV',
      '\\\\srv\\c$\\Program Files (x86)\\Trend Micro\\OfficeScan\\PCCSRV',
      '\\\\srv\\c$\\Program Files\\Trend Micro\\Apex One\\PCCSRV',
      '\\\\srv\\c$\\Program Files\\Trend Micro\\OfficeScan\\PCCSRV',
    ]);
  });

  it('takes \\\\server\\ofcscan (the PCCSRV share itself), with forward slashes and a trailing slash too', async () => {
    world = await makeWorld();
    for (const input of ['\\\\srv\\ofcscan', '//srv/ofcscan/', '\\\\SRV\\OFCSCAN\\']) {
      const files = await resolveSource(world.platform, input);
      expect(files.certificate).not.toBeNull();
      expect(files.ipxfer.x86).not.toBeNull();
    }
  });

  it('takes an install folder (Apex One or OfficeScan) and goes to its PCCSRV', async () => {
    world = await makeWorld({ install: ['Program Files (x86)', 'Trend Micro', 'OfficeScan'] });
    const files = await resolveSource(world.platform, '\\\\srv\\c$\\Program Files (x86)\\Trend Micro\\OfficeScan');
    expect(files.root).toBe('\\\\srv\\c$\\Program Files (x86)\\Trend Micro\\OfficeScan\\PCCSRV');
  });

  it('takes a local PCCSRV folder and a local install folder', async () => {
    world = await makeWorld();
    expect((await resolveSource(world.platform, world.pccsrv)).rootLocal).toBe(world.pccsrv);
    expect((await resolveSource(world.platform, path.dirname(world.pccsrv))).rootLocal).toBe(world.pccsrv);
  });

  it('goes up from a folder inside PCCSRV (the IpXfer folder, Pccnt\\Common)', async () => {
    world = await makeWorld();
    const files = await resolveSource(world.platform, '\\\\srv\\ofcscan\\Admin\\Utility\\IpXfer');
    expect(files.root).toBe('\\\\srv\\ofcscan');
    expect((await resolveSource(world.platform, '\\\\srv\\ofcscan\\Pccnt\\Common')).root).toBe('\\\\srv\\ofcscan');
  });

  it('strips the quotes Explorer\'s "Copy as path" adds', () => {
    expect(cleanSourceInput('  "\\\\srv\\ofcscan"  ')).toBe('\\\\srv\\ofcscan');
  });
});

describe('case-insensitive names', () => {
  it('finds IPXFER_X64.EXE, DATFHS_X64.DLL and PCCNT\\COMMON\\OFCNTCER.DAT in upper case', async () => {
    world = await makeWorld({ tree: { nameCase: 'upper', datfhs: ['x64'] } });
    const files = await resolveSource(world.platform, '\\\\srv\\ofcscan');
    expect(files.ipxfer.x64?.name).toBe('IPXFER_X64.EXE');
    expect(files.datfhs.x64?.name).toBe('DATFHS_X64.DLL');
    expect(files.certificate?.name).toBe('OFCNTCER.DAT');
    expect(files.certificate?.display).toBe('\\\\srv\\ofcscan\\PCCNT\\COMMON\\OFCNTCER.DAT');
  });

  it('and in lower case, through an install folder called "pccsrv"', async () => {
    world = await makeWorld({ tree: { nameCase: 'lower' } });
    const files = await resolveSource(world.platform, '\\\\srv\\ofcscan');
    expect(files.ipxfer.x86?.name).toBe('ipxfer.exe');
  });
});

describe('where nothing is found', () => {
  it('an unknown server lists every place probed, each with why', async () => {
    world = await makeWorld();
    const e = await failure(resolveSource(world.platform, '\\\\nosuch'));
    expect(e.code).toBe('source-not-found');
    expect(e.category).toBe('bad-input');
    if (e.details.code !== 'source-not-found') throw e;
    expect(e.details.tried.map((t) => t.path)).toEqual(probeOrder('nosuch'));
    expect(e.details.tried.every((t) => t.result === 'unreachable')).toBe(true);
  });

  it('a folder that is not a server folder says so, and a missing folder does not wander up', async () => {
    world = await makeWorld();
    const e = await failure(resolveSource(world.platform, world.dir));
    if (e.details.code !== 'source-not-found') throw e;
    expect(e.details.tried.at(-1)).toEqual({ path: world.dir, result: 'not-a-server-folder' });
    const missing = await failure(resolveSource(world.platform, path.join(world.pccsrv, 'Admin', 'Nope')));
    if (missing.details.code !== 'source-not-found') throw missing;
    expect(missing.details.tried).toEqual([{ path: path.join(world.pccsrv, 'Admin', 'Nope'), result: 'not-found' }]);
  });

  it('an empty input asks for one', async () => {
    world = await makeWorld();
    expect((await failure(resolveSource(world.platform, '   '))).code).toBe('source-empty');
  });

  it('a share without the IpXfer folder is kept as the best place, so the missing file can be named', async () => {
    world = await makeWorld({ tree: { ipxfer: [] }, shares: ['ofcscan'] });
    const files = await resolveSource(world.platform, '\\\\srv');
    expect(files.root).toBe('\\\\srv\\ofcscan');
    expect(files.tried[0]).toEqual({ path: '\\\\srv\\ofcscan', result: 'incomplete' });
    expect(files.ipxfer.x64).toBeNull();
  });
});
