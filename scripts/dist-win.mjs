#!/usr/bin/env node
/**
 * `npm run dist:win`: every Windows artifact, signed from the environment, loud when not.
 *   1. the CLI exes (build:cli-exe) into dist/win/
 *   2. each one staged under electron-builder's arch name (x64, ia32) for the app's `extraFiles`
 *   3. electron-builder --win: per-arch portable exe and installer in release/ (needs Electron and
 *      the NSIS tools from the internet: not possible on the build machines here)
 * One certificate signs everything: APEX_SIGN_PFX (+ APEX_SIGN_PFX_PASSWORD) is handed to
 * electron-builder as CSC_LINK / CSC_KEY_PASSWORD, and a CSC_LINK file signs the CLI exes too.
 * APEX_SIGN_TIMESTAMP_URL becomes win.signtoolOptions.rfc3161TimeStampServer.
 *
 *   --require-signature   fail instead of building unsigned or untimestamped artifacts (release pipelines)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ARCHS, buildCliExe, exeName, ROOT, unsignedBanner } from './build-cli-exe.mjs';

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
  const { values } = parseArgs({ options: { 'require-signature': { type: 'boolean' } } });
  const env = sharedSigningEnv(process.env);
  if (values['require-signature'] && !env.CSC_LINK && !env.WIN_CSC_LINK) {
    throw new Error('electron-builder signs with a PKCS#12 file: set APEX_SIGN_PFX (+ APEX_SIGN_PFX_PASSWORD) or CSC_LINK');
  }
  const cli = await buildCliExe({ env, requireSignature: values['require-signature'] });
  stageForElectronBuilder(cli.outDir);
  const eb = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'electron-builder'), electronBuilderArgs(env), { cwd: ROOT, env, stdio: 'inherit' });
  console.log(`\nCLI exes (${cli.signing}):`);
  for (const e of cli.exes) console.log(`  ${path.relative(ROOT, e.file)}`);
  console.log('Electron artifacts: release/ (see the warning above if any is unsigned)');
  for (const l of unsignedBanner(cli.signerKind, cli.signing)) console.error(l);
  process.exitCode = eb.status ?? 1;
}
