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
import { ELECTRON_ARCH, electronBuilderArgs, sharedSigningEnv, stageForElectronBuilder, stagedCliExe } from '../../scripts/dist-win.mjs';
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
