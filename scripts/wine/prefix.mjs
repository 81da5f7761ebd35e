#!/usr/bin/env node
/**
 * A Wine prefix holding a small Windows world for the lane, everything from source in the repo:
 * Windows 10, a Japanese locale (OEM code page 932), the agent's registry values (written with
 * `reg add ... /reg:32`, docs/vendor-facts.md "Agent PC"), the agent folder with an old OfcNTCer.dat, two real
 * services `tmlisten` / `ntrtscan` (fake-service.exe under the real service manager), the test-only
 * fltmc, icacls and PowerShell (ACL read-back) stand-ins in system32, and drives S: (server shares; Wine has no SMB, so shares are Wine
 * drive paths) and E: (a "USB stick").
 *
 *   node scripts/wine/prefix.mjs [DIR]   → builds one and prints the environment to use it
 *
 * A persistent wineserver (`wineserver -p`) keeps the services alive between Wine processes:
 * without it they stop when the last Wine process ends. It daemonizes holding its parent's pipes,
 * so it is started with stdio ignored.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { japaneseLocaleEnv } from './japanese-locale.mjs';

export const AGENT_DIR = 'C:\\Program Files (x86)\\Trend Micro\\Security Agent';
export const AGENT_KEY = 'HKLM\\SOFTWARE\\TrendMicro\\PC-cillinNTCorp\\CurrentVersion';
/** What the fake IpXfer reads (password, hang, echo): only the lane writes here. */
export const LANE_KEY = 'HKLM\\SOFTWARE\\ApexCertFixLane';
export const SERVICES = ['tmlisten', 'ntrtscan'];

/** Wine drive letter → folder under the lane directory. */
const DRIVES = { s: 'shares', e: 'usb' };

export function wineEnv(prefix, extra = {}) {
  const env = { ...process.env, ...japaneseLocaleEnv(), WINEPREFIX: prefix, WINEARCH: 'win64', WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=', ...extra };
  delete env.DISPLAY; // no windows, no dialogs
  return env;
}

/**
 * Runs a Wine command (on Windows: the command itself) to its end; returns its exit status and output. Output goes through files,
 * never pipes: the first Wine process of a server starts services.exe & co., which inherit its
 * standard handles and would hold a pipe open for as long as the prefix lives. stdin is empty
 * (/dev/null): some Windows tools wait for it to end.
 */
export function wine(env, args, o = {}) {
  const dir = mkdtempSync(join(os.tmpdir(), 'acf-wine-out-'));
  const out = openSync(join(dir, 'out'), 'w');
  const err = openSync(join(dir, 'err'), 'w');
  try {
    // The native lane (scripts/wine/native-world.mjs) runs the same commands on Windows itself.
    const [file, rest] = process.platform === 'win32' ? [args[0], args.slice(1)] : ['wine', args];
    const r = spawnSync(file, rest, { env, stdio: ['ignore', out, err], timeout: o.timeout ?? 120_000, windowsHide: true });
    if (r.error) throw r.error;
    return { status: r.status, stdout: readFileSync(join(dir, 'out')), stderr: readFileSync(join(dir, 'err')) };
  } finally {
    closeSync(out);
    closeSync(err);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A batch file run by cmd.exe: one Wine process for many setup commands. ASCII only. */
export function wineBatch(env, driveC, name, lines) {
  writeFileSync(join(driveC, 'lane', name), ['@echo off', ...lines, ''].join('\r\n'));
  const r = wine(env, ['cmd', '/c', `C:\\lane\\${name}`]);
  if (r.status !== 0) throw new Error(`${name} failed (exit ${r.status}): ${r.stdout.toString('latin1')}${r.stderr.toString('latin1')}`);
  return r;
}

/**
 * Windows always has a desktop; Wine starts its desktop process (explorer /desktop) when a program
 * first needs one (wmic does, through COM), that process inherits the program's handles, and the
 * program's caller can then wait on a pipe that never closes. So the lane starts it once, holding
 * nothing of ours, and it lives as long as the persistent server.
 */
function startDesktop(env) {
  spawn('wine', ['explorer.exe', '/desktop'], { env, stdio: 'ignore', detached: true }).unref();
}

/**
 * The batch lines that make the lane's agent: its registry values (32-bit view, as the agent
 * writes them) and its two services, run by the fake service program in `binDir`.
 */
export function agentSetupLines(binDir) {
  return [
    // `\\"`: the value ends in a backslash, as the agent writes it (docs/vendor-facts.md "Agent PC").
    `reg add "${AGENT_KEY}" /v "Application Path" /d "${AGENT_DIR}\\\\" /f /reg:32 >nul`,
    `reg add "${AGENT_KEY}" /v Server /d "apexsrv.lane.example" /f /reg:32 >nul`,
    `reg add "${AGENT_KEY}\\Misc." /v ProgramVer /d 14.0 /f /reg:32 >nul`,
    `reg add "${AGENT_KEY}\\Misc." /v BuildNum /t REG_DWORD /d 12526 /f /reg:32 >nul`,
    ...SERVICES.map((s) => `sc create ${s} binPath= "${binDir}\\fake-service.exe ${s}" start= demand`),
    ...SERVICES.map((s) => `sc start ${s}`),
  ];
}

/**
 * Builds the prefix and its world in `dir` (created when absent); returns how to reach it.
 * @returns {{ prefix: string, driveC: string, env: Record<string, string> }}
 */
export function createPrefix(dir, programs) {
  mkdirSync(dir, { recursive: true });
  const prefix = join(dir, 'prefix');
  const env = wineEnv(prefix);
  execFileSync('wineboot', ['-i'], { env, stdio: 'ignore', timeout: 300_000 });
  // wineboot's own server first ends (a persistent one started before wineboot came up with a
  // second services.exe and a locked service database, error 1055); then the persistent one.
  execFileSync('wineserver', ['-w'], { env, stdio: 'ignore', timeout: 120_000 });
  spawn('wineserver', ['-p'], { env, stdio: 'ignore', detached: true }).unref();
  const driveC = join(prefix, 'drive_c');
  for (const [letter, folder] of Object.entries(DRIVES)) {
    mkdirSync(join(dir, folder), { recursive: true });
    rmSync(join(prefix, 'dosdevices', `${letter}:`), { force: true });
    symlinkSync(join(dir, folder), join(prefix, 'dosdevices', `${letter}:`));
  }
  mkdirSync(join(driveC, 'lane', 'bin'), { recursive: true });
  for (const name of ['fake-service.exe', 'CertificateManager.exe', 'planted-tool.exe']) copyFileSync(join(programs, 'bin', name), join(driveC, 'lane', 'bin', name));
  // TEST-ONLY: Wine has no fltmc.exe (see tests/windows/README.md, "Elevation").
  copyFileSync(join(programs, 'bin', 'fltmc.exe'), join(driveC, 'windows', 'system32', 'fltmc.exe'));
  // TEST-ONLY: Wine's PowerShell is a stub and Wine keeps no file ACLs; the stand-in answers the
  // product's ACL read-back (see tests/windows/README.md, "ACLs").
  mkdirSync(join(driveC, 'windows', 'system32', 'WindowsPowerShell', 'v1.0'), { recursive: true });
  copyFileSync(join(programs, 'bin', 'powershell.exe'), join(driveC, 'windows', 'system32', 'WindowsPowerShell', 'v1.0', 'powershell.exe'));
  // TEST-ONLY: Wine's icacls writes no `/save` file; the stand-in answers the read-back used when
  // PowerShell gives no SDDL (see tests/windows/README.md, "ACLs").
  copyFileSync(join(programs, 'bin', 'icacls.exe'), join(driveC, 'windows', 'system32', 'icacls.exe'));
  mkdirSync(join(driveC, ...AGENT_DIR.slice(3).split('\\')), { recursive: true });
  wineBatch(env, driveC, 'setup.cmd', [
    'reg add "HKCU\\Software\\Wine" /v Version /d win10 /f >nul',
    // No display here: the null graphics driver lets Wine's desktop process run headless.
    'reg add "HKCU\\Software\\Wine\\Drivers" /v Graphics /d null /f >nul',
    // Wine runs its own builtin icacls even over a file in system32: the lane's stand-in must win.
    'reg add "HKCU\\Software\\Wine\\DllOverrides" /v icacls.exe /d native /f >nul',
    ...agentSetupLines('C:\\lane\\bin'),
  ]);
  return { dir, prefix, driveC, env };
}

export function destroyPrefix(lane) {
  try {
    execFileSync('wineserver', ['-k'], { env: lane.env, stdio: 'ignore', timeout: 30_000 });
  } catch {
    // already gone
  }
  rmSync(lane.dir, { recursive: true, force: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { buildPrograms } = await import('./build-programs.mjs');
  const dir = process.argv[2] ? resolve(process.argv[2]) : mkdtempSync(join(os.tmpdir(), 'acf-wine-'));
  const lane = createPrefix(dir, buildPrograms());
  const keys = ['WINEPREFIX', 'WINEARCH', 'WINEDEBUG', 'WINEDLLOVERRIDES', 'LANG', 'LC_ALL', 'LOCPATH'];
  for (const k of keys) if (lane.env[k]) console.log(`export ${k}='${lane.env[k]}'`);
  console.log(`# stop it with: WINEPREFIX='${lane.prefix}' wineserver -k && rm -rf '${dir}'`);
}
