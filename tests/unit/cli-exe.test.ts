/**
 * The standalone CLI exe (`npm run build:cli-exe`): built into a temp folder (the unsigned exe comes
 * from the .cache/cli-exe/ build cache when nothing changed), signed with the throwaway test
 * certificate, then checked as a file (signature, version resource) and run under Wine.
 * Cold (no cache) the build takes minutes: this file's timeouts allow for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ResEdit from 'resedit';
import { buildCliExe, ROOT } from '../../scripts/build-cli-exe.mjs';
import { TEST_SUBJECT_CN } from '../../scripts/build-cli-exe/test-certificate.mjs';
import { runUnderWine, wine32Missing, wineMissing, winePrefix } from '../../scripts/build-cli-exe/wine.mjs';
import { windowsNode } from '../../scripts/windows-node.mjs';
import { makeWorld, type World } from '../fixtures/world.js';

const BUILD_TIMEOUT = 15 * 60_000;
const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex').toUpperCase();

let out: string;
let built: Awaited<ReturnType<typeof buildCliExe>>;
const exe = (arch: 'x64' | 'x86') => path.join(out, `apex-cert-fix-${arch}.exe`);

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'acf-cli-exe-'));
  // No real certificate in tests, whatever the environment holds.
  built = await buildCliExe({ outDir: out, env: {}, testCert: true });
}, BUILD_TIMEOUT);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the built exe files', () => {
  it('are one x64 and one x86 program, signed with the test certificate and saying so', () => {
    expect(built.exes.map((e) => path.basename(e.file))).toEqual(['apex-cert-fix-x64.exe', 'apex-cert-fix-x86.exe']);
    expect(built.signing).toBe('UNSIGNED (test certificate): not for distribution');
    for (const arch of ['x64', 'x86'] as const) {
      const verified = execFileSync('osslsigncode', ['verify', '-in', exe(arch), '-CAfile', built.verifyWith!], { encoding: 'utf8' });
      expect(verified).toContain('Signature verification: ok');
      expect(verified).toContain(TEST_SUBJECT_CN);
    }
  });

  it('carry our name, version and icon instead of Node.js\'s', () => {
    for (const arch of ['x64', 'x86'] as const) {
      const pe = ResEdit.NtExecutable.from(readFileSync(exe(arch)), { ignoreCert: true });
      const res = ResEdit.NtExecutableResource.from(pe);
      const [info] = ResEdit.Resource.VersionInfo.fromEntries(res.entries);
      const strings = info!.getStringValues({ lang: 1033, codepage: 1200 });
      expect(strings).toMatchObject({ ProductName: 'Apex One certificate fix', ProductVersion: version, FileVersion: version, OriginalFilename: `apex-cert-fix-${arch}.exe` });
      expect(strings.CompanyName).not.toMatch(/Node/);
      expect(info!.fixedInfo.fileVersionMS >>> 16).toBe(Number(version.split('.')[0]));
      const icoCount = readFileSync(path.join(ROOT, 'build', 'icon.ico')).readUInt16LE(4);
      expect(ResEdit.Resource.IconGroupEntry.fromEntries(res.entries)[0]!.icons).toHaveLength(icoCount);
      // The SEA blob survived the resource rewrite.
      expect(res.entries.some((e) => e.type === 10 && e.id === 'NODE_SEA_BLOB')).toBe(true);
    }
  });
});

const noWine = wineMissing();

describe.skipIf(noWine)(`the exe under Wine (Windows 10 prefix)${noWine ? `: skipped, ${noWine}` : ''}`, () => {
  let prefix: string;
  let world: World;
  beforeAll(async () => {
    prefix = winePrefix(path.join(ROOT, '.cache'));
    world = await makeWorld();
  }, 120_000);
  afterAll(async () => world?.cleanup());

  const run = (arch: 'x64' | 'x86', args: string[], cwd?: string) => runUnderWine(exe(arch), args, { prefix, cwd });

  it('x64: --version prints package.json\'s version, --help the usage', async () => {
    const v = await run('x64', ['--version']);
    expect([v.code, v.stdout.trim(), v.stderr]).toEqual([0, version, '']);
    const h = await run('x64', ['--help', '--lang', 'en']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('apex-cert-fix publisher FILE...');
  }, 120_000);

  it('x64: publisher checks its own signature with our Authenticode code: intact, signed by the test certificate', async () => {
    const r = await run('x64', ['publisher', 'apex-cert-fix-x64.exe', '--json'], out);
    expect(r.code).toBe(1); // not Trend Micro: 1 by design
    const [check] = JSON.parse(r.stdout).files;
    expect(check.outcome).toBe('other-signer');
    expect(check.signatures[0]).toMatchObject({ digestAlgorithm: 'sha256', digestMatched: true, signatureValid: true });
    expect(check.signatures[0].signer.subject).toContain(TEST_SUBJECT_CN);
  }, 120_000);

  it('x64: inspect on a simulated PC reads the share and the certificate (node-forge) and is ready', async () => {
    const r = await run('x64', ['inspect', '--simulate', world.profile, '--source', '\\\\srv', '--allow-unverified-publisher', '--json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.outcome).toBe('ready');
    expect(report.certificate.serial).toBe(world.server.serial);
  }, 120_000);

  it('x64: fix copies and hashes (worker thread) and starts IpXfer; the fake one is a Node script Wine cannot run: exit 1', async () => {
    const r = await run('x64', ['fix', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', world.workBase, '--reports-dir', world.reportsDir, '--json', '--lang', 'en', '--allow-unverified-publisher']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout);
    // Collect re-reads each copy in its worker and compares: the hashes are those of the server's files.
    const ipxfer = path.join(world.pccsrv, 'Admin', 'Utility', 'IpXfer', 'IpXfer_x64.exe');
    const cert = path.join(world.pccsrv, 'Pccnt', 'Common', 'OfcNTCer.dat');
    expect(report.files.map((f: { sha256: string }) => f.sha256)).toEqual([sha256(cert), sha256(ipxfer)]);
    expect(report.run.attempt).toBe(1);
    // Windows (here Wine) refuses to start a file that is not a program: said as such, not as an exit code.
    expect(report.error.code).toBe('ipxfer-start-failed');
  }, 120_000);

  it('x64: code named by NODE_OPTIONS (--require C:\\...\\evil.js) never runs in the exe; plain node.exe would run it', async () => {
    const evilDir = mkdtempSync(path.join(prefix, 'drive_c', 'evil-'));
    try {
      const evil = `C:\\${path.basename(evilDir)}\\evil.js`;
      writeFileSync(path.join(evilDir, 'evil.js'), "require('fs').writeFileSync(__dirname + '\\\\ran', 'evil ran'); console.log('EVIL');\n");
      const env = { NODE_OPTIONS: `--require ${evil}` };
      // The control: Node itself honours it, so the test's evil.js would run if the exe let it.
      const control = await runUnderWine(windowsNode('win-x64'), ['-e', '0'], { prefix, env });
      expect(control.stdout).toContain('EVIL');
      rmSync(path.join(evilDir, 'ran'));
      const v = await runUnderWine(exe('x64'), ['--version'], { prefix, env });
      expect([v.code, v.stdout.trim()]).toEqual([0, version]);
      expect(existsSync(path.join(evilDir, 'ran'))).toBe(false);
      // Nor Node options on its command line: they are the program's own arguments.
      const cli = await runUnderWine(exe('x64'), ['--require', evil, '--version'], { prefix });
      expect(cli.stdout).not.toContain('EVIL');
      expect(existsSync(path.join(evilDir, 'ran'))).toBe(false);
    } finally {
      rmSync(evilDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('x86: --version and publisher, where Wine has its 32-bit side', async (ctx) => {
    const missing = await wine32Missing(windowsNode('win-x86'), prefix);
    if (missing) return ctx.skip(missing);
    const v = await run('x86', ['--version']);
    expect([v.code, v.stdout.trim()]).toEqual([0, version]);
    const p = await run('x86', ['publisher', 'apex-cert-fix-x86.exe'], out);
    expect(p.stdout).toContain('other-signer');
  }, 120_000);
});
