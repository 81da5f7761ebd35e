/**
 * Builds the Wine lane once for all scenario files: the C programs (cached per content hash), the
 * Windows node.exe, a fresh prefix with its Windows world, certificates. When something the lane
 * needs is missing, scenarios skip with the reason, except in CI (CI installs it: there it fails).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPrograms } from '../../scripts/wine/build-programs.mjs';
import { createPrefix, destroyPrefix } from '../../scripts/wine/prefix.mjs';
import { createNativeWorld, destroyNativeWorld, nativeLaneRefusal } from '../../scripts/wine/native-world.mjs';
import { missingTools } from '../../scripts/wine/toolchain.mjs';
import { windowsNode } from '../../scripts/windows-node.mjs';
import { cliEntry, REPO, type LaneInfo } from './lane/lane-info.js';

export default async function setup(project: TestProject) {
  if (process.platform === 'win32') return setupNative(project);
  const started = Date.now();
  const missing = missingTools() ?? (existsSync(cliEntry()) ? null : `the built CLI is missing (${cliEntry()}): run npm run build first`);
  if (missing) {
    if (process.env.CI) throw new Error(`Wine lane: ${missing}`);
    project.provide('lane', { skip: missing });
    return;
  }
  const programs = buildPrograms();
  const nodeExe = windowsNode('win-x64');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acf-wine-'));
  const made = createPrefix(dir, programs);
  for (const [name, days] of [['server', 1095], ['old', 30]] as const) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, `${name}.key`), '-outform', 'DER', '-out', path.join(dir, `${name}.der`), '-days', String(days), '-subj', `/CN=OfficeScan Server NTSG/O=${name} (Wine lane)`], { stdio: 'ignore' });
  }
  const lane = { skip: null, kind: 'wine', dir, prefix: made.prefix, driveC: made.driveC, env: made.env, programs, nodeExe, repo: REPO, setupMs: Date.now() - started } satisfies LaneInfo;
  project.provide('lane', lane);
  process.stderr.write(`Wine lane ready in ${Math.round(lane.setupMs / 1000)} s (prefix ${made.prefix})\n`);
  return () => {
    if (process.env.APEX_LANE_KEEP) process.stderr.write(`Wine lane kept: ${dir}\n`);
    else destroyPrefix(made);
  };
}

/**
 * The same lane on Windows itself (the CI runner): no Wine, the programs and the product run
 * directly against a world made on the machine (scripts/wine/native-world.mjs; only with
 * APEX_NATIVE_LANE=1, it changes the machine). The MinGW programs come from APEX_LANE_PROGRAMS
 * (built on Linux by scripts/wine/build-programs.mjs: the CI's Linux job hands them over), or are
 * built here when MinGW gcc and osslsigncode are on PATH. node.exe is the one running the tests.
 */
async function setupNative(project: TestProject) {
  const started = Date.now();
  const programsGiven = process.env.APEX_LANE_PROGRAMS;
  const missing =
    nativeLaneRefusal() ??
    (existsSync(cliEntry()) ? null : `the built CLI is missing (${cliEntry()}): run npm run build first`) ??
    (programsGiven && !existsSync(path.join(programsGiven, 'ca', 'root.der')) ? `APEX_LANE_PROGRAMS=${programsGiven} holds no lane programs (scripts/wine/build-programs.mjs makes them)` : null);
  if (missing) {
    // CI sets APEX_NATIVE_LANE: there a lane that cannot run is a failure, not a skip.
    if (process.env.CI && process.env.APEX_NATIVE_LANE) throw new Error(`native Windows lane: ${missing}`);
    project.provide('lane', { skip: `native Windows lane: ${missing}` });
    return;
  }
  const programs = programsGiven ?? buildPrograms();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acf-native-'));
  const made = createNativeWorld(dir, programs);
  for (const [name, days] of [['server', 1095], ['old', 30]] as const) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, `${name}.key`), '-outform', 'DER', '-out', path.join(dir, `${name}.der`), '-days', String(days), '-subj', `/CN=OfficeScan Server NTSG/O=${name} (Windows lane)`], { stdio: 'ignore' });
  }
  const lane = { skip: null, kind: 'native', dir, prefix: made.prefix, driveC: made.driveC, env: made.env, programs, nodeExe: process.execPath, repo: REPO, setupMs: Date.now() - started } satisfies LaneInfo;
  project.provide('lane', lane);
  process.stderr.write(`native Windows lane ready in ${Math.round(lane.setupMs / 1000)} s (${dir})\n`);
  return () => {
    if (process.env.APEX_LANE_KEEP) process.stderr.write(`native Windows lane kept: ${dir}\n`);
    else destroyNativeWorld(made);
  };
}
