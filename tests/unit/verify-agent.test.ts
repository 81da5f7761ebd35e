/**
 * How a repair is judged from what the agent holds afterwards, on a simulated PC's real files: the
 * same certificate in another encoding is the server's; a missing, unreadable or unreachable file,
 * or a service that is not installed, leaves the verdict open rather than claiming "fixed"; a
 * non-zero IpXfer exit code is a warning, never the judge; and a cancel ends the wait at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readCertificateBytes } from '../../electron/core/certificate.js';
import { messages } from '../../electron/core/messages.js';
import { readAgentCertificate, verifyFix, type Check } from '../../electron/core/verify.js';
import { SimulatedPlatform } from '../../electron/platform/simulated.js';
import { FakeClock } from '../fixtures/fake-clock.js';
import { certificates, makeWorld, type World, type WorldOptions } from '../fixtures/world.js';

const { server, old } = certificates();

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function judge(o: WorldOptions, agentFile: Buffer | null, extra: { exitCode?: number | null } = {}) {
  world = await makeWorld(o);
  const certFile = path.join(world.agentDir, 'OfcNTCer.dat');
  if (agentFile === null) await rm(certFile);
  else await writeFile(certFile, agentFile);
  const agent = (await world.platform.agent())!;
  const v = await verifyFix({ platform: world.platform, agent, server: readCertificateBytes(world.server.der), exitCode: extra.exitCode ?? 0, settleMs: 0, clock: new FakeClock() });
  const cert = v.checks.find((c) => c.name === 'agent-certificate') as Extract<Check, { name: 'agent-certificate' }>;
  return { v, cert, w: world };
}

describe('the agent\'s certificate decides', () => {
  it('the server\'s certificate saved as PEM by the agent is the same certificate: fixed', async () => {
    const { v, cert } = await judge({}, Buffer.from(server.pem));
    expect(v.verdict).toBe('fixed');
    expect(cert).toMatchObject({ result: 'pass', actualSerial: server.serial });
    expect(cert.actualSha256).not.toBe(cert.expectedSha256);
  });

  it('the old certificate: not fixed, with the agent\'s serial to quote', async () => {
    const { v, cert, w } = await judge({}, old.der);
    expect(v.verdict).toBe('not-fixed');
    expect(cert).toMatchObject({ result: 'fail', actualSerial: w.old.serial });
    expect(messages('en').check(cert)).toContain(w.old.serial);
  });

  it('a file that is no certificate: not fixed (it is not the server\'s), serial unreadable', async () => {
    const { v, cert } = await judge({}, Buffer.from('garbage written by something else'));
    expect(v.verdict).toBe('not-fixed');
    expect(cert).toMatchObject({ result: 'fail', actualSerial: null, problem: 'not-a-certificate' });
    expect(cert.actualSha256).toMatch(/^[0-9A-F]{64}$/);
    expect(messages('en').check(cert)).toContain('agent serial unreadable');
  });

  it('the file missing: the verdict stays open (unknown), saying the file is missing', async () => {
    const { v, cert } = await judge({}, null);
    expect(v.verdict).toBe('unknown');
    expect(cert).toMatchObject({ result: 'unknown', actualSha256: null, problem: 'ENOENT' });
    expect(messages('en').check(cert)).toContain('could not be read (the file is missing)');
    expect(messages('ja').check(cert)).toContain('ファイルがありません');
  });

  it('an agent folder on a drive this PC cannot reach: unknown, "cannot be reached"', async () => {
    world = await makeWorld();
    const profile = JSON.parse(await readFile(world.profile, 'utf8'));
    profile.agent.dir = 'Q:\\Trend Micro\\Security Agent';
    await writeFile(world.profile, JSON.stringify(profile));
    const platform = SimulatedPlatform.fromFile(world.profile);
    const agent = (await platform.agent())!;
    const read = await readAgentCertificate(platform, agent);
    expect(read).toMatchObject({ path: 'Q:\\Trend Micro\\Security Agent\\OfcNTCer.dat', sha256File: null, certificate: null, problem: 'unreachable' });
    const v = await verifyFix({ platform, agent, server: readCertificateBytes(world.server.der), exitCode: 0, settleMs: 0, clock: new FakeClock() });
    expect(v.verdict).toBe('unknown');
    expect(messages('en').check(v.checks[0]!)).toContain('cannot be reached');
  });
});

describe('services and the exit code', () => {
  it('the right certificate but a service not installed: not "fixed", the service named as not installed', async () => {
    const { v } = await judge({ services: { ntrtscan: 'running', tmlisten: 'missing' } }, server.der);
    expect(v.verdict).toBe('unknown');
    const service = v.checks.find((c) => c.name === 'service' && c.service === 'tmlisten')!;
    expect(service).toMatchObject({ result: 'unknown', state: 'missing' });
    expect(messages('en').check(service)).toBe('Service Apex One NT Listener (tmlisten): not installed');
  });

  it('the right certificate with a stopped service: not "fixed" either', async () => {
    const { v } = await judge({ services: { ntrtscan: 'stopped', tmlisten: 'running' } }, server.der);
    expect(v.verdict).toBe('unknown');
    expect(v.checks.find((c) => c.name === 'service' && c.service === 'ntrtscan')).toMatchObject({ result: 'fail', state: 'stopped' });
  });

  it('IpXfer\'s non-zero exit code is a warning; the certificate still decides', async () => {
    const { v, w } = await judge({}, server.der, { exitCode: 3 });
    expect(v.verdict).toBe('fixed');
    const exit = v.checks.find((c) => c.name === 'exit-code')!;
    expect(exit).toMatchObject({ result: 'warn', exitCode: 3 });
    expect(messages('en').check(exit)).toBe('IpXfer exit code: 3 (not 0; the certificate decides)');
    const none = await verifyFix({ platform: w.platform, agent: (await w.platform.agent())!, server: readCertificateBytes(server.der), exitCode: null, settleMs: 0, clock: new FakeClock() });
    expect(none.checks.find((c) => c.name === 'exit-code')).toMatchObject({ result: 'warn', exitCode: null });
    expect(none.checks.find((c) => c.name === 'agent-server')).toMatchObject({ result: 'info', registryServer: 'srv' });
  });
});

describe('waiting for the agent', () => {
  it('a cancel during the settle wait ends it at once with what was found', async () => {
    world = await makeWorld();
    const agent = (await world.platform.agent())!;
    const controller = new AbortController();
    const waits: number[] = [];
    // Time moves only when the test moves it: the wait can end only through the cancel.
    const clock = new FakeClock();
    const v = await verifyFix({
      platform: world.platform,
      agent,
      server: readCertificateBytes(world.server.der),
      exitCode: 0,
      settleMs: 60_000,
      pollMs: 30_000,
      clock,
      signal: controller.signal,
      onWaiting: (ms) => {
        waits.push(ms);
        controller.abort();
      },
    });
    expect(v.verdict).toBe('not-fixed');
    expect(waits).toEqual([0]);
    expect(clock.elapsedMs()).toBe(0);
    expect(clock.pending).toBe(0);
  });

  it('re-reads every poll interval on the session\'s clock until the settle time ends, and no longer', async () => {
    world = await makeWorld();
    const agent = (await world.platform.agent())!;
    const clock = new FakeClock();
    const waits: number[] = [];
    let done = false;
    const judged = verifyFix({ platform: world.platform, agent, server: readCertificateBytes(world.server.der), exitCode: 0, settleMs: 5000, pollMs: 2000, clock, onWaiting: (ms) => waits.push(ms) }).finally(() => (done = true));
    await clock.sleeping();
    await clock.advance(2000);
    await clock.sleeping();
    await clock.advance(2000);
    await clock.sleeping();
    // The third read, at 4 s, found the old certificate again; the last wait is what is left: 1 s.
    expect(waits).toEqual([0, 2000, 4000]);
    await clock.advance(900);
    expect(done).toBe(false);
    await clock.advance(100);
    const v = await judged;
    expect(v.verdict).toBe('not-fixed');
    expect(waits).toEqual([0, 2000, 4000]);
    expect(clock.elapsedMs()).toBe(5000);
  });

  it('ends the wait as soon as the agent holds the server\'s certificate', async () => {
    world = await makeWorld();
    const agent = (await world.platform.agent())!;
    const clock = new FakeClock();
    const waits: number[] = [];
    const judged = verifyFix({ platform: world.platform, agent, server: readCertificateBytes(world.server.der), exitCode: 0, settleMs: 60_000, pollMs: 2000, clock, onWaiting: (ms) => waits.push(ms) });
    await clock.sleeping();
    await clock.advance(2000);
    await clock.sleeping();
    // The agent takes the certificate during the second wait.
    await writeFile(path.join(world.agentDir, 'OfcNTCer.dat'), world.server.der);
    await clock.advance(2000);
    const v = await judged;
    expect(v.verdict).toBe('fixed');
    expect(waits).toEqual([0, 2000]);
    expect(clock.elapsedMs()).toBe(4000);
    expect(clock.pending).toBe(0);
  });
});
