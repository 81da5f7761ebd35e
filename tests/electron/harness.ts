/**
 * Starting the real Electron app for tests/electron (the unpackaged app: Electron's binary on
 * dist/electron/hosts/electron/main.js) and tests/electron-packaged (the shipped folder app, in
 * CI). Each launch gets its own "stick" folder as PORTABLE_EXECUTABLE_DIR, so its data, its
 * single-instance lock and its settings are its own (tests run in parallel).
 */
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from '../../scripts/electron-binary.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MAIN_JS = path.join(ROOT, 'dist', 'electron', 'hosts', 'electron', 'main.js');

export const SKIP_REASON = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): the app cannot start here';

/** Electron's binary, or null (skip); with APEX_REQUIRE_ELECTRON set (the Windows CI job) a missing binary is an error. */
export function requiredBinary(): string | null {
  const binary = electronBinary();
  if (!binary && process.env.APEX_REQUIRE_ELECTRON) {
    throw new Error('APEX_REQUIRE_ELECTRON is set but node_modules/electron has no binary: install it without ELECTRON_SKIP_BINARY_DOWNLOAD');
  }
  if (!binary) console.log(`[electron tests] skipped: ${SKIP_REASON}`);
  return binary;
}

/** A temporary folder removed by the returned function. */
export function tempFolder(name: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `acf-${name}-`));
  // Retries: on Windows a file the app just closed can stay locked for a moment (antivirus, indexer).
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10 }) };
}

export interface LaunchOptions {
  /** The Electron binary (unpackaged app) or the folder app's ApexCertFix.exe (packaged). */
  executable: string;
  packaged?: boolean;
  profile: string;
  lang?: 'en' | 'ja';
  /** Extra environment (PORTABLE_EXECUTABLE_DIR, ProgramData). */
  env?: Record<string, string>;
}

export function launchApp(o: LaunchOptions): Promise<ElectronApplication> {
  const args = [...(o.packaged ? [] : [MAIN_JS]), '--simulate', o.profile, '--lang', o.lang ?? 'en'];
  const env = { ...process.env, ...o.env } as Record<string, string>;
  // Electron's own test switch would run the app as plain Node: never inherited.
  delete env.ELECTRON_RUN_AS_NODE;
  return electron.launch({ executablePath: o.executable, args, env, timeout: 60_000 });
}

/** The command that starts the same app again (the second instance), for child_process. */
export function secondInstanceCommand(o: LaunchOptions): { file: string; args: string[] } {
  return { file: o.executable, args: [...(o.packaged ? [] : [MAIN_JS]), '--simulate', o.profile, '--lang', o.lang ?? 'en'] };
}
