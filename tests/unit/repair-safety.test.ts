/**
 * Trust and process safety of a repair session, on real files and real child processes:
 * one operation at a time, cancel at every step, time of check = time of use, private working
 * folders, reports that are never lost, the settle wait, and "nothing to repair".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { appendFile, chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SessionContext } from '../../electron/core/session/context.js';
import { RepairSession } from '../../electron/core/session/repair-session.js';
import type { RepairState } from '../../electron/core/session/state.js';
import type { Platform } from '../../electron/platform/platform.js';
import { makeWorld, type World, type WorldOptions } from '../fixtures/world.js';
import { clockAt, type Clock } from '../../electron/base/clock.js';
import { FakeClock } from '../fixtures/fake-clock.js';

const RUN_ANYWAY = { allowUnverifiedPublisher: true };
let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function ready(o: WorldOptions = {}, extra: { settleMs?: number; platform?: Platform; reportsDir?: string; clock?: Clock } = {}) {
  world = await makeWorld(o);
  const ctx = new SessionContext({ platform: extra.platform ?? world.platform, lang: 'en', workBase: world.workBase, reportsDir: extra.reportsDir ?? world.reportsDir, settleMs: extra.settleMs ?? 0, timeoutMs: 20_000, clock: extra.clock });
  return { s: new RepairSession(ctx), w: world };
}

/** Resolves when the session publishes a state that passes `test`. */
function when(s: RepairSession, test: (st: RepairState) => boolean): Promise<RepairState> {
  return new Promise((resolve) => {
    if (test(s.state)) return resolve(s.state);
    const off = s.onState((st) => {
      if (test(st)) {
        off();
        resolve(st);
      }
    });
  });
}

/** A platform whose every answer takes `ms` of the session's clock: a slow registry, a slow share. */
function slow(p: Platform, clock: Clock, ms: number): Platform {
  const wait = <T>(v: Promise<T>) => clock.sleep(ms).then(() => v);
  return Object.assign(Object.create(Object.getPrototypeOf(p)), p, {
    arch: () => wait(p.arch()),
    agent: () => wait(p.agent()),
    toLocalPath: (x: string) => p.toLocalPath(x),
  });
}

describe('one operation at a time', () => {
  it('five runs at once start one IpXfer; the others are refused as busy and change nothing', async () => {
    const { s, w } = await ready({ behaviour: { lineDelayMs: 300, lines: ['a', 'b'] } });
    await s.setSource('\\\\srv');
    await s.collect();
    const runs = Array.from({ length: 5 }, () => s.run(null, RUN_ANYWAY).then(() => 'ran', (e: { code?: string }) => e.code));
    const results = await Promise.all(runs);
    expect(results.filter((r) => r === 'ran')).toHaveLength(1);
    expect(results.filter((r) => r === 'busy')).toHaveLength(4);
    expect(s.state.run?.attempt).toBe(1);
    const reports = (await readdir(w.reportsDir)).filter((n) => n.endsWith('.json'));
    expect(reports).toHaveLength(1);
  });
});

describe('cancel at every step', () => {
  for (const step of ['detect', 'source'] as const) {
    it(`during ${step}: ends "cancelled" at once, without waiting for the platform, and nothing runs afterwards`, async () => {
      world = await makeWorld();
      // The platform answers after 3 s of the session's clock, which the test never lets pass before the cancel.
      const clock = new FakeClock();
      const platform = slow(world.platform, clock, 3000);
      const s = new RepairSession(new SessionContext({ platform, lang: 'en', workBase: world.workBase, reportsDir: world.reportsDir, settleMs: 0, clock }));
      const op = step === 'detect' ? s.detect() : s.setSource('\\\\srv');
      await when(s, (st) => st.busy !== null);
      await clock.sleeping();
      s.cancel();
      expect(await op).toBe(false);
      // Ended while the platform's answer was still outstanding: no time passed at all.
      expect(clock.elapsedMs()).toBe(0);
      expect(clock.pending).toBeGreaterThan(0);
      expect(s.state.outcome).toBe('cancelled');
      expect(s.state.error?.step).toBe(step === 'detect' ? 'pc' : 'source');
      expect(s.state.plan).toBeNull();
      // The late answer changes nothing.
      await clock.advance(3000);
      expect(s.state.outcome).toBe('cancelled');
      expect(s.state.plan).toBeNull();
      expect(s.state.busy).toBeNull();
    });
  }

  it('during the copy: stops, removes the working folder, and IpXfer never starts', async () => {
    const { s, w } = await ready();
    // A large program on a slow share: the stand-in padded with a comment the copy takes a while over.
    const big = path.join(w.pccsrv, 'Admin', 'Utility', 'IpXfer', 'IpXfer_x64.exe');
    await appendFile(big, '\n/*' + 'x'.repeat(300 * 1024 * 1024) + '*/\n');
    await s.setSource('\\\\srv');
    const collecting = s.collect();
    await when(s, (st) => st.busy === 'collect' && (st.collect.progress?.bytesDone ?? 0) > 0);
    s.cancel();
    expect(await collecting).toBe(false);
    expect(s.state.outcome).toBe('cancelled');
    expect(await w.workFiles()).toEqual([]);
    expect(await s.run(null, RUN_ANYWAY)).toBe(false);
    expect(s.state.error?.code).toBe('step-order');
  });

  it('a cancel before IpXfer ran says that nothing was run, never that IpXfer was stopped', async () => {
    const { s } = await ready();
    await s.setSource('\\\\srv');
    const collecting = s.collect();
    s.cancel();
    expect(await collecting).toBe(false);
    expect(s.state.error).toMatchObject({ code: 'cancelled', step: 'collect' });
    expect(s.state.error?.message).toBe('Cancelled: nothing more was done (IpXfer was not run).');
  });
});

describe('a session its host leaves (the CLI\'s end)', () => {
  it('copies that never ran are removed; a run\'s copies stay for diagnosis', async () => {
    const { s } = await ready();
    await s.setSource('\\\\srv');
    await s.collect();
    const refused = s.state.collect.workDir!;
    // Not confirmed: the unsigned stand-in is refused, nothing ran.
    expect(await s.run(null)).toBe(false);
    expect(s.state.error?.code).toBe('publisher-untrusted');
    await s.leave();
    expect(existsSync(refused)).toBe(false);
    expect(s.state.collect.workDir).toBeNull();

    const again = await ready({ behaviour: { exitCode: 1, lines: ['failed'] } });
    await again.s.setSource('\\\\srv');
    await again.s.collect();
    const ran = again.s.state.collect.workDir!;
    expect(await again.s.run(null, RUN_ANYWAY)).toBe(false);
    await again.s.leave();
    expect(existsSync(ran)).toBe(true);
    expect(again.s.state.workDirAfter).toEqual({ path: ran, removed: false });
  });
});

describe('time of check is time of use', () => {
  it('a program swapped in the working folder after the check is not run (copy-changed)', async () => {
    const { s, w } = await ready();
    await s.setSource('\\\\srv');
    await s.collect();
    const ipxfer = s.state.collect.files.find((f) => f.role === 'ipxfer')!;
    await writeFile(ipxfer.copy, '#!/bin/sh\necho swapped > "$0.ran"\n');
    expect(await s.run(null, RUN_ANYWAY)).toBe(false);
    expect(s.state.error?.code).toBe('copy-changed');
    expect(s.state.run).toBeNull();
    expect((await readdir(path.dirname(ipxfer.copy))).some((n) => n.endsWith('.ran'))).toBe(false);
    expect(JSON.parse(await readFile(w.record, 'utf8').catch(() => 'null'))).toBeNull();
  });

  it('working folders live below a folder only this user can enter (0700), and one owned by someone else is refused', async () => {
    const { s, w } = await ready();
    await s.setSource('\\\\srv');
    await mkdir(w.workBase, { recursive: true, mode: 0o777 });
    await chmod(w.workBase, 0o777);
    await s.collect();
    expect((await stat(w.workBase)).mode & 0o777).toBe(0o700);
    expect((await stat(s.state.collect.workDir!)).mode & 0o777).toBe(0o700);
  });
});

describe('reports are never lost', () => {
  it('six parallel sessions in the same second keep six reports', async () => {
    world = await makeWorld();
    const w = world;
    const fixed = new Date('2026-11-26T10:00:00Z');
    const sessions = Array.from({ length: 6 }, () => new RepairSession(new SessionContext({ platform: w.platform, lang: 'en', workBase: w.workBase, reportsDir: w.reportsDir, settleMs: 0, clock: clockAt(fixed) })));
    await Promise.all(sessions.map(async (s) => {
      await s.setSource('\\\\srv');
      await s.collect(true);
      await s.run(null, RUN_ANYWAY);
    }));
    const names = await readdir(w.reportsDir);
    expect(names.filter((n) => n.endsWith('.json'))).toHaveLength(6);
    expect(names.filter((n) => n.endsWith('.txt'))).toHaveLength(6);
  });

  it('a report folder that cannot be written is said, with the folder and the reason; the result stands', async () => {
    world = await makeWorld();
    const blocked = path.join(world.dir, 'not-a-folder');
    await writeFile(blocked, 'x');
    const s = new RepairSession(new SessionContext({ platform: world.platform, lang: 'en', workBase: world.workBase, reportsDir: blocked, settleMs: 0 }));
    await s.setSource('\\\\srv');
    await s.collect();
    expect(await s.run(null, RUN_ANYWAY)).toBe(true);
    expect(s.state.outcome).toBe('fixed');
    expect(s.state.report).toBeNull();
    expect(s.state.reportError).toMatchObject({ folder: blocked });
  });
});

describe('verify waits for the agent', () => {
  it('an agent that takes the certificate a few seconds after IpXfer exits is "fixed", with the wait shown', async () => {
    const { s } = await ready({ behaviour: { certificateDelayMs: 2500 } }, { settleMs: 15_000 });
    await s.setSource('\\\\srv');
    await s.collect();
    const waits: number[] = [];
    s.onState((st) => st.waiting && waits.push(st.waiting.elapsedMs));
    expect(await s.run(null, RUN_ANYWAY)).toBe(true);
    expect(s.state.verification?.verdict).toBe('fixed');
    expect(waits.length).toBeGreaterThan(0);
    expect(s.state.waiting).toBeNull();
  });

  it('an agent that never takes it is "not fixed" only after the settle time, quoting what IpXfer said', async () => {
    // Every wait passes at once on this clock, which counts exactly how long the session waited.
    const clock = new FakeClock({ auto: true });
    const { s } = await ready({ behaviour: { noEffect: true, lines: ['Error: could not update the agent.'] } }, { settleMs: 2000, clock });
    await s.setSource('\\\\srv');
    await s.collect();
    const waits: number[] = [];
    s.onState((st) => st.waiting && waits.push(st.waiting.elapsedMs));
    const started = clock.elapsedMs();
    expect(await s.run(null, RUN_ANYWAY)).toBe(false);
    expect(clock.elapsedMs() - started).toBe(2000);
    expect(waits).toEqual([0]);
    expect(s.state.verification?.verdict).toBe('not-fixed');
    expect(s.state.error?.message).toContain('IpXfer said: "Error: could not update the agent."');
    expect(s.state.error?.step).toBe('verify');
  });
});

describe('nothing to repair', () => {
  it('an agent that already holds the server certificate ends "already-fixed" without copying or running; force repairs anyway', async () => {
    const { s, w } = await ready();
    await writeFile(path.join(w.agentDir, 'OfcNTCer.dat'), w.server.der);
    await s.setSource('\\\\srv');
    expect(s.state.outcome).toBe('already-fixed');
    expect(s.state.available.collectForce).toBe(true);
    expect(await s.collect()).toBe(true);
    expect(s.state.outcome).toBe('already-fixed');
    expect(s.state.run).toBeNull();
    expect(await w.workFiles()).toEqual([]);
    expect(s.state.report?.json).toBeTruthy();
    expect(await s.collect(true)).toBe(true);
    expect(await s.run(null, RUN_ANYWAY)).toBe(true);
    expect(s.state.run?.attempt).toBe(1);
  });

  it('a stopped service after a cancelled run: named, with how to start it, and startServices starts it', async () => {
    const { s } = await ready({ behaviour: { hang: true, noEffect: true }, services: { ntrtscan: 'stopped', tmlisten: 'running' } });
    await s.setSource('\\\\srv');
    await s.collect();
    const running = s.run(null, RUN_ANYWAY);
    await when(s, (st) => st.running !== null);
    s.cancel();
    await running;
    expect(s.state.outcome).toBe('cancelled');
    expect(s.state.error?.message).toContain('net start ntrtscan');
    expect(s.state.available.startServices).toBe(true);
    await s.startServices();
    expect(s.state.verification?.checks.find((c) => c.name === 'service' && c.service === 'ntrtscan')).toMatchObject({ result: 'pass' });
  });
});
