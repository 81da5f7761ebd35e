#!/usr/bin/env node
/**
 * `npm run dist:win`: every Windows artifact, signed from the environment, loud when not.
 *   1. the CLI exes (build:cli-exe) into dist/win/
 *   2. each one staged under electron-builder's arch name (x64, ia32) for the app's `extraFiles`
 *   3. electron-builder --win: per-arch portable exe and installer in release/ (needs Electron and
 *      the NSIS tools from the internet: not possible on the build machines here)
 *   4. the folder app per arch: electron-builder's unpacked app (release/win-unpacked,
 *      win-ia32-unpacked) with the `portable` marker, zipped as release/ApexCertFix-<v>-folder-<arch>.zip:
 *      it runs where it lies (nothing unpacked to %TEMP%) and keeps its data beside the exe
 *   5. the CLI exes copied into release/ beside the apps, as artifacts of their own (the copy inside
 *      the portable exe lives in its temporary unpack folder, out of the staff's reach)
 * One certificate signs everything: APEX_SIGN_PFX (+ APEX_SIGN_PFX_PASSWORD) is handed to
 * electron-builder as CSC_LINK / CSC_KEY_PASSWORD, and a CSC_LINK file signs the CLI exes too.
 * APEX_SIGN_TIMESTAMP_URL becomes win.signtoolOptions.rfc3161TimeStampServer.
 *
 *   --require-signature   fail instead of building unsigned or untimestamped artifacts (release pipelines)
 *   --cli-exes DIR        take apex-cert-fix-x64.exe / -x86.exe already built in DIR (by build:cli-exe on
 *                         Linux: it needs a Linux Node and osslsigncode) instead of building them; the
 *                         Windows CI job gets them from the Linux job this way
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ARCHS, buildCliExe, exeName, ROOT, unsignedBanner } from './build-cli-exe.mjs';
import { zipFolder } from './zip-folder.mjs';

/** Our arch names (as Windows people say them) → electron-builder's `${arch}`. */
export const ELECTRON_ARCH = { x64: 'x64', x86: 'ia32' };

/** Where electron-builder.yml's `extraFiles` expects the CLI exe for `electronArch`. */
export const stagedCliExe = (outDir, electronArch) => path.join(outDir, 'electron-builder', electronArch, 'apex-cert-fix.exe');

/** Hard links (no second 90 MB copy) from dist/win/apex-cert-fix-<arch>.exe to the staged names. */
export function stageForElectronBuilder(outDir) {
  for (const arch of ARCHS) {
    const to = stagedCliExe(outDir, ELECTRON_ARCH[arch]);
    mkdirSync(path.dirname(to), { recursive: true });
    rmSync(to, { force: true });
    try {
      linkSync(path.join(outDir, exeName(arch)), to);
    } catch {
      copyFileSync(path.join(outDir, exeName(arch)), to);
    }
  }
}

/** electron-builder's unpacked app for `electronArch` (x64 is plain `win-unpacked`). */
export const unpackedDir = (releaseDir, electronArch) => path.join(releaseDir, electronArch === 'x64' ? 'win-unpacked' : `win-${electronArch}-unpacked`);

/** The folder app's zip, and the one folder inside it. */
export const folderAppZip = (version, electronArch) => `ApexCertFix-${version}-folder-${electronArch}.zip`;
export const folderAppTop = (version, electronArch) => `ApexCertFix-${version}-${electronArch}`;

/**
 * The marker beside ApexCertFix.exe that makes the folder app keep its data beside it
 * (electron/hosts/electron/portable-paths.ts, PORTABLE_MARKER). Its text says what it does.
 */
export const PORTABLE_MARKER = {
  name: 'portable',
  text: 'This file makes ApexCertFix.exe keep its settings and reports in ApexCertFix-data beside it.\r\nDelete it to use the PC\'s folders instead.\r\n',
};

/**
 * Zips each unpacked app electron-builder left in `releaseDir` as the folder app of its arch, with
 * the portable marker, written to a temporary name and renamed. Returns the zips made.
 */
export async function makeFolderApps(releaseDir, version) {
  const made = [];
  for (const arch of Object.values(ELECTRON_ARCH)) {
    const dir = unpackedDir(releaseDir, arch);
    if (!existsSync(path.join(dir, 'ApexCertFix.exe'))) continue;
    const zip = path.join(releaseDir, folderAppZip(version, arch));
    const tmp = `${zip}.partial`;
    await zipFolder(dir, tmp, folderAppTop(version, arch), { [PORTABLE_MARKER.name]: PORTABLE_MARKER.text });
    renameSync(tmp, zip);
    made.push(zip);
  }
  return made;
}

/** The CLI exes into `releaseDir` beside the apps, under their own names (apex-cert-fix-x64.exe, -x86.exe). */
export function publishCliExes(cliOutDir, releaseDir) {
  mkdirSync(releaseDir, { recursive: true });
  return ARCHS.map((arch) => {
    const to = path.join(releaseDir, exeName(arch));
    copyFileSync(path.join(cliOutDir, exeName(arch)), to);
    return to;
  });
}

/** CLI exes built elsewhere (--cli-exes DIR): every arch must be there; what signed them was said where they were built. */
export function prebuiltCliExes(dir) {
  const missing = ARCHS.map(exeName).filter((name) => !existsSync(path.join(dir, name)));
  if (missing.length) throw new Error(`--cli-exes ${dir}: ${missing.join(', ')} missing (npm run build:cli-exe makes them)`);
  return { outDir: dir, signing: `built beforehand, in ${dir}`, signerKind: 'prebuilt', exes: ARCHS.map((arch) => ({ arch, file: path.join(dir, exeName(arch)) })) };
}

/** The environment with both names for one certificate: ours for the CLI exes, electron-builder's for the app. */
export function sharedSigningEnv(env) {
  const out = { ...env };
  const cscLink = env.WIN_CSC_LINK || env.CSC_LINK;
  if (env.APEX_SIGN_PFX && !cscLink) {
    out.CSC_LINK = env.APEX_SIGN_PFX;
    if (env.APEX_SIGN_PFX_PASSWORD != null) out.CSC_KEY_PASSWORD = env.APEX_SIGN_PFX_PASSWORD;
  } else if (cscLink && !env.APEX_SIGN_PFX && !env.APEX_SIGN_CERT && existsSync(cscLink)) {
    out.APEX_SIGN_PFX = cscLink;
    const password = env.WIN_CSC_KEY_PASSWORD ?? env.CSC_KEY_PASSWORD;
    if (password != null) out.APEX_SIGN_PFX_PASSWORD = password;
  }
  return out;
}

export function electronBuilderArgs(env) {
  const args = ['--win'];
  if (env.APEX_SIGN_TIMESTAMP_URL) args.push(`-c.win.signtoolOptions.rfc3161TimeStampServer=${env.APEX_SIGN_TIMESTAMP_URL}`);
  return args;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { 'require-signature': { type: 'boolean' }, 'cli-exes': { type: 'string' } } });
  const env = sharedSigningEnv(process.env);
  if (values['require-signature'] && !env.CSC_LINK && !env.WIN_CSC_LINK) {
    throw new Error('electron-builder signs with a PKCS#12 file: set APEX_SIGN_PFX (+ APEX_SIGN_PFX_PASSWORD) or CSC_LINK');
  }
  const cli = values['cli-exes'] ? prebuiltCliExes(path.resolve(values['cli-exes'])) : await buildCliExe({ env, requireSignature: values['require-signature'] });
  stageForElectronBuilder(cli.outDir);
  const eb = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), ...electronBuilderArgs(env)], { cwd: ROOT, env, stdio: 'inherit' });
  const release = path.join(ROOT, 'release');
  const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  const folders = eb.status === 0 ? await makeFolderApps(release, version) : [];
  const cliCopies = publishCliExes(cli.outDir, release);
  console.log(`\nCLI exes (${cli.signing}):`);
  for (const e of cliCopies) console.log(`  ${path.relative(ROOT, e)}`);
  console.log('Folder apps (for a stick, and where %TEMP% may not run programs):');
  for (const z of folders) console.log(`  ${path.relative(ROOT, z)}`);
  console.log('Electron artifacts: release/ (see the warning above if any is unsigned)');
  // Prebuilt exes had their banner (if any) where they were built.
  if (cli.signerKind !== 'prebuilt') for (const l of unsignedBanner(cli.signerKind, cli.signing)) console.error(l);
  process.exitCode = eb.status ?? 1;
}
