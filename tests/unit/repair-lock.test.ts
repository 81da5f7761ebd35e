/**
 * One repair per PC at a time (issue 18 §6): the machine's lock across real processes. A holder in
 * another process makes a second one wait and name it; a holder that died is taken over; a wait
 * longer than the time limit (on the caller's clock) ends busy, and the CLI exits 3 with `busy`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execa, type ResultPromise } from 'execa';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { acquireMachineLock, HOLDER_NAME, LockBusyError, type LockHolder } from '../../electron/base/machine-lock.js';
import { AbortedError } from '../../electron/base/abortable.js';
import { clockAt, systemClock } from '../../electron/base/clock.js';
import { FakeClock } from '../fixtures/fake-clock.js';
import { CLI } from '../fixtures/cli.js';
import { makeWorld, type World } from '../fixtures/world.js';
import { messages } from '../../electron/core/messages.js';

const LOCK_JS = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/electron/base/machine-lock.js')).href;

let dir: string | null = null;
let world: World | null = null;
const children: ResultPromise[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  await Promise.allSettled(children);
  if (dir) await rm(dir, { recursive: true, force: true });
  await world?.cleanup();
  dir = null;
  world = null;
});

/** Waits for a condition by polling (no fixed sleep: it ends as soon as the condition holds). */
async function until(cond: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Another process that takes the lock in `dir` and keeps it until killed. */
function holder(lockDir: string) {
  const script = `const { acquireMachineLock } = await import(${JSON.stringify(LOCK_JS)});
await acquireMachineLock(${JSON.stringify(lockDir)}, { clock: { now: () => new Date('2026-12-03T10:42:00'), sleep: () => Promise.resolve() }, timeoutMs: 0 });
console.log('held');
setInterval(() => {}, 1000);`;
  const child = execa(process.execPath, ['--input-type=module', '-e', script], { reject: false });
  children.push(child);
  return child;
}

describe('the machine lock (two processes)', () => {
  it('a waiter reading who holds the lock never sees half a file, however often the lock changes hands', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'acf-lock-'));
    const lockDir = dir;
    // Another process takes and lets go of the lock 150 times; this one reads the holder file meanwhile.
    const script = `const { acquireMachineLock } = await import(${JSON.stringify(LOCK_JS)});
for (let i = 0; i < 150; i++) { const l = await acquireMachineLock(${JSON.stringify(lockDir)}, { clock: { now: () => new Date(), sleep: () => Promise.resolve() }, timeoutMs: 0 }); await l.release(); }`;
    const churn = execa(process.execPath, ['--input-type=module', '-e', script], { reject: false });
    children.push(churn);
    let ended = false;
    void churn.finally(() => (ended = true));
    const torn: string[] = [];
    let whole = 0;
    while (!ended) {
      let text: string;
      try {
        text = readFileSync(path.join(lockDir, HOLDER_NAME), 'utf8');
      } catch {
        await new Promise((r) => setImmediate(r));
        continue;
      }
      try {
        expect(typeof (JSON.parse(text) as LockHolder).pid).toBe('number');
        whole++;
      } catch {
        torn.push(text);
      }
      await new Promise((r) => setImmediate(r));
    }
    expect((await churn).exitCode).toBe(0);
    expect(torn).toEqual([]);
    expect(whole).toBeGreaterThan(0);
    expect(readdirSync(lockDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('a second taker waits, names the holder, and gets the lock once the holder lets go', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'acf-lock-'));
    const first = await acquireMachineLock(dir, { clock: systemClock, timeoutMs: 0 });
    const seen: (LockHolder | null)[] = [];
    const second = acquireMachineLock(dir, { clock: systemClock, timeoutMs: 20_000, pollMs: 20, onWaiting: (h) => seen.push(h) });
    await until(() => seen.length > 0);
    expect(seen[0]).toMatchObject({ pid: process.pid });
    await first.release();
    const got = await second;
    expect(JSON.parse(await readFile(path.join(dir, HOLDER_NAME), 'utf8')).pid).toBe(process.pid);
    await got.release();
    expect(existsSync(path.join(dir, HOLDER_NAME))).toBe(false);
  });

  it('held by another process: the wait ends busy at the time limit of the caller\'s clock, naming the process', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'acf-lock-'));
    const child = holder(dir);
    await until(() => existsSync(path.join(dir!, HOLDER_NAME)));
    // A fake clock whose waits pass at once: a 5-minute limit passes after a few looks, not 5 minutes.
    const clock = new FakeClock({ auto: true });
    const e = await acquireMachineLock(dir, { clock, timeoutMs: 300_000, pollMs: 60_000 }).catch((x: unknown) => x);
    expect(clock.elapsedMs()).toBe(300_000);
    expect(e).toBeInstanceOf(LockBusyError);
    expect((e as LockBusyError).holder).toEqual({ pid: child.pid, since: new Date('2026-12-03T10:42:00').toISOString() });
  });

  it('a holder that crashed (killed, no clean-up) leaves a lock that is taken over once stale', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'acf-lock-'));
    const child = holder(dir);
    await until(() => existsSync(path.join(dir!, HOLDER_NAME)));
    const seen: (LockHolder | null)[] = [];
    child.kill('SIGKILL');
    await child;
    const lock = await acquireMachineLock(dir, { clock: systemClock, timeoutMs: 20_000, staleMs: 2000, pollMs: 50, onWaiting: (h) => seen.push(h) });
    expect(seen[0]?.pid).toBe(child.pid);
    expect(JSON.parse(await readFile(path.join(dir, HOLDER_NAME), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });
});

describe('the wait for the lock is on the caller\'s clock', () => {
  it('nothing passes until the clock moves: busy exactly at the limit, whatever the real time', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'acf-lock-'));
    const first = await acquireMachineLock(dir, { clock: clockAt(new Date('2026-12-03T10:42:00Z')), timeoutMs: 0 });
    const clock = new FakeClock({ at: new Date('2026-12-03T11:00:00Z') });
    let settled: unknown = 'pending';
    const second = acquireMachineLock(dir, { clock, timeoutMs: 300_000, pollMs: 250 }).then(
      () => 'locked',
      (e: unknown) => e,
    );
    void second.then((v) => (settled = v));
    await clock.sleeping();
    await clock.advance(299_000);
    await clock.sleeping();
    expect(settled).toBe('pending');
    await clock.advance(1000);
    const e = await second;
    expect(e).toBeInstanceOf(LockBusyError);
    expect((e as LockBusyError).holder?.pid).toBe(process.pid);
    expect(clock.now().toISOString()).toBe('2026-12-03T11:05:00.000Z');
    await first.release();
  });

  it('a cancel ends the wait at once (no time passes on the clock)', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'acf-lock-'));
    const first = await acquireMachineLock(dir, { clock: systemClock, timeoutMs: 0 });
    const clock = new FakeClock();
    const cancel = new AbortController();
    const second = acquireMachineLock(dir, { clock, timeoutMs: 300_000, signal: cancel.signal }).catch((x: unknown) => x);
    await clock.sleeping();
    cancel.abort();
    expect(await second).toBeInstanceOf(AbortedError);
    expect(clock.elapsedMs()).toBe(0);
    await first.release();
  });
});

describe('two fix runs on one PC (the CLI)', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: the second waits, saying who runs since when, then exits 3 with busy; the first is untouched`, async () => {
      world = await makeWorld({ behaviour: { lines: ['one', 'two', 'three', 'four'], lineDelayMs: 1500 } });
      const args = (timeout: string) => ['fix', '--simulate', world!.profile, '--source', '\\\\srv', '--work-dir', world!.workBase, '--reports-dir', world!.reportsDir, '--json', '--allow-unverified-publisher', '--lang', lang, '--timeout', timeout];
      const first = execa(process.execPath, [CLI, ...args('60')], { reject: false, env: { LANG: 'en_US.UTF-8' } });
      children.push(first);
      const machine = world.platform.machineFolder();
      await until(() => existsSync(path.join(machine, HOLDER_NAME)));
      const held = JSON.parse(await readFile(path.join(machine, HOLDER_NAME), 'utf8')) as LockHolder;
      expect(held.pid).toBe(first.pid);
      const second = await execa(process.execPath, [CLI, ...args('1')], { reject: false, env: { LANG: 'en_US.UTF-8' } });
      expect(second.exitCode, String(second.stderr) + String(second.stdout).slice(0, 3000)).toBe(3);
      const report = JSON.parse(String(second.stdout));
      expect(report.error.code).toBe('busy');
      expect(report.outcome).toBe('environment');
      const m = messages(lang);
      expect(String(second.stderr)).toContain(m.pcBusyWaiting(held, 1000));
      expect(report.error.message).toBe(m.error({ code: 'busy', running: 'pc', holder: held }));
      // Nothing of the second was copied beside the first's copies.
      const r1 = await first;
      expect(r1.exitCode).toBe(0);
      expect(JSON.parse(String(r1.stdout)).outcome).toBe('fixed');
      expect(existsSync(path.join(machine, HOLDER_NAME))).toBe(false);
    });
  }

  it('the second waited while the first fixed the agent: it looks again and ends already-fixed (exit 0), IpXfer not run twice; with --force it runs', async () => {
    world = await makeWorld({ behaviour: { lines: ['one', 'two', 'three'], lineDelayMs: 1500 } });
    const args = (...more: string[]) => ['fix', '--simulate', world!.profile, '--source', '\\\\srv', '--work-dir', world!.workBase, '--reports-dir', world!.reportsDir, '--json', '--allow-unverified-publisher', '--lang', 'en', '--timeout', '120', ...more];
    const machine = world.platform.machineFolder();
    const runPair = async (...more: string[]) => {
      const first = execa(process.execPath, [CLI, ...args()], { reject: false, env: { LANG: 'en_US.UTF-8' } });
      children.push(first);
      await until(() => existsSync(path.join(machine, HOLDER_NAME)));
      const held = JSON.parse(await readFile(path.join(machine, HOLDER_NAME), 'utf8')) as LockHolder;
      expect(held.pid).toBe(first.pid);
      const second = execa(process.execPath, [CLI, ...args(...more)], { reject: false, env: { LANG: 'en_US.UTF-8' } });
      children.push(second);
      const r1 = await first;
      expect(JSON.parse(String(r1.stdout)).outcome).toBe('fixed');
      const recordAfterFirst = await readFile(world!.record, 'utf8');
      const r2 = await second;
      // It did wait for the first (said so), rather than finding the agent fixed before the lock.
      expect(String(r2.stderr)).toContain(messages('en').pcBusyWaiting(held, 120_000));
      return { r2, report: JSON.parse(String(r2.stdout)), recordAfterFirst };
    };

    const plain = await runPair();
    expect(plain.r2.exitCode, String(plain.r2.stderr)).toBe(0);
    expect(plain.report.outcome).toBe('already-fixed');
    expect(plain.report.run).toBeNull();
    expect(await readFile(world.record, 'utf8')).toBe(plain.recordAfterFirst);

    // With --force the second repairs anyway: its own IpXfer runs after the first's.
    await writeFile(path.join(world.agentDir, 'OfcNTCer.dat'), world.old.der);
    const forced = await runPair('--force');
    expect(forced.r2.exitCode, String(forced.r2.stderr)).toBe(0);
    expect(forced.report.outcome).toBe('fixed');
    expect(forced.report.run).not.toBeNull();
    expect(await readFile(world.record, 'utf8')).not.toBe(forced.recordAfterFirst);
  }, 120_000);
});
