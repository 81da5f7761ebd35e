/**
 * Windows' signature verdict in the session: asked once for all programs of a run, the wait shown
 * as session progress ("Windows is checking the signature (n s)"), and when Windows gives no
 * verdict the shipped roots judge, with the reason in the state's text, the report and its text.
 */
import { systemClock } from '../../electron/base/clock.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionContext } from '../../electron/core/session/context.js';
import { RepairSession } from '../../electron/core/session/repair-session.js';
import { describeState } from '../../electron/core/session-text.js';
import { buildReport } from '../../electron/core/report.js';
import { reportText } from '../../electron/core/report-text.js';
import type { OsVerdict, Platform } from '../../electron/platform/platform.js';
import { makeWorld, type World } from '../fixtures/world.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

/** The simulated PC with a Windows verdict that answers when the test says so. */
function withWindowsVerdict(p: Platform) {
  const calls: string[][] = [];
  let answer: (v: OsVerdict[]) => void = () => undefined;
  const platform: Platform = Object.assign(Object.create(Object.getPrototypeOf(p)), p, {
    osSignatureStatuses: (files: readonly string[]) => {
      calls.push([...files]);
      return new Promise<OsVerdict[]>((r) => (answer = r));
    },
  });
  return { platform, calls, answer: (v: (f: string) => OsVerdict) => answer(calls.at(-1)!.map(v)) };
}

describe("Windows' verdict in the session", () => {
  it('one call for all programs; the wait shown in seconds; no verdict: the roots judge and every output says why', async () => {
    world = await makeWorld({ tree: { ipxfer: ['x64'], datfhs: ['x64'] } });
    const w = withWindowsVerdict(world.platform);
    let now = new Date('2026-12-01T09:00:00Z');
    const ctx = new SessionContext({ platform: w.platform, lang: 'en', workBase: world.workBase, reportsDir: world.reportsDir, settleMs: 0, clock: { now: () => now, sleep: systemClock.sleep } });
    const s = new RepairSession(ctx);
    expect(await s.setSource('\\\\srv')).toBe(true);
    const collecting = s.collect();
    await vi.waitFor(() => expect(w.calls).toHaveLength(1));
    expect(w.calls[0]!.map((f) => f.split(/[\\/]/).pop())).toEqual(['IpXfer_x64.exe', 'DatFHS_x64.dll']);
    expect(describeState(s.state, 'en', now).osChecking).toBe('Windows is checking the signature (0 s)');
    now = new Date(now.getTime() + 3_000);
    await vi.waitFor(() => expect(describeState(s.state, 'en', now).osChecking).toBe('Windows is checking the signature (3 s)'), { timeout: 3_000 });
    expect(describeState(s.state, 'ja', now).osChecking).toBe('Windowsが署名を確認しています（3秒）');

    w.answer(() => ({ unavailable: 'timed-out' }));
    expect(await collecting).toBe(true);
    expect(w.calls).toHaveLength(1);
    expect(s.state.osSignatureWait).toBeNull();
    expect(describeState(s.state, 'en', now).osChecking).toBeNull();
    for (const c of s.state.publisher!.checks) expect(c).toMatchObject({ authority: 'roots', osStatus: null, osUnavailable: 'timed-out' });
    const note = describeState(s.state, 'en', now).publisher[0]!.note;
    expect(note).toBe('Windows gave no verdict (PowerShell gave no answer within 20 s (on a closed network Windows may wait for certificate revocation lists)): the chain was judged against the built-in roots instead');
    expect(describeState(s.state, 'ja', now).publisher[0]!.note).toMatch(/^Windowsの判定が得られなかったため（PowerShellが20秒以内に応答しませんでした/);

    const report = buildReport({ mode: 'fix', state: s.state, output: { lines: [], total: 0, truncated: false }, files: null, serverSha256File: null, lang: 'en', version: '0.0.0', createdAt: now, kit: null });
    expect(report.publisher!.checks.map((c) => [c.authority, c.osUnavailable])).toEqual([
      ['roots', 'timed-out'],
      ['roots', 'timed-out'],
    ]);
    expect(reportText(report)).toContain(note!);
    await s.discardCollection();
    await s.dispose();
  });

  it("Windows' status, where it gives one, judges: per file, from the one answer", async () => {
    world = await makeWorld({ tree: { ipxfer: ['x64'], datfhs: ['x64'] } });
    const w = withWindowsVerdict(world.platform);
    const ctx = new SessionContext({ platform: w.platform, lang: 'en', workBase: world.workBase, reportsDir: world.reportsDir, settleMs: 0 });
    const s = new RepairSession(ctx);
    expect(await s.setSource('\\\\srv')).toBe(true);
    const collecting = s.collect();
    await vi.waitFor(() => expect(w.calls).toHaveLength(1));
    w.answer((f) => (f.endsWith('.dll') ? { unavailable: 'file-unreadable' } : { status: 'NotSigned' }));
    expect(await collecting).toBe(true);
    const [exe, dll] = s.state.publisher!.checks;
    expect(exe).toMatchObject({ name: 'IpXfer_x64.exe', authority: 'windows', osStatus: 'NotSigned', osUnavailable: null });
    expect(dll).toMatchObject({ name: 'DatFHS_x64.dll', authority: 'roots', osStatus: null, osUnavailable: 'file-unreadable' });
    await s.discardCollection();
    await s.dispose();
  });
});
