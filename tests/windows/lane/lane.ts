/**
 * The Windows world a scenario acts on, inside the lane's prefix: the agent (its certificate, the
 * fake IpXfer's settings, the two services), server shares on drive S:, and what is running.
 * Scenarios run one after another (one prefix), each starting from resetAgent().
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { AGENT_DIR, SERVICES, wine, wineBatch } from '../../../scripts/wine/prefix.mjs';
import { nativeProcessesMentioning } from '../../../scripts/wine/native-world.mjs';
import type { LaneInfo } from './lane-info.js';
import { toLinux } from './wine-paths.js';

export type Lane = Exclude<LaneInfo, { skip: string }>;

/** The lane, or why it is skipped (describe.skipIf(skipReason) with the reason in the title). */
export function lane(): Lane {
  const l = inject('lane');
  if (l.skip !== null) throw new Error(`Wine lane skipped: ${l.skip}`);
  return l;
}
export const skipReason = (): string | null => inject('lane').skip;

export const certificate = (l: Lane, which: 'server' | 'old') => readFileSync(path.join(l.dir, `${which}.der`));
export const agentCertificatePath = (l: Lane) => toLinux(l, `${AGENT_DIR}\\OfcNTCer.dat`);

export interface AgentSetup {
  /** The agent's unload password the fake IpXfer checks; null: none set. */
  password?: string | null;
  /** IpXfer stops the services, starts a helper, and never finishes. */
  hang?: boolean;
  /** IpXfer prints the arguments it got (the product must mask the password). */
  echoArgs?: boolean;
  /** What the agent holds before the run. */
  holds?: 'old' | 'server';
}

/** .reg files are UTF-16LE: the password may be Japanese. */
function regFile(o: AgentSetup): Buffer {
  const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = ['Windows Registry Editor Version 5.00', '', '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\ApexCertFixLane]', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\ApexCertFixLane]'];
  if (o.password) lines.push(`"UnloadPassword"=${quote(o.password)}`);
  lines.push(`"Hang"=dword:${o.hang ? '00000001' : '00000000'}`, `"EchoArgs"=dword:${o.echoArgs ? '00000001' : '00000000'}`, '');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]);
}

/** Puts the agent back: its certificate, the fake IpXfer's settings, both services running. */
export function resetAgent(l: Lane, o: AgentSetup = {}): void {
  writeFileSync(agentCertificatePath(l), certificate(l, o.holds ?? 'old'));
  writeFileSync(path.join(l.driveC, 'lane', 'agent.reg'), regFile(o));
  wineBatch(l.env, l.driveC, 'reset.cmd', ['reg import C:\\lane\\agent.reg >nul 2>&1', ...SERVICES.map((s) => `sc start ${s} >nul 2>&1`), 'exit /b 0']);
  for (const s of SERVICES) startedService(l, s);
}

/**
 * Waits until `name` runs, starting it again while it is stopped: `sc start` returns while a
 * service is still pending, and a service the previous scenario's IpXfer stopped may still be
 * stopping (a loaded CI machine showed "did not start" for a service on its way up).
 */
function startedService(l: Lane, name: string): void {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = serviceState(l, name);
    if (state === 4) return;
    if (Date.now() > deadline) throw new Error(`lane: service ${name} did not start (state ${state ?? 'unknown'} after 20 s)`);
    if (state === 1) wine(l.env, ['sc', 'start', name]);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
}

/** The state number `sc query` prints (4 running, 1 stopped), read from Wine's sc.exe. */
export function serviceState(l: Lane, name: string): number | null {
  const r = wine(l.env, ['sc', 'query', name]);
  const m = /STATE\s*:\s*(\d+)/.exec(r.stdout.toString('latin1'));
  return m ? Number(m[1]) : null;
}

export interface ShareOptions {
  /** datfhs: imports DatFHS, FileVersion 14.0.0.12526; plain: no DLL, 14.0.0.8378; unsigned: datfhs unsigned. */
  ipxfer: 'datfhs' | 'plain' | 'unsigned';
  dll?: boolean;
  /** Also the 32-bit IpXfer.exe (and DatFHS.dll with dll): a kit carries both. */
  x86?: boolean;
  certificateManager?: boolean;
}

/** A server's PCCSRV on drive S: laid out as KB 1102855 says; returns its Wine path. */
export function makeShare(l: Lane, name: string, o: ShareOptions): string {
  const pccsrv = path.join(l.dir, 'shares', name, 'PCCSRV');
  rmSync(path.join(l.dir, 'shares', name), { recursive: true, force: true });
  const ipxferDir = path.join(pccsrv, 'Admin', 'Utility', 'IpXfer');
  mkdirSync(path.join(pccsrv, 'Pccnt', 'Common'), { recursive: true });
  mkdirSync(ipxferDir, { recursive: true });
  writeFileSync(path.join(pccsrv, 'Pccnt', 'Common', 'OfcNTCer.dat'), certificate(l, 'server'));
  const from = { datfhs: 'x64', plain: 'x64-plain', unsigned: 'unsigned' }[o.ipxfer];
  // The KB spells it Ipxfer_x64.exe: the product matches names in any case.
  copyFileSync(path.join(l.programs, from, 'IpXfer_x64.exe'), path.join(ipxferDir, 'Ipxfer_x64.exe'));
  if (o.dll) copyFileSync(path.join(l.programs, 'x64', 'DatFHS_x64.dll'), path.join(ipxferDir, 'DatFHS_x64.dll'));
  if (o.x86) {
    copyFileSync(path.join(l.programs, 'x86', 'IpXfer.exe'), path.join(ipxferDir, 'IpXfer.exe'));
    if (o.dll) copyFileSync(path.join(l.programs, 'x86', 'DatFHS.dll'), path.join(ipxferDir, 'DatFHS.dll'));
  }
  if (o.certificateManager) {
    const dir = path.join(pccsrv, 'Admin', 'Utility', 'CertificateManager');
    mkdirSync(dir, { recursive: true });
    copyFileSync(path.join(l.driveC, 'lane', 'bin', 'CertificateManager.exe'), path.join(dir, 'CertificateManager.exe'));
  }
  return `S:\\${name}\\PCCSRV`;
}

/**
 * `\\<server>\ofcscan` for a share made by makeShare: Wine maps a UNC path to the prefix's
 * dosdevices/unc/<server>/<share> (a folder, not SMB), so the wizard's suggestion (the share of the
 * server the agent reports to) can be read. Wine only (README, "SMB").
 */
export function uncShare(l: Lane, shareName: string, server = 'apexsrv.lane.example'): string {
  const dir = path.join(l.prefix, 'dosdevices', 'unc', server);
  mkdirSync(dir, { recursive: true });
  rmSync(path.join(dir, 'ofcscan'), { force: true });
  symlinkSync(path.join(l.dir, 'shares', shareName, 'PCCSRV'), path.join(dir, 'ofcscan'));
  return `\\\\${server}\\ofcscan`;
}

/** A fresh folder on C: for one run's working folders and reports: [Wine path, Linux path]. */
export function runFolder(l: Lane, name: string): { win: string; linux: string } {
  const linux = path.join(l.driveC, 'lane', 'runs', name);
  rmSync(linux, { recursive: true, force: true });
  mkdirSync(linux, { recursive: true });
  return { win: `C:\\lane\\runs\\${name}`, linux };
}

/** Processes of this prefix whose command line mentions `text` (Wine shows Windows command lines). */
export function processesMentioning(l: Lane, text: string): string[] {
  if (l.kind === 'native') return nativeProcessesMentioning(text);
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps.split('\n').filter((line) => {
    if (!line.includes(text)) return false;
    try {
      return readFileSync(`/proc/${line.trim().split(' ')[0]}/environ`, 'latin1').split('\0').includes(`WINEPREFIX=${l.prefix}`);
    } catch {
      return false; // ended meanwhile
    }
  });
}
