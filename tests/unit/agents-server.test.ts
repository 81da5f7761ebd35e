/**
 * The server side's list of mismatched agents (`CertificateManager -l`), run for real (the fake
 * CertificateManager program) on a simulated server: where it is looked for and what each place
 * held, a program that cannot start or writes nothing, an empty list, a cancel while it runs, and
 * what is said about the server certificate when it is unreadable, old or freshly renewed. Also the
 * list encodings the reader has to guess, and the JSON export keyed by the list's own headers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { agentsToJson, decodeCsv, listMismatchedAgents, parseAgentsCsv, type ListOptions } from '../../electron/core/mismatched-agents.js';
import { FixError } from '../../electron/core/errors.js';
import { messages } from '../../electron/core/messages.js';
import { writeServerTree } from '../../electron/simulation/server-tree.js';
import type { FakeCertificateManagerBehaviour } from '../../electron/simulation/fake-certificate-manager.js';
import { makeWorld, type World } from '../fixtures/world.js';

const LIST = Buffer.from('Host Name,IP Address\r\nWS-001,10.0.0.1\r\nWS-002,10.0.0.2\r\n');
let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function server(behaviour: FakeCertificateManagerBehaviour, certificate?: Buffer) {
  world = await makeWorld();
  await writeServerTree(world.pccsrv, { certificate: certificate ?? world.server.der, certificateManager: behaviour });
  return world;
}

const options = (w: World, o: Partial<ListOptions> = {}): ListOptions => ({ platform: w.platform, serverDir: w.pccsrv, workBase: w.workBase, timeoutMs: 20_000, codePage: 65001, now: new Date(), ...o });
const managerOf = (w: World) => path.join(w.pccsrv, 'Admin', 'Utility', 'CertificateManager', 'CertificateManager.exe');

async function refusal(p: Promise<unknown>): Promise<FixError> {
  const e = await p.then(() => null, (e: unknown) => e);
  expect(e).toBeInstanceOf(FixError);
  return e as FixError;
}

describe('finding CertificateManager', () => {
  it('every place looked at is listed with what it held: a file, a folder without it, a server not reachable', async () => {
    world = await makeWorld();
    const file = path.join(world.dir, 'a-file');
    await writeFile(file, 'x');
    const empty = path.join(world.dir, 'empty');
    await mkdir(path.join(empty, 'PCCSRV'), { recursive: true });
    const cases: [string, { path: string; result: string }[]][] = [
      [file, [{ path: path.join(file, 'PCCSRV'), result: 'not-found' }, { path: file, result: 'not-found' }]],
      [empty, [{ path: path.join(empty, 'PCCSRV'), result: 'not-a-server-folder' }, { path: empty, result: 'not-a-server-folder' }]],
      ['\\\\other-server\\c$\\Apex One', [{ path: '\\\\other-server\\c$\\Apex One\\PCCSRV', result: 'unreachable' }, { path: '\\\\other-server\\c$\\Apex One', result: 'unreachable' }]],
    ];
    for (const [serverDir, tried] of cases) {
      const e = await refusal(listMismatchedAgents(options(world, { serverDir })));
      expect(e.details).toEqual({ code: 'certmanager-missing', tried });
      const text = messages('en').error(e.details);
      for (const t of tried) expect(text).toContain(t.path);
    }
    // Nothing was made for a list that could not be asked for.
    await expect(readdir(world.workBase)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('running it', () => {
  it('a CertificateManager that cannot be started: failed, naming the program and the OS error, no exit code invented', async () => {
    const w = await server({ list: LIST });
    await chmod(managerOf(w), 0o644);
    const e = await refusal(listMismatchedAgents(options(w)));
    expect(e.details).toMatchObject({ code: 'certmanager-failed', exitCode: null, reason: 'EACCES', executable: managerOf(w) });
    expect(e.category).toBe('failed');
    const text = messages('en').error(e.details);
    expect(text).toContain('EACCES');
    expect(text).not.toContain('exit code');
  });

  it('an empty list with a failing exit code is a failure; with exit code 0 it is zero agents', async () => {
    const failing = await server({ list: Buffer.alloc(0), exitCode: 3 });
    const e = await refusal(listMismatchedAgents(options(failing)));
    expect(e.details).toMatchObject({ code: 'certmanager-failed', exitCode: 3, reason: 'empty-list' });
    expect(messages('ja').error(e.details)).toContain('一覧ファイルが空です');
    await world!.cleanup();

    const clean = await server({ list: Buffer.alloc(0), exitCode: 0 });
    const r = await listMismatchedAgents(options(clean));
    expect(r.table.rows).toEqual([]);
    expect(r.run.exitCode).toBe(0);
  });

  it('a list written despite a failing exit code is still read (the agents are what matters)', async () => {
    const w = await server({ list: LIST, exitCode: 2 });
    const r = await listMismatchedAgents(options(w));
    expect(r.run.exitCode).toBe(2);
    expect(r.table.rows.map((row) => row[0])).toEqual(['WS-001', 'WS-002']);
  });

  it('cancelled while it runs: stopped, "cancelled", never a list', async () => {
    const w = await server({ list: null, hang: true, lines: ['Exporting agent list...'] });
    const controller = new AbortController();
    const lines: string[] = [];
    const e = await refusal(
      listMismatchedAgents(
        options(w, {
          signal: controller.signal,
          onLine: (l) => {
            lines.push(l.text);
            controller.abort();
          },
        }),
      ),
    );
    expect(e.details).toEqual({ code: 'cancelled' });
    expect(lines).toEqual(['Exporting agent list...']);
  });
});

describe('what is said about the server certificate beside the list', () => {
  it('freshly renewed (the usual cause of a long list): named as such, with its days left', async () => {
    const w = await server({ list: LIST });
    const r = await listMismatchedAgents(options(w));
    expect(r.certificate?.serial).toBe(w.server.serial);
    expect(r.certificate!.daysLeft).toBeGreaterThan(0);
    expect(r.renewedRecently).toBe(true);
  });

  it('issued long ago: not called renewed', async () => {
    world = await makeWorld();
    await writeServerTree(world.pccsrv, { certificate: world.old.der, certificateManager: { list: LIST } });
    const r = await listMismatchedAgents(options(world));
    expect(r.certificate?.serial).toBe(world.old.serial);
    expect(r.renewedRecently).toBe(false);
  });

  it('unreadable or missing: the list still comes, without certificate facts', async () => {
    const garbage = await server({ list: LIST }, Buffer.from('not a certificate'));
    const r = await listMismatchedAgents(options(garbage));
    expect(r.table.rows).toHaveLength(2);
    expect(r.certificate).toBeNull();
    expect(r.renewedRecently).toBe(false);
    await world!.cleanup();

    world = await makeWorld();
    await writeServerTree(world.pccsrv, { certificate: null, certificateManager: { list: LIST } });
    await rm(path.join(world.pccsrv, 'Pccnt', 'Common', 'OfcNTCer.dat'));
    const missing = await listMismatchedAgents(options(world));
    expect(missing.table.rows).toHaveLength(2);
    expect(missing.certificate).toBeNull();
  });
});

describe('lists the reader has to guess', () => {
  it('UTF-16BE with a BOM reads like UTF-8', () => {
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('Host Name,IP Address\r\nPC-経理-01,10.1.2.3\r\n', 'utf16-be')]);
    const t = parseAgentsCsv(be);
    expect(t.encoding).toBe('utf-16be');
    expect(t.rows).toEqual([['PC-経理-01', '10.1.2.3']]);
    expect(t.roles).toMatchObject({ host: 0, ip: 1 });
  });

  it('a tiny file is not mistaken for UTF-16, and CP932 is recognised when UTF-8 fails', () => {
    expect(decodeCsv(Buffer.from('A\0'))).toMatchObject({ encoding: 'utf-8' });
    expect(decodeCsv(iconv.encode('ホスト名\r\nPC-1\r\n', 'cp932'))).toEqual({ text: 'ホスト名\r\nPC-1\r\n', encoding: 'cp932' });
  });

  it('rows shorter than the header are padded, never shifted; IPv6 addresses are recognised by value', () => {
    const t = parseAgentsCsv(Buffer.from('Host Name,Address,Note\r\nWS-001,fe80::1\r\nWS-002,fe80::2,moved\r\n'));
    expect(t.rows).toEqual([
      ['WS-001', 'fe80::1', ''],
      ['WS-002', 'fe80::2', 'moved'],
    ]);
    expect(t.roles).toEqual({ host: 0, ip: 1 });
  });

  it('the JSON export: one object per agent under the list\'s own headers, with the count and the roles', () => {
    const t = parseAgentsCsv(Buffer.from('コンピュータ名,IPアドレス\r\nPC-1,10.0.0.1\r\nPC-2,10.0.0.2\r\n'));
    expect(agentsToJson(t)).toEqual({
      count: 2,
      roles: { host: 0, ip: 1 },
      agents: [
        { 'コンピュータ名': 'PC-1', 'IPアドレス': '10.0.0.1' },
        { 'コンピュータ名': 'PC-2', 'IPアドレス': '10.0.0.2' },
      ],
    });
  });
});
