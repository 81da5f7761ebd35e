/**
 * Issue 18 §4: a kit file swapped between the manifest check (the Server step) and the copy (the
 * Collect step) was copied and run. The swap is a real write to the kit on disk, made at the two
 * moments the session itself publishes: after the source check, and as the copy of that file starts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeKit } from '../../electron/core/kit.js';
import { detectServerBuild } from '../../electron/core/server-build.js';
import { SessionContext } from '../../electron/core/session/context.js';
import { RepairSession } from '../../electron/core/session/repair-session.js';
import { readServerCertificate } from '../../electron/core/session/server-certificate.js';
import { resolveSource } from '../../electron/core/source.js';
import { makeWorld, type World } from '../fixtures/world.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

/** A kit made from the world's server, as `apex-cert-fix kit --source \\srv` makes it. */
async function worldWithKit(): Promise<{ w: World; folder: string }> {
  const w = (world = await makeWorld({ tree: { datfhs: ['x86', 'x64'] } }));
  const files = await resolveSource(w.platform, '\\\\srv');
  const build = await detectServerBuild({ files, fileArch: 'x64', override: 12526, agentBuild: null });
  const certificate = (await readServerCertificate(files)).certificate;
  const { folder } = await makeKit({ files, build, certificate, outDir: path.join(w.dir, 'stick'), version: 'test', now: new Date() });
  return { w, folder };
}

/** Same size, one byte different: only the hash can tell. */
function swap(file: string): void {
  const bytes = readFileSync(file);
  bytes[bytes.length - 2]! ^= 1;
  writeFileSync(file, bytes);
}

function session(w: World) {
  return new RepairSession(new SessionContext({ platform: w.platform, lang: 'en', workBase: w.workBase, reportsDir: w.reportsDir, settleMs: 0 }));
}

describe('a kit file swapped after the manifest check', () => {
  for (const name of ['IpXfer_x64.exe', 'DatFHS_x64.dll', 'OfcNTCer.dat']) {
    it(`${name} swapped between the Server step and the copy: copy-changed, copies removed, nothing runs`, async () => {
      const { w, folder } = await worldWithKit();
      const s = session(w);
      expect(await s.setSource(folder)).toBe(true);
      expect(s.state.outcome).toBe('ready');
      swap(path.join(folder, name));

      expect(await s.collect()).toBe(false);
      expect(s.state.outcome).toBe('bad-input');
      expect(s.state.error).toMatchObject({ code: 'copy-changed', step: 'collect', details: { file: path.join(folder, name), kit: true } });
      expect(s.state.error!.message).toContain('manifest');
      expect(s.state.collect).toEqual({ progress: null, workDir: null, files: [] });
      expect(await w.workFiles()).toEqual([]);
      // Nothing can run: there are no copies, and the fake IpXfer never wrote its record.
      expect(await s.run(null, { allowUnverifiedPublisher: true })).toBe(false);
      expect(s.state.error?.code).toBe('step-order');
      expect(existsSync(w.record)).toBe(false);
    });
  }

  it('swapped the moment its copy starts (where `fix` goes straight from the check to the copy): refused too', async () => {
    const { w, folder } = await worldWithKit();
    const s = session(w);
    let swapped = false;
    // The session publishes each file's progress before it opens the file: swap right then.
    s.onState((st) => {
      if (!swapped && st.collect.progress?.file === 'IpXfer_x64.exe' && st.collect.progress.fileBytes === 0) {
        swap(path.join(folder, 'IpXfer_x64.exe'));
        swapped = true;
      }
    });
    expect(await s.setSource(folder)).toBe(true);
    expect(await s.collect()).toBe(false);
    expect(swapped).toBe(true);
    expect(s.state.error?.code).toBe('copy-changed');
    expect(await w.workFiles()).toEqual([]);
    expect(existsSync(w.record)).toBe(false);
  });

  it('an untouched kit is copied and runs as before', async () => {
    const { w, folder } = await worldWithKit();
    const s = session(w);
    expect(await s.setSource(folder)).toBe(true);
    expect(await s.collect()).toBe(true);
    expect(s.state.collect.files.map((f) => f.name)).toEqual(['OfcNTCer.dat', 'IpXfer_x64.exe', 'DatFHS_x64.dll']);
    expect(await s.run(null, { allowUnverifiedPublisher: true })).toBe(true);
    expect(s.state.outcome).toBe('fixed');
  });
});
