#!/usr/bin/env node
/**
 * CI (the Windows job): puts the shipped folder app where a helpdesk person would, so that
 * tests/electron-packaged/ can drive it.
 *
 *   node scripts/ci/prepare-folder-app.mjs ZIP [DEST]   → prints the path of ApexCertFix.exe
 *
 * 1. extracts ZIP (release/ApexCertFix-<v>-folder-x64.zip) into DEST with Windows' own extractor
 *    (PowerShell Expand-Archive; `unzip` elsewhere). DEST defaults to a folder with spaces and
 *    Japanese in its name under RUNNER_TEMP (or the temp folder), made here so that the name never
 *    passes through a shell's code page;
 * 2. turns ON ONE fuse, EnableNodeCliInspectArguments, in that copy: Playwright's _electron drives
 *    an app through --inspect, which the shipped build turns off (electron-builder.yml). Nothing
 *    else of the shipped folder changes (the `portable` marker, the asar, the other fuses).
 * The copy is a test object only: flipping a fuse breaks its signature, so it is never shipped.
 * 3. in GitHub Actions (GITHUB_ENV set) writes APEX_ELECTRON_APP=<exe> for the next steps (UTF-8).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** Spaces and Japanese, as a helpdesk stick's folder may well be named. */
export const DEFAULT_FOLDER_NAME = 'ヘルプデスク USB スティック';

const require = createRequire(import.meta.url);
// @electron/fuses comes with electron-builder (app-builder-lib), which flips the shipped fuses with it.
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

const [zipArg, destArg] = process.argv.slice(2);
const zip = zipArg ? path.resolve(zipArg) : '';
const dest = destArg ? path.resolve(destArg) : path.join(process.env.RUNNER_TEMP || os.tmpdir(), DEFAULT_FOLDER_NAME);
if (!zip || !existsSync(zip)) {
  console.error('usage: node scripts/ci/prepare-folder-app.mjs ZIP [DEST]');
  process.exit(2);
}
mkdirSync(dest, { recursive: true });
if (process.platform === 'win32') {
  const literal = (s) => `'${s.replace(/'/g, "''")}'`;
  execFileSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', `Expand-Archive -LiteralPath ${literal(zip)} -DestinationPath ${literal(dest)} -Force`], { stdio: 'inherit' });
} else {
  execFileSync('unzip', ['-q', '-o', zip, '-d', dest], { stdio: 'inherit', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
}
const tops = readdirSync(dest).filter((name) => existsSync(path.join(dest, name, 'ApexCertFix.exe')));
if (tops.length !== 1) throw new Error(`expected one folder with ApexCertFix.exe in ${dest}, found ${tops.length}`);
const exe = path.join(dest, tops[0], 'ApexCertFix.exe');
if (!existsSync(path.join(dest, tops[0], 'portable'))) throw new Error(`the folder app has no portable marker: ${path.dirname(exe)}`);
await flipFuses(exe, { version: FuseVersion.V1, [FuseV1Options.EnableNodeCliInspectArguments]: true });
if (process.env.GITHUB_ENV) appendFileSync(process.env.GITHUB_ENV, `APEX_ELECTRON_APP=${exe}\n`, 'utf8');
console.log(exe);
