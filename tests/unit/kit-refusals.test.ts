/**
 * Offline kits as they come back from the field: a stick whose manifest was lost or replaced by a
 * huge file, a folder with somebody else's manifest.json, a kit whose manifest names a file outside
 * the kit, a kit written where no folder can be made, and a kit made again over an older one. Each
 * refusal is exit 2 with the file named, in the user's language, and nothing copied or run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../fixtures/cli.js';
import { makeWorld, type World, type WorldOptions } from '../fixtures/world.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function makeKit(o: WorldOptions = {}, extra: string[] = []) {
  world = await makeWorld(o);
  const out = path.join(world.dir, 'stick');
  const r = await runCli(['kit', '--simulate', world.profile, '--source', '\\\\srv', '--out', out, '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return { out, folder: path.join(out, 'ApexCertFix-kit'), w: world, report: JSON.parse(r.stdout) };
}

async function fixFrom(w: World, source: string, lang: 'en' | 'ja' = 'en') {
  const r = await runCli(['fix', '--simulate', w.profile, '--source', source, '--work-dir', w.workBase, '--reports-dir', w.reportsDir, '--json', '--allow-unverified-publisher', '--lang', lang]);
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : null };
}

/** The refusal a user sees: exit 2, the error code, nothing copied, the agent untouched. */
async function expectRefused(w: World, r: Awaited<ReturnType<typeof fixFrom>>, code: string) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.report.error.code).toBe(code);
  expect(r.report.outcome).toBe('bad-input');
  expect(await w.workFiles()).toEqual([]);
  expect(await readFile(path.join(w.agentDir, 'OfcNTCer.dat'))).toEqual(w.old.der);
  // IpXfer never ran (the fake one leaves a record when it does).
  expect(existsSync(w.record)).toBe(false);
}

describe('a kit that cannot be used', () => {
  it('a stick whose kit folder lost its manifest: refused as unreadable, naming the manifest it looked for', async () => {
    const { out, folder, w } = await makeKit();
    await rm(path.join(folder, 'manifest.json'));
    const r = await fixFrom(w, out);
    await expectRefused(w, r, 'kit-invalid');
    expect(r.stderr).toContain(`The kit's ${path.join(folder, 'manifest.json')} is not usable (it cannot be read). Make the kit again from the server.`);
    const ja = await fixFrom(w, out, 'ja');
    await expectRefused(w, ja, 'kit-invalid');
    expect(ja.stderr).toContain(`キットの ${path.join(folder, 'manifest.json')} を使えません（読み取れません）`);
  });

  it('a manifest replaced by a folder of that name: refused, not a crash', async () => {
    const { out, folder, w } = await makeKit();
    await rm(path.join(folder, 'manifest.json'));
    await mkdir(path.join(folder, 'manifest.json'));
    const r = await fixFrom(w, out);
    await expectRefused(w, r, 'kit-invalid');
    expect(r.stderr).toContain('it cannot be read');
  });

  it('a manifest of more than a megabyte is refused as far too large, without being read', async () => {
    const { folder, w } = await makeKit();
    const file = path.join(folder, 'manifest.json');
    // Still the kit's own manifest at the start (so the folder is taken for a kit), then 2 MiB of padding.
    await truncate(file, 2 * 1024 * 1024);
    const r = await fixFrom(w, folder);
    await expectRefused(w, r, 'kit-invalid');
    expect(r.stderr).toContain('far too large to be a kit manifest');
    const ja = await fixFrom(w, folder, 'ja');
    expect(ja.stderr).toContain('キットのマニフェストとしては大きすぎます');
  });

  it('a manifest naming a file outside the kit folder is refused naming the field; the file is not touched', async () => {
    const { folder, w } = await makeKit();
    const file = path.join(folder, 'manifest.json');
    const manifest = JSON.parse(await readFile(file, 'utf8'));
    manifest.files[1].name = '..\\..\\Windows\\System32\\cmd.exe';
    await writeFile(file, JSON.stringify(manifest));
    const r = await fixFrom(w, folder);
    await expectRefused(w, r, 'kit-invalid');
    expect(r.stderr).toContain('a field is missing or has the wrong type or value: files.1.name');
  });

  it('somebody else\'s manifest.json is not taken for a kit: the folder is simply not server files', async () => {
    world = await makeWorld();
    const folder = path.join(world.dir, 'webapp');
    await mkdir(folder);
    await writeFile(path.join(folder, 'manifest.json'), JSON.stringify({ name: 'Some PWA', start_url: '/' }));
    const r = await fixFrom(world, folder);
    expect(r.code).toBe(2);
    expect(r.report.error.code).toBe('source-not-found');
    expect(r.stderr).toContain(folder);
    expect(r.stderr).not.toMatch(/kit's .* is not usable/);
    expect(await world.workFiles()).toEqual([]);
  });
});

describe('writing a kit', () => {
  it('where no folder can be made (the stick path runs through a file): exit 2, the place named, nothing written', async () => {
    world = await makeWorld();
    const blocker = path.join(world.dir, 'not-a-folder');
    await writeFile(blocker, 'a file');
    const out = path.join(blocker, 'stick');
    for (const lang of ['en', 'ja'] as const) {
      const r = await runCli(['kit', '--simulate', world.profile, '--source', '\\\\srv', '--out', out, '--json', '--lang', lang]);
      expect(r.code).toBe(2);
      const doc = JSON.parse(r.stdout);
      expect(doc.error.code).toBe('work-dir-failed');
      expect(r.stderr).toContain(out);
      expect(r.stderr).toContain('ENOTDIR');
      if (lang === 'ja') expect(r.stderr).toContain('作業フォルダを作れません');
    }
    expect(await readFile(blocker, 'utf8')).toBe('a file');
  });

  it('made again over an older kit: the new kit replaces it whole, nothing of the old one and no partial folder left', async () => {
    const { out, folder, w } = await makeKit({ tree: { datfhs: ['x86', 'x64'] } }, ['--server-build', '12526']);
    await writeFile(path.join(folder, 'left-over.txt'), 'from the old kit');
    const before = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
    // The build was corrected since: the kit is made again into the same place.
    const r = await runCli(['kit', '--simulate', w.profile, '--source', '\\\\srv', '--out', out, '--json', '--server-build', '12600']);
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(out)).toEqual(['ApexCertFix-kit']);
    const names = (await readdir(folder)).sort();
    expect(names).not.toContain('left-over.txt');
    const after = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
    expect(after.serverBuild.value).toBe(12600);
    expect(before.serverBuild.value).toBe(12526);
    expect(after.files.map((f: { name: string }) => f.name).sort()).toEqual(names.filter((n) => n !== 'manifest.json'));
    // And it is a kit a PC can be repaired from.
    const fixed = await fixFrom(w, out);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(existsSync(path.join(w.reportsDir))).toBe(true);
  });
});
