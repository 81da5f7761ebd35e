/**
 * One repair per PC at a time (issue 18 §6): the machine's lock across real processes. A holder in
 * another process makes a second one wait and name it; a holder that died is taken over; a wait
 * longer than the time limit (on the caller's clock) ends busy, and the CLI exits 3 with `busy`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execa, type ResultPromise } from 'execa';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { acquireMachineLock, HOLDER_NAME, LockBusyError, type LockHolder } from '../../electron/base/machine-lock.js';
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
await acquireMachineLock(${JSON.stringify(lockDir)}, { now: () => new Date('2026-12-03T10:42:00'), timeoutMs: 0 });
console.log('held');
setInterval(() => {}, 1000);`;
  const child = execa(process.execPath, ['--input-type=module', '-e', script], { reject: false });
  children.push(child);
  return child;
}

describe('the machine lock (two processes)', () => {
  it('a second taker waits, names the holder, and gets the lock once the holder lets go', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'acf-lock-'));
    const first = await acquireMachineLock(dir, { now: () => new Date(), timeoutMs: 0 });
    const seen: (LockHolder | null)[] = [];
    const second = acquireMachineLock(dir, { now: () => new Date(), timeoutMs: 20_000, pollMs: 20, onWaiting: (h) => seen.push(h) });
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
    // A clock that moves a minute per look: a 5-minute limit passes after a few polls, not 5 minutes.
    let t = Date.parse('2026-12-03T11:00:00Z');
    const now = () => new Date((t += 60_000));
    const e = await acquireMachineLock(dir, { now, timeoutMs: 300_000, pollMs: 10 }).catch((x: unknown) => x);
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
    const lock = await acquireMachineLock(dir, { now: () => new Date(), timeoutMs: 20_000, staleMs: 2000, pollMs: 50, onWaiting: (h) => seen.push(h) });
    expect(seen[0]?.pid).toBe(child.pid);
    expect(JSON.parse(await readFile(path.join(dir, HOLDER_NAME), 'utf8')).pid).toBe(process.pid);
    await lock.release();
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
});
