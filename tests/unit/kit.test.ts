import { afterEach, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../fixtures/cli.js';
import { makeCertificate } from '../../electron/simulation/make-certificate.js';
import { makeWorld, type World, type WorldOptions } from '../fixtures/world.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function kit(o: WorldOptions, source = '\\\\srv', extra: string[] = []) {
  world = await makeWorld(o);
  const out = path.join(world.dir, 'stick');
  const r = await runCli(['kit', '--simulate', world.profile, '--source', source, '--out', out, '--json', ...extra]);
  return { ...r, report: JSON.parse(r.stdout), out, folder: path.join(out, 'ApexCertFix-kit'), w: world };
}

async function fixFrom(w: World, source: string, extra: string[] = []) {
  // The kit's IpXfer is the fake (a script): run knowingly.
  const r = await runCli(['fix', '--simulate', w.profile, '--source', source, '--work-dir', w.workBase, '--reports-dir', w.reportsDir, '--json', '--allow-unverified-publisher', ...extra]);
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : null };
}

describe('making a kit', () => {
  const layouts: [string, WorldOptions, string][] = [
    ['\\\\server', {}, '\\\\srv'],
    ['the ofcscan share', {}, '\\\\srv\\ofcscan'],
    ['an OfficeScan install folder over c$', { install: ['Program Files', 'Trend Micro', 'OfficeScan'], shares: ['c$'] }, '\\\\srv\\c$\\Program Files\\Trend Micro\\OfficeScan'],
  ];
  for (const [name, o, source] of layouts) {
    it(`from ${name}: both bitnesses, the DLLs, and a manifest with hashes`, async () => {
      const { code, report, folder, w } = await kit({ ...o, tree: { datfhs: ['x86', 'x64'] } }, source, ['--server-build', '12526']);
      expect(code).toBe(0);
      expect(report.kit.folder).toBe(folder);
      const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({ kind: 'apex-cert-fix-kit', schemaVersion: 1, serverBuild: { value: 12526 } });
      expect(manifest.certificate.serial).toBe(w.server.serial);
      expect(manifest.files.map((f: { role: string; arch: string | null; name: string }) => [f.role, f.arch, f.name])).toEqual([
        ['certificate', null, 'OfcNTCer.dat'],
        ['ipxfer', 'x86', 'IpXfer.exe'],
        ['ipxfer', 'x64', 'IpXfer_x64.exe'],
        ['datfhs', 'x86', 'DatFHS.dll'],
        ['datfhs', 'x64', 'DatFHS_x64.dll'],
      ]);
      expect(await readFile(path.join(folder, 'OfcNTCer.dat'))).toEqual(w.server.der);
    });
  }

  it('refuses a build 12526+ server without its DLLs, naming the file, and writes nothing', async () => {
    const { code, report, out } = await kit({}, '\\\\srv', ['--server-build', '12600']);
    expect(code).toBe(2);
    expect(report.error.code).toBe('datfhs-missing');
    await expect(readFile(path.join(out, 'ApexCertFix-kit', 'manifest.json'))).rejects.toThrow();
  });

  it('needs --out', async () => {
    world = await makeWorld();
    const r = await runCli(['kit', '--simulate', world.profile, '--source', '\\\\srv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out/);
  });
});

describe('using a kit', () => {
  it('fixes an x64 PC from the kit folder, and an x86 PC from the stick root holding it', async () => {
    const { folder, out, w } = await kit({ tree: { datfhs: ['x86', 'x64'] } }, '\\\\srv', ['--server-build', '12526']);
    const x64 = await fixFrom(w, folder);
    expect(x64.code).toBe(0);
    expect(x64.report.files.map((f: { name: string }) => f.name)).toEqual(['OfcNTCer.dat', 'IpXfer_x64.exe', 'DatFHS_x64.dll']);
    expect(x64.report.source.tried).toEqual([{ path: folder, result: 'kit' }]);
    expect(x64.report.serverBuild.evidence[0]).toMatchObject({ kind: 'kit-manifest', build: 12526 });
    await writeFile(path.join(w.agentDir, 'OfcNTCer.dat'), w.old.der);
    const x86 = await fixFrom(w, out, ['--arch', 'x86']);
    expect(x86.code).toBe(0);
    expect(x86.report.files.map((f: { name: string }) => f.name)).toEqual(['OfcNTCer.dat', 'IpXfer.exe', 'DatFHS.dll']);
  });

  it('refuses a tampered file, naming it; nothing is copied or run', async () => {
    const { folder, w } = await kit({});
    const exe = path.join(folder, 'IpXfer_x64.exe');
    const bytes = await readFile(exe);
    bytes[bytes.length - 2]! ^= 1;
    await writeFile(exe, bytes);
    const r = await fixFrom(w, folder);
    expect(r.code).toBe(2);
    expect(r.report.error.code).toBe('kit-file-changed');
    expect(r.stderr).toContain(`${exe} in the kit is not the file the kit was made with`);
    expect(await w.workFiles()).toEqual([]);
  });

  it('refuses a kit with a file missing', async () => {
    const { folder, w } = await kit({});
    await rm(path.join(folder, 'IpXfer.exe'));
    const r = await fixFrom(w, folder);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/The kit is incomplete: .*IpXfer\.exe is missing/);
  });

  it('refuses an edited manifest', async () => {
    const { folder, w } = await kit({});
    const file = path.join(folder, 'manifest.json');
    const manifest = JSON.parse(await readFile(file, 'utf8'));
    manifest.files[0].sha256 = '00'.repeat(32);
    await writeFile(file, JSON.stringify(manifest));
    expect((await fixFrom(w, folder)).report.error.code).toBe('kit-file-changed');
    await writeFile(file, '{ not json');
    const broken = await fixFrom(w, path.dirname(folder));
    expect(broken.code).toBe(2);
    expect(broken.report.error.code).toBe('kit-invalid');
  });

  it('refuses a kit from a newer version of the tool, clearly', async () => {
    const { folder, w } = await kit({});
    const file = path.join(folder, 'manifest.json');
    await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), schemaVersion: 2 }));
    const r = await fixFrom(w, folder, ['--lang', 'ja']);
    expect(r.code).toBe(2);
    expect(r.report.error.code).toBe('kit-newer');
    expect(r.stderr).toContain('このツールより新しいバージョンで作られています');
  });

  it('says when the kit\'s certificate has expired and when its build is unknown', async () => {
    world = await makeWorld();
    const expired = makeCertificate({ notBefore: new Date('2020-01-01T00:00:00Z'), years: 3 });
    await writeFile(path.join(world.pccsrv, 'Pccnt', 'Common', 'OfcNTCer.dat'), expired.der);
    const out = path.join(world.dir, 'stick');
    expect((await runCli(['kit', '--simulate', world.profile, '--source', '\\\\srv', '--out', out])).code).toBe(0);
    const r = await runCli(['inspect', '--simulate', world.profile, '--source', out, '--json']);
    const notes: string[] = JSON.parse(r.stdout).plan.notes;
    expect(notes.some((n) => /does not record the server build/.test(n))).toBe(true);
    expect(notes.some((n) => /expired on 2023-01-01/.test(n))).toBe(true);
  });
});
