/**
 * "Start the services" after a cancelled run, against services that behave like Windows ones:
 * `sc start` returns while the service is still START_PENDING (which `sc query` reads as not
 * running). tmlisten is started before ntrtscan, each is read again until it runs for up to 30 s
 * (on the session's clock: a fake one here, no real waiting), and every service that did not
 * start is named with its own `net start` line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SessionContext } from '../../electron/core/session/context.js';
import { describeState } from '../../electron/core/session-text.js';
import { RepairSession } from '../../electron/core/session/repair-session.js';
import type { RepairState } from '../../electron/core/session/state.js';
import type { Platform, ServiceState } from '../../electron/platform/platform.js';
import { makeWorld, type World } from '../fixtures/world.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

/**
 * The world's platform with Windows-like starting: after `startService`, a service reads as
 * stopped (START_PENDING) for `pending[name]` reads, then running; 'never' stays pending.
 */
function windowsLikeStart(p: Platform, pending: Record<string, number | 'never'>, started: string[]): Platform {
  const left = { ...pending };
  const asked = new Set<string>();
  return Object.assign(Object.create(Object.getPrototypeOf(p)), p, {
    startService: async (name: string) => {
      started.push(name);
      asked.add(name);
      return true;
    },
    serviceState: async (name: string): Promise<ServiceState> => {
      if (!asked.has(name)) return p.serviceState(name);
      const n = left[name] ?? 0;
      if (n === 'never') return 'stopped';
      if (n > 0) {
        left[name] = n - 1;
        return 'stopped';
      }
      await p.startService!(name);
      return p.serviceState(name);
    },
  });
}

async function cancelledRun(pending: Record<string, number | 'never'>) {
  world = await makeWorld({ behaviour: { hang: true, noEffect: true }, services: { ntrtscan: 'stopped', tmlisten: 'stopped' } });
  const started: string[] = [];
  let t = Date.now();
  const waits: number[] = [];
  const ctx = new SessionContext({
    platform: windowsLikeStart(world.platform, pending, started),
    lang: 'en',
    workBase: world.workBase,
    reportsDir: world.reportsDir,
    settleMs: 0,
    timeoutMs: 20_000,
    clock: {
      now: () => new Date(t),
      sleep: async (ms: number) => {
        waits.push(ms);
        t += ms;
      },
    },
  });
  const s = new RepairSession(ctx);
  await s.setSource('\\\\srv');
  await s.collect();
  const running = s.run(null, { allowUnverifiedPublisher: true });
  await new Promise<void>((resolve) => {
    const off = s.onState((st) => {
      if (st.running) {
        off();
        resolve();
      }
    });
  });
  s.cancel();
  await running;
  expect(s.state.available.startServices).toBe(true);
  return { s, started, waits, clock: () => t };
}

describe('Start the services', () => {
  it('starts tmlisten before ntrtscan and waits through START_PENDING until each runs, showing progress', async () => {
    const { s, started, waits } = await cancelledRun({ tmlisten: 3, ntrtscan: 5 });
    const seen: NonNullable<RepairState['waiting']>[] = [];
    const texts: string[] = [];
    s.onState((st) => {
      if (st.waiting) seen.push(st.waiting);
      if (st.waiting) texts.push(describeState(st, 'en', new Date()).waiting ?? '');
    });
    const realStart = Date.now();
    await s.startServices();
    expect(Date.now() - realStart).toBeLessThan(10_000);
    expect(started).toEqual(['tmlisten', 'ntrtscan']);
    expect(s.state.error?.code).not.toBe('services-start-failed');
    for (const service of ['tmlisten', 'ntrtscan']) expect(s.state.verification?.checks.find((c) => c.name === 'service' && c.service === service)).toMatchObject({ result: 'pass' });
    // Progress: each wait names its service; the clock moved by the waits only.
    expect(seen.filter((w) => w.service === 'tmlisten')).toHaveLength(3);
    expect(seen.filter((w) => w.service === 'ntrtscan')).toHaveLength(5);
    expect(seen.every((w) => w.limitMs === 30_000)).toBe(true);
    expect(texts).toContain('Starting ntrtscan, waiting for it to run: 2 s of 30');
    expect(waits.reduce((a, b) => a + b, 0)).toBe(8_000);
    expect(s.state.waiting).toBeNull();
  });

  it('names every service that did not start within 30 s, each with its own net start line', async () => {
    const { s, started, clock } = await cancelledRun({ tmlisten: 'never', ntrtscan: 'never' });
    const before = clock();
    await s.startServices();
    expect(started).toEqual(['tmlisten', 'ntrtscan']);
    // 30 s for each, on the session's clock.
    expect(clock() - before).toBe(60_000);
    expect(s.state.error?.code).toBe('services-start-failed');
    expect(s.state.error?.message).toContain('Apex One NT Listener (tmlisten), Apex One NT RealTime Scan (ntrtscan)');
    expect(s.state.error?.message).toContain('net start tmlisten');
    expect(s.state.error?.message).toContain('net start ntrtscan');
  });

  it('one slow, one failing: the running one is not named, the other is', async () => {
    const { s } = await cancelledRun({ tmlisten: 20, ntrtscan: 'never' });
    await s.startServices();
    expect(s.state.error?.details).toMatchObject({ code: 'services-start-failed', services: ['ntrtscan'] });
    expect(s.state.error?.message).not.toContain('net start tmlisten');
  });
});
