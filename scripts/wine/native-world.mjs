/**
 * The Windows lane's world on a real Windows machine (the GitHub Actions windows-latest runner):
 * the same world scripts/wine/prefix.mjs builds in a Wine prefix, built on the machine itself.
 * It CHANGES THE MACHINE (HKLM keys, two services, C:\lane, the agent folder, drives S: and E:,
 * the OEM code page value), so it runs only with APEX_NATIVE_LANE=1, meant for a disposable
 * runner; destroyNativeWorld() undoes what createNativeWorld() did.
 *
 * - C: is the real C:; the lane's files are in C:\lane (bin\, runs\, the .cmd files) as in the prefix.
 * - S: (server shares) and E: (the "USB stick") are `subst` drives onto DIR\shares and DIR\usb.
 * - The agent key is written with the real reg.exe (/reg:32: WOW6432Node on 64-bit Windows), the
 *   services `tmlisten` / `ntrtscan` are real services (fake-service.exe) created with the real sc.exe.
 * - fltmc.exe is Windows' own (the runner is elevated): the test-only stand-in is never installed.
 * - The runner is English Windows (OEM code page 437); the lane's IpXfer writes CP932 as a
 *   Japanese PC's console program does, so OEMCP in HKLM is set to 932 for the run (the product
 *   reads the code page there) and restored afterwards. The console itself is not switched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_DIR, AGENT_KEY, LANE_KEY, SERVICES, agentSetupLines } from './prefix.mjs';

const LANE_ROOT = 'C:\\lane';
const DRIVES = { 'S:': 'shares', 'E:': 'usb' };
const NLS = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage';

/** Why the native lane cannot run here, or null. */
export function nativeLaneRefusal(env = process.env) {
  if (process.platform !== 'win32') return 'not Windows';
  if (env.APEX_NATIVE_LANE !== '1') return 'the native lane changes this PC (HKLM keys, services, C:\\lane, drives S: and E:): set APEX_NATIVE_LANE=1 on a disposable Windows machine (the CI runner)';
  for (const drive of Object.keys(DRIVES)) if (existsSync(`${drive}\\`)) return `drive ${drive} is already in use`;
  return null;
}

function run(file, args, o = {}) {
  const r = spawnSync(file, args, { encoding: 'latin1', windowsHide: true, timeout: 120_000, ...o });
  if (r.error) throw r.error;
  return r;
}

function must(file, args) {
  const r = run(file, args);
  if (r.status !== 0) throw new Error(`native lane: ${file} ${args.join(' ')} → exit ${r.status}: ${r.stdout}${r.stderr}`);
  return r;
}

function oemCodePage() {
  const m = /OEMCP\s+REG_SZ\s+(\d+)/.exec(run('reg', ['query', NLS, '/v', 'OEMCP']).stdout);
  return m ? m[1] : null;
}

/**
 * Builds the world; returns what the lane's LaneInfo needs (prefix: the lane folder; driveC: C:\).
 * @returns {{ dir: string, prefix: string, driveC: string, env: Record<string, string>, restore: { oemcp: string | null } }}
 */
export function createNativeWorld(dir, programs) {
  const refusal = nativeLaneRefusal();
  if (refusal) throw new Error(`native lane: ${refusal}`);
  mkdirSync(dir, { recursive: true });
  rmSync(LANE_ROOT, { recursive: true, force: true });
  mkdirSync(join(LANE_ROOT, 'bin'), { recursive: true });
  for (const [drive, folder] of Object.entries(DRIVES)) {
    mkdirSync(join(dir, folder), { recursive: true });
    must('subst', [drive, join(dir, folder)]);
  }
  for (const name of ['fake-service.exe', 'CertificateManager.exe', 'planted-tool.exe']) copyFileSync(join(programs, 'bin', name), join(LANE_ROOT, 'bin', name));
  mkdirSync(AGENT_DIR, { recursive: true });
  const restore = { oemcp: oemCodePage() };
  const lines = [
    '@echo off',
    `reg add "${NLS}" /v OEMCP /d 932 /f >nul`,
    ...agentSetupLines(`${LANE_ROOT}\\bin`),
    'exit /b 0',
    '',
  ];
  writeFileSync(join(LANE_ROOT, 'setup.cmd'), lines.join('\r\n'));
  must('cmd', ['/d', '/c', `${LANE_ROOT}\\setup.cmd`]);
  return { dir, prefix: dir, driveC: 'C:\\', env: { ...process.env }, restore };
}

/** Undoes createNativeWorld: services, keys, drives, folders, the code page value. Never throws. */
export function destroyNativeWorld(world) {
  const quiet = (file, args) => {
    try {
      run(file, args);
    } catch {
      // best effort: the runner is thrown away anyway
    }
  };
  for (const s of SERVICES) {
    quiet('sc', ['stop', s]);
    quiet('sc', ['delete', s]);
  }
  quiet('reg', ['delete', AGENT_KEY, '/f', '/reg:32']);
  quiet('reg', ['delete', LANE_KEY, '/f']);
  if (world.restore?.oemcp) quiet('reg', ['add', NLS, '/v', 'OEMCP', '/d', world.restore.oemcp, '/f']);
  for (const drive of Object.keys(DRIVES)) quiet('subst', [drive, '/d']);
  for (const d of [LANE_ROOT, AGENT_DIR, world.dir]) rmSync(d, { recursive: true, force: true, maxRetries: 5 });
}

/** Processes whose command line mentions `text` (Windows' own process list). */
export function nativeProcessesMentioning(text) {
  const out = execFileSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', 'Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId) $($_.CommandLine)" }'], { encoding: 'utf8', windowsHide: true });
  return out.split(/\r?\n/).filter((line) => line.includes(text) && !line.includes('Get-CimInstance'));
}
