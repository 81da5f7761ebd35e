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
import { missingTools } from '../../scripts/wine/toolchain.mjs';
import { windowsNode } from '../../scripts/windows-node.mjs';
import { cliEntry, REPO, type LaneInfo } from './lane/lane-info.js';

export default async function setup(project: TestProject) {
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
  const lane = { skip: null, dir, prefix: made.prefix, driveC: made.driveC, env: made.env, programs, nodeExe, repo: REPO, setupMs: Date.now() - started } satisfies LaneInfo;
  project.provide('lane', lane);
  process.stderr.write(`Wine lane ready in ${Math.round(lane.setupMs / 1000)} s (prefix ${made.prefix})\n`);
  return () => {
    if (process.env.APEX_LANE_KEEP) process.stderr.write(`Wine lane kept: ${dir}\n`);
    else destroyPrefix(made);
  };
}
