import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SessionContext } from '../../electron/core/session/context.js';
import { RepairSession } from '../../electron/core/session/repair-session.js';
import type { RepairState } from '../../electron/core/session/state.js';
import type { OutputLine } from '../../electron/core/run-ipxfer.js';
import { makeWorld, type World } from '../fixtures/world.js';

/** The fake IpXfer is not a Trend Micro-signed program: these tests run it knowingly. */
const UNVERIFIED = true;
let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

function session(w: World, lang: 'ja' | 'en' = 'en') {
  return new RepairSession(new SessionContext({ platform: w.platform, lang, workBase: w.workBase, reportsDir: w.reportsDir, settleMs: 0 }));
}

describe('RepairSession', () => {
  it('walks the hallway and emits serialisable state and live output', async () => {
    world = await makeWorld({ behaviour: { lines: ['one', 'two'] } });
    const s = session(world);
    const states: RepairState[] = [];
    const lines: OutputLine[] = [];
    s.onState((st) => states.push(structuredClone(st)));
    const stop = s.onOutput((l) => lines.push(l));
    expect(await s.detect()).toBe(true);
    expect(await s.setSource('\\\\srv')).toBe(true);
    expect(s.state.outcome).toBe('ready');
    expect(await s.collect()).toBe(true);
    expect(s.state.collect.progress).toMatchObject({ bytesDone: s.state.collect.progress!.bytesTotal });
    expect(await s.run(null, { allowUnverifiedPublisher: UNVERIFIED })).toBe(true);
    expect(s.state.outcome).toBe('fixed');
    expect(lines.map((l) => l.text)).toEqual(['one', 'two']);
    // Verification is part of the run (its wait is published as `waiting`, tested below).
    expect(states.map((st) => st.busy)).toEqual(expect.arrayContaining(['detect', 'source', 'collect', 'run']));
    expect(() => JSON.stringify(s.state)).not.toThrow();
    expect(s.state.report?.json).toMatch(/PC-TEST-01_\d{8}-\d{6}\.json$/);
    stop();
  });

  it('a wrong password, then the right one: the second run needs no new collection', async () => {
    world = await makeWorld({ behaviour: { password: 'right' } });
    const s = session(world);
    await s.setSource('\\\\srv');
    await s.collect();
    const workDir = s.state.collect.workDir;
    expect(await s.run('wrong', { allowUnverifiedPublisher: UNVERIFIED })).toBe(false);
    expect(s.state.outcome).toBe('failed');
    expect(s.state.verification?.verdict).toBe('not-fixed');
    expect(await s.run('right', { allowUnverifiedPublisher: UNVERIFIED })).toBe(true);
    expect(s.state.collect.workDir).toBe(workDir);
    expect(s.state.run?.attempt).toBe(2);
    expect(s.state.outcome).toBe('fixed');
    const report = await readFile(s.state.report!.json, 'utf8');
    expect(report).not.toContain('right');
    expect(report).not.toContain('wrong');
  });

  it('refuses steps out of order with a clear error, not an exception', async () => {
    world = await makeWorld();
    const s = session(world);
    expect(await s.collect()).toBe(false);
    expect(s.state.error?.message).toBe('Please check the server files first: it is needed to copy the files.');
    expect(await s.run('x', { allowUnverifiedPublisher: UNVERIFIED })).toBe(false);
    expect(s.state.error?.code).toBe('step-order');
  });

  it('rewords errors and blockers when the language changes', async () => {
    world = await makeWorld({ elevated: false });
    const s = session(world);
    await s.setSource('\\\\nosuch');
    expect(s.state.error?.message).toMatch(/^No Apex One server files/);
    expect(s.state.blockers[0]?.message).toMatch(/Administrator rights/);
    s.setLanguage('ja');
    expect(s.state.error?.message).toMatch(/Apex Oneサーバのファイル/);
    expect(s.state.blockers[0]?.message).toMatch(/管理者権限が必要です/);
  });

  it('notes when the agent already holds the server certificate', async () => {
    world = await makeWorld();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(world.agentDir, 'OfcNTCer.dat'), world.server.der);
    const s = session(world);
    await s.setSource('\\\\srv');
    expect(s.state.agentCertificateBefore?.matchesServer).toBe(true);
  });

  it('a new source discards an earlier collection', async () => {
    world = await makeWorld();
    const s = session(world);
    await s.setSource('\\\\srv');
    await s.collect();
    await s.setSource('\\\\srv\\ofcscan');
    expect(s.state.collect.workDir).toBeNull();
    expect(await s.run(null, { allowUnverifiedPublisher: UNVERIFIED })).toBe(false);
    expect(s.state.error?.code).toBe('step-order');
  });

  it('refuses an unsigned IpXfer unless told, and says which file', async () => {
    world = await makeWorld();
    const s = session(world);
    await s.setSource('\\\\srv');
    await s.collect();
    expect(s.state.publisher?.allTrusted).toBe(false);
    expect(await s.run(null)).toBe(false);
    expect(s.state.error?.code).toBe('publisher-untrusted');
    expect(s.state.error?.message).toContain('IpXfer_x64.exe is not signed');
    expect(await s.run(null, { allowUnverifiedPublisher: true })).toBe(true);
    expect(s.state.publisherOverride).toBe(true);
  });
});
