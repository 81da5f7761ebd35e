/**
 * electron-builder.yml, checked with electron-builder's own schema validation and macro expansion
 * (Electron cannot be downloaded here, so the artifacts themselves cannot be built), plus the
 * pieces around it that can run: the CLI exe staging and the unsigned-artifact hook.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { ELECTRON_ARCH, electronBuilderArgs, folderAppTop, folderAppZip, makeFolderApps, PORTABLE_MARKER, prebuiltCliExes, publishCliExes, sharedSigningEnv, stageForElectronBuilder, stagedCliExe, unpackedDir } from '../../scripts/dist-win.mjs';
import { PORTABLE_MARKER as APP_MARKER } from '../../electron/hosts/electron/portable-paths.js';
import { sign, selfSignedSigner as signer, unsignedPe } from '../fixtures/signing.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { expandMacro } = require('app-builder-lib/out/util/macroExpander');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const appInfo = { sanitizedProductName: 'ApexCertFix', productName: 'ApexCertFix', version: pkg.version };

describe('electron-builder.yml', async () => {
  const config = load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

  it('passes electron-builder\'s own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it("packs nothing of the tests: the Wine lane's gui-host.mjs (the real platform over HTTP) is neither built nor packed", () => {
    const packed = (config.files as string[]).filter((f) => !f.startsWith('!'));
    for (const f of packed) expect(f).toMatch(/^(package\.json$|dist\/electron\/|dist\/renderer\/|resources\/)/);
    const tsconfig = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8')) as { include: string[] };
    expect(tsconfig.include.filter((p) => p.startsWith('tests/') && !p.startsWith('tests/fixtures/'))).toEqual([]);
    expect(existsSync(path.join(root, 'tests', 'windows', 'gui-host.mjs'))).toBe(true);
  });

  it('asks for administrator rights in both the installer and the portable exe (electron-builder #7566)', () => {
    expect(config.win.requestedExecutionLevel).toBe('requireAdministrator');
    expect(config.portable.requestExecutionLevel).toBe('admin');
  });

  it('builds portable and NSIS, x64 and ia32, with Japanese and English installers and the icon', async () => {
    expect(config.win.target).toEqual([
      { target: 'portable', arch: ['x64', 'ia32'] },
      { target: 'nsis', arch: ['x64', 'ia32'] },
    ]);
    expect(config.nsis.installerLanguages).toEqual(['ja_JP', 'en_US']);
    expect((await readFile(path.join(root, config.win.icon))).readUInt16LE(2)).toBe(1); // an ICO
  });

  it('makes one file per arch (no universal exe that unpacks both archs on every start), each named by its arch', () => {
    expect(config.portable.buildUniversalInstaller).toBe(false);
    expect(config.nsis.buildUniversalInstaller).toBe(false);
    const names = ['x64', 'ia32'].flatMap((arch) => [config.portable, config.nsis].map((t) => expandMacro(t.artifactName, arch, appInfo, { ext: 'exe' })));
    expect(names).toEqual([
      `ApexCertFix-${pkg.version}-portable-x64.exe`,
      `ApexCertFix-${pkg.version}-setup-x64.exe`,
      `ApexCertFix-${pkg.version}-portable-ia32.exe`,
      `ApexCertFix-${pkg.version}-setup-ia32.exe`,
    ]);
  });

  it('puts the CLI exe of the same arch beside the app, as apex-cert-fix.exe, where dist:win stages it', () => {
    expect(config.extraFiles).toHaveLength(1);
    const [{ from, to }] = config.extraFiles;
    expect(to).toBe('apex-cert-fix.exe');
    for (const [ours, theirs] of Object.entries(ELECTRON_ARCH)) {
      expect(path.resolve(root, expandMacro(from, theirs, appInfo)), ours).toBe(stagedCliExe(path.join(root, 'dist', 'win'), theirs));
    }
  });

  it('signs with SHA-256 only and leaves the already-signed CLI exe alone', () => {
    expect(config.win.signtoolOptions.signingHashAlgorithms).toEqual(['sha256']);
    expect(config.win.signExts).toContain('!apex-cert-fix.exe');
  });

  it('turns off RunAsNode, NODE_OPTIONS and --inspect with fuses', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });

  it('a broken configuration is caught by the same validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration({ ...config, win: { ...config.win, requestedExecutionLevel: 'sometimes' } }, new DebugLogger(false))).rejects.toThrow();
  });

  it('its afterAllArtifactBuild hook names exactly the unsigned exes and adds no artifacts', async () => {
    const hook = await import(pathToFileURL(path.join(root, config.afterAllArtifactBuild)).href);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acf-hook-'));
    try {
      const unsigned = unsignedPe(path.join(dir, 'ApexCertFix-portable-ia32.exe'));
      const signed = sign(unsigned, path.join(dir, 'ApexCertFix-portable-x64.exe'), signer('Apex test', dir), 'sha256');
      const blockmap = path.join(dir, 'ApexCertFix-setup-x64.exe.blockmap');
      writeFileSync(blockmap, 'not a program');
      expect(hook.unsignedArtifacts([signed, unsigned, blockmap])).toEqual([unsigned]);
      expect(hook.afterAllArtifactBuild({ artifactPaths: [signed, unsigned, blockmap] })).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dist:win around electron-builder', () => {
  it('stages dist/win/apex-cert-fix-x86.exe as ia32 and -x64 as x64', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'acf-stage-'));
    try {
      writeFileSync(path.join(out, 'apex-cert-fix-x64.exe'), 'x64');
      writeFileSync(path.join(out, 'apex-cert-fix-x86.exe'), 'x86');
      stageForElectronBuilder(out);
      expect(readFileSync(stagedCliExe(out, 'x64'), 'utf8')).toBe('x64');
      expect(readFileSync(stagedCliExe(out, 'ia32'), 'utf8')).toBe('x86');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('one PFX signs both: APEX_SIGN_PFX becomes CSC_LINK, a CSC_LINK file becomes APEX_SIGN_PFX', () => {
    expect(sharedSigningEnv({ APEX_SIGN_PFX: '/k/sign.pfx', APEX_SIGN_PFX_PASSWORD: 'pw' })).toMatchObject({ CSC_LINK: '/k/sign.pfx', CSC_KEY_PASSWORD: 'pw' });
    const pfx = path.join(root, 'package.json'); // any existing file stands for the PFX here
    expect(sharedSigningEnv({ CSC_LINK: pfx, CSC_KEY_PASSWORD: 'pw' })).toMatchObject({ APEX_SIGN_PFX: pfx, APEX_SIGN_PFX_PASSWORD: 'pw' });
    expect(sharedSigningEnv({})).toEqual({});
    expect(electronBuilderArgs({ APEX_SIGN_TIMESTAMP_URL: 'http://ts.example' })).toEqual(['--win', '-c.win.signtoolOptions.rfc3161TimeStampServer=http://ts.example']);
  });
});

describe('the folder app and the CLI exes as artifacts of their own', () => {
  /** unzip turns UTF-8 names into the locale's charset: a UTF-8 locale keeps them. */
  const UTF8 = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  /** A stand-in for electron-builder's unpacked app: nested folders, a Japanese name, a file larger than one deflate block. */
  function unpacked(release: string, electronArch: string): string {
    const dir = unpackedDir(release, electronArch);
    mkdirSync(path.join(dir, 'resources'), { recursive: true });
    mkdirSync(path.join(dir, 'locales'), { recursive: true });
    writeFileSync(path.join(dir, 'ApexCertFix.exe'), Buffer.alloc(300_000, electronArch));
    writeFileSync(path.join(dir, 'resources', 'app.asar'), Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251)));
    writeFileSync(path.join(dir, 'locales', 'ja.pak'), '日本語');
    writeFileSync(path.join(dir, 'locales', '空のファイル.txt'), '');
    writeFileSync(path.join(dir, 'apex-cert-fix.exe'), `cli ${electronArch}`);
    return dir;
  }

  it('zips each unpacked app under one folder with the portable marker the app looks for; unzip reads every file back unchanged', async () => {
    expect(PORTABLE_MARKER.name).toBe(APP_MARKER);
    const release = mkdtempSync(path.join(os.tmpdir(), 'acf-release-'));
    try {
      for (const arch of Object.values(ELECTRON_ARCH)) unpacked(release, arch);
      const zips = await makeFolderApps(release, pkg.version);
      expect(zips.map((z: string) => path.basename(z))).toEqual([`ApexCertFix-${pkg.version}-folder-x64.zip`, `ApexCertFix-${pkg.version}-folder-ia32.zip`]);
      expect(readdirSync(release).filter((f) => f.endsWith('.partial'))).toEqual([]);
      for (const arch of Object.values(ELECTRON_ARCH)) {
        const zip = path.join(release, folderAppZip(pkg.version, arch));
        execFileSync('unzip', ['-tq', zip]); // CRCs and structure, by another implementation
        const top = folderAppTop(pkg.version, arch);
        const listed = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8', env: UTF8 }).trim().split('\n').sort();
        expect(listed).toEqual([`${top}/ApexCertFix.exe`, `${top}/apex-cert-fix.exe`, `${top}/locales/ja.pak`, `${top}/locales/空のファイル.txt`, `${top}/portable`, `${top}/resources/app.asar`].sort());
        const out = mkdtempSync(path.join(os.tmpdir(), 'acf-unzip-'));
        try {
          execFileSync('unzip', ['-q', zip, '-d', out], { env: UTF8 });
          const dir = unpackedDir(release, arch);
          for (const rel of ['ApexCertFix.exe', 'resources/app.asar', 'locales/ja.pak', 'locales/空のファイル.txt', 'apex-cert-fix.exe']) {
            expect(readFileSync(path.join(out, top, rel)).equals(readFileSync(path.join(dir, rel))), rel).toBe(true);
          }
          expect(readFileSync(path.join(out, top, 'portable'), 'utf8')).toContain('ApexCertFix-data');
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      }
    } finally {
      rmSync(release, { recursive: true, force: true });
    }
  });

  it('makes no folder app for an arch electron-builder did not unpack', async () => {
    const release = mkdtempSync(path.join(os.tmpdir(), 'acf-release-'));
    try {
      unpacked(release, 'x64');
      expect((await makeFolderApps(release, pkg.version)).map((z: string) => path.basename(z))).toEqual([`ApexCertFix-${pkg.version}-folder-x64.zip`]);
    } finally {
      rmSync(release, { recursive: true, force: true });
    }
  });

  it('copies both CLI exes into release/ under their own names, and takes prebuilt ones only when both are there', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'acf-cli-'));
    try {
      const cli = path.join(out, 'cli');
      mkdirSync(cli);
      writeFileSync(path.join(cli, 'apex-cert-fix-x64.exe'), 'x64');
      expect(() => prebuiltCliExes(cli)).toThrow(/apex-cert-fix-x86\.exe missing/);
      writeFileSync(path.join(cli, 'apex-cert-fix-x86.exe'), 'x86');
      expect(prebuiltCliExes(cli).outDir).toBe(cli);
      const copies = publishCliExes(cli, path.join(out, 'release'));
      expect(copies.map((c: string) => path.basename(c))).toEqual(['apex-cert-fix-x64.exe', 'apex-cert-fix-x86.exe']);
      expect(readFileSync(path.join(out, 'release', 'apex-cert-fix-x86.exe'), 'utf8')).toBe('x86');
      expect(existsSync(path.join(out, 'release', 'apex-cert-fix-x64.exe'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
