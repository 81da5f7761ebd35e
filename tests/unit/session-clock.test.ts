/**
 * The session's clock is the one every judgement uses: a certificate without a verified timestamp
 * is judged at the session's "now", so a training world, a test or a resumed session set to another
 * day see what that day would see.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { SessionContext } from '../../electron/core/session/context.js';
import { RepairSession } from '../../electron/core/session/repair-session.js';
import type { Platform } from '../../electron/platform/platform.js';
import { sign, tempDir, unsignedPe } from '../fixtures/signing.js';
import { chainSigner, testCa } from '../fixtures/test-ca.js';
import { makeWorld, type World } from '../fixtures/world.js';
import { clockAt } from '../../electron/base/clock.js';

let world: World | null = null;
let dir: string | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

/** Windows' own verdict on the chain's root, as Get-AuthenticodeSignature would give it. */
function windowsSaysValid(p: Platform): Platform {
  return Object.assign(Object.create(Object.getPrototypeOf(p)), p, { osSignatureStatuses: async (files: readonly string[]) => files.map(() => ({ status: 'Valid' })) });
}

describe("the session's clock", () => {
  it('judges an untimestamped signature at the session time: valid today, expired six years on', async () => {
    world = await makeWorld({ tree: { ipxfer: ['x64'], datfhs: ['x64'] } });
    dir = tempDir();
    // Valid from a year ago for five years; no timestamp, so only "now" can be used.
    const signed = sign(unsignedPe(path.join(dir, 'ipxfer.exe')), path.join(dir, 'ipxfer-signed.exe'), chainSigner(testCa(), dir, 'Trend Micro, Inc.'), 'sha256');
    await copyFile(signed, path.join(world.pccsrv, 'Admin', 'Utility', 'IpXfer', 'IpXfer_x64.exe'));
    const w = world;
    const ipxferOutcome = async (now: Date) => {
      const ctx = new SessionContext({ platform: windowsSaysValid(w.platform), lang: 'en', workBase: w.workBase, reportsDir: w.reportsDir, settleMs: 0, clock: clockAt(now) });
      const s = new RepairSession(ctx);
      expect(await s.setSource('\\\\srv')).toBe(true);
      expect(await s.collect()).toBe(true);
      const check = s.state.publisher?.checks.find((c) => c.name === 'IpXfer_x64.exe');
      await s.discardCollection();
      await s.dispose();
      return check?.outcome;
    };
    expect(await ipxferOutcome(new Date())).toBe('trusted');
    expect(await ipxferOutcome(new Date(Date.now() + 6 * 365 * 86_400_000))).toBe('expired');
  });
});
