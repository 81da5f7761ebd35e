/**
 * The copy step when its folders or its sources let it down, on a real repair session: a working
 * folder that cannot be made (the place runs through a file), a server file that vanished or
 * became a folder after the source check. Each stops as bad input naming the place and the OS
 * error in words, leaves no copies, runs nothing, and can be retried once the place is fixed;
 * switching the language rewords the stop. Also what a session uses when given no options.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { collectFiles, createWorkFolder } from '../../electron/core/collect.js';
import { FixError } from '../../electron/core/errors.js';
import { messages } from '../../electron/core/messages.js';
import { SessionContext, defaultReportsDir, defaultWorkBase } from '../../electron/core/session/context.js';
import { RepairSession } from '../../electron/core/session/repair-session.js';
import { runCli } from '../fixtures/cli.js';
import { makeWorld, type World, type WorldOptions } from '../fixtures/world.js';
import { clockAt } from '../../electron/base/clock.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function session(o: WorldOptions = {}, workBase?: (w: World) => string) {
  world = await makeWorld(o);
  const ctx = new SessionContext({ platform: world.platform, lang: 'en', workBase: workBase ? workBase(world) : world.workBase, reportsDir: world.reportsDir, settleMs: 0, timeoutMs: 20_000 });
  return { s: new RepairSession(ctx), ctx, w: world };
}

const ipxferOf = (w: World) => path.join(w.pccsrv, 'Admin', 'Utility', 'IpXfer', 'IpXfer_x64.exe');

describe('a working folder that cannot be made', () => {
  it('stops as bad input naming the place and the reason; nothing copied; retried once the place is fixed', async () => {
    const { s, ctx, w } = await session({}, (w) => path.join(w.dir, 'blocked', 'work'));
    const blocked = path.join(w.dir, 'blocked');
    await writeFile(blocked, 'a file where the working folder\'s parent should be');
    await s.setSource('\\\\srv');
    expect(await s.collect()).toBe(false);
    expect(s.state.outcome).toBe('bad-input');
    expect(s.state.error).toMatchObject({ code: 'work-dir-failed', step: 'collect', details: { path: path.join(blocked, 'work'), reason: 'ENOTDIR' } });
    expect(s.state.error!.message).toContain(path.join(blocked, 'work'));
    expect(s.state.error!.message).toContain('Choose a local folder you can write to.');
    expect(existsSync(w.record)).toBe(false);

    // The language is one setting for the session: the stop is reworded, not lost.
    ctx.setLang('ja');
    expect(s.state.error!.message).toBe(messages('ja').error(s.state.error!.details));
    expect(s.state.error!.message).toContain('作業フォルダを作れません');

    await rm(blocked);
    expect(await s.collect()).toBe(true);
    expect(s.state.collect.files.map((f) => f.name)).toEqual(['OfcNTCer.dat', 'IpXfer_x64.exe']);
  });

  it('the CLI: exit 2 in both languages, the place named with the OS error in words, IpXfer never run', async () => {
    world = await makeWorld();
    const blocked = path.join(world.dir, 'blocked');
    await writeFile(blocked, 'x');
    for (const lang of ['en', 'ja'] as const) {
      const r = await runCli(['fix', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', path.join(blocked, 'work'), '--reports-dir', world.reportsDir, '--json', '--allow-unverified-publisher', '--lang', lang]);
      expect(r.code).toBe(2);
      const doc = JSON.parse(r.stdout);
      expect(doc).toMatchObject({ outcome: 'bad-input', error: { code: 'work-dir-failed' } });
      expect(r.stderr).toContain(path.join(blocked, 'work'));
      expect(r.stderr).toContain(messages(lang).osError('ENOTDIR'));
    }
    expect(existsSync(world.record)).toBe(false);
  });

  it('createWorkFolder: a fresh folder each time under the base, never one an earlier run used', async () => {
    world = await makeWorld();
    const now = new Date('2026-03-02T09:15:00Z');
    const a = await createWorkFolder(world.workBase, now);
    const b = await createWorkFolder(world.workBase, now);
    expect(a).not.toBe(b);
    expect(path.dirname(a)).toBe(world.workBase);
    expect((await readdir(world.workBase)).sort()).toEqual([path.basename(a), path.basename(b)].sort());
    // A refusal of the platform's own (already worded) passes through as it is.
    const refusal = new FixError({ code: 'not-elevated' });
    await expect(createWorkFolder(path.join(world.dir, 'other'), now, async () => Promise.reject(refusal))).rejects.toBe(refusal);
    // Any other failure to make it private is a working folder that could not be made.
    await expect(createWorkFolder(path.join(world.dir, 'other'), now, async () => Promise.reject(Object.assign(new Error('denied'), { code: 'EPERM' })))).rejects.toMatchObject({ details: { code: 'work-dir-failed', reason: 'EPERM' } });
  });
});

describe('a server file that changed after the source check', () => {
  it('vanished: stops naming it (not found), before any folder is made', async () => {
    const { s, w } = await session();
    await s.setSource('\\\\srv');
    await rm(ipxferOf(w));
    expect(await s.collect()).toBe(false);
    expect(s.state.error).toMatchObject({ code: 'copy-failed', details: { reason: 'ENOENT' } });
    expect(s.state.error!.details).toMatchObject({ file: expect.stringMatching(/IpXfer_x64\.exe$/) });
    expect(s.state.error!.message).toContain('not found (ENOENT)');
    expect(existsSync(w.workBase)).toBe(false);
  });

  it('became a folder: stops naming it, the partial working folder removed', async () => {
    const { s, w } = await session();
    await s.setSource('\\\\srv');
    await rm(ipxferOf(w));
    await mkdir(ipxferOf(w));
    expect(await s.collect()).toBe(false);
    expect(s.state.error).toMatchObject({ code: 'copy-failed', details: { reason: 'EISDIR' } });
    expect(await w.workFiles()).toEqual([]);
    expect(existsSync(w.record)).toBe(false);
  });

  it('collectFiles on its own, cancelled before it starts: "cancelled", and no working folder is left', async () => {
    const { s, w } = await session();
    await s.setSource('\\\\srv');
    const plan = s.state.plan!;
    const controller = new AbortController();
    controller.abort();
    await expect(collectFiles({ plan, workBase: w.workBase, now: new Date(), signal: controller.signal })).rejects.toMatchObject({ details: { code: 'cancelled' } });
    expect(await w.workFiles()).toEqual([]);
    // And without a cancel, progress reaches every byte of every file.
    const seen: number[] = [];
    const done = await collectFiles({ plan, workBase: w.workBase, now: new Date(), onProgress: (p) => seen.push(p.bytesDone) });
    expect(seen.at(-1)).toBe(done.files.reduce((n, f) => n + f.size, 0));
    expect(done.sourceBytesRead).toBe(seen.at(-1));
  });
});

describe('a session given no options', () => {
  it('works under the temp folder, reports to the home folder, waits 5 minutes for IpXfer and a minute for the agent', () => {
    const ctx = new SessionContext({ platform: null as never, lang: 'en' });
    expect(ctx.options).toEqual({ workBase: defaultWorkBase(), reportsDir: defaultReportsDir(), timeoutMs: 300_000, settleMs: 60_000, archOverride: null, version: '0.0.0', lockStaleMs: 10_000 });
    if (process.platform !== 'win32') {
      expect(defaultWorkBase()).toBe(path.join(os.tmpdir(), 'ApexCertFix'));
      expect(defaultReportsDir()).toBe(path.join(os.homedir(), '.apex-cert-fix', 'reports'));
    }
    expect(ctx.now().getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('an unexpected error is worded as one, with its message and where it was thrown (no folders), in the session\'s language; a listener can stop listening', () => {
    const ctx = new SessionContext({ platform: null as never, lang: 'en', clock: clockAt(new Date(0)) });
    expect(ctx.now().getTime()).toBe(0);
    expect(ctx.wordError(new Error('disk on fire'), 'collect')).toMatchObject({ category: 'failed', error: { code: 'internal', step: 'collect', message: expect.stringMatching(/^Unexpected error: disk on fire \(collect-work-folder\.test\.ts:\d+\)$/) } });
    let bufferError: unknown;
    try {
      Buffer.from(undefined as never);
    } catch (e) {
      bufferError = e;
    }
    // Node's own frames are passed over: the place named is ours.
    expect(ctx.wordError(bufferError, 'collect').error.message).toMatch(/\(collect-work-folder\.test\.ts:\d+\)$/);
    expect(ctx.wordError('a thrown string', 'run').error.message).toBe('Unexpected error: a thrown string');
    let calls = 0;
    const off = ctx.onLang(() => calls++);
    ctx.setLang('ja');
    expect(ctx.wordError(new FixError({ code: 'no-agent' }), 'source')).toMatchObject({ category: 'environment', error: { message: messages('ja').error({ code: 'no-agent' }) } });
    off();
    ctx.setLang('en');
    expect(calls).toBe(1);
    expect(ctx.lang).toBe('en');
  });
});
