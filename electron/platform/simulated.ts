/**
 * The simulated PC: a JSON profile stands in for the registry, services and network shares.
 * Used by the training mode and every test; never chosen on its own (only `--simulate` / demo).
 */
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AgentRegistry, Arch, LocalPath, Platform, RunningProcess, ServiceState } from './platform.js';
import { killProcessGroup } from './kill-process-group.js';
import { makePosixFolderPrivate } from '../base/private-folder.js';
import { splitWindowsPath } from '../base/windows-path.js';

export interface SimulatedProfile {
  arch: Arch | 'unsupported';
  elevated: boolean;
  hostname: string;
  codePage: number;
  agent: AgentRegistry | null;
  services: Record<string, ServiceState>;
  /** UNC roots (`\\server\share`) or drive roots (`C:\`) → local folders (relative to the profile). */
  shares: Record<string, string>;
  /** Host names the simulated network resolves (lower case) → their addresses; any other name does not resolve. */
  hosts: Record<string, string[]>;
  /**
   * A JSON file of service states (`{ "ntrtscan": "stopped" }`) over `services`, read at each look:
   * the training IpXfer stand-in writes it when it stops and starts the agent's services.
   */
  servicesFile?: string | null;
}

export class ProfileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

const ARCHES = new Set(['x86', 'x64', 'arm64', 'unsupported']);
const STATES = new Set(['running', 'stopped', 'missing']);

/** Checks a parsed profile field by field so a typo names the field instead of failing later. */
export function parseProfile(raw: unknown, file: string, baseDir: string): SimulatedProfile {
  const fail = (problem: string): never => {
    throw new ProfileError(file, problem);
  };
  if (typeof raw !== 'object' || raw === null) fail('the profile must be a JSON object');
  const p = raw as Record<string, unknown>;
  if (typeof p.arch !== 'string' || !ARCHES.has(p.arch)) fail('"arch" must be "x86", "x64", "arm64" or "unsupported"');
  if (typeof p.elevated !== 'boolean') fail('"elevated" must be true or false');
  const hostname = p.hostname ?? 'SIMULATED-PC';
  if (typeof hostname !== 'string' || hostname === '') fail('"hostname" must be a non-empty string');
  const codePage = p.codePage ?? 932;
  if (typeof codePage !== 'number' || !Number.isInteger(codePage)) fail('"codePage" must be a number such as 932');
  let agent: AgentRegistry | null = null;
  if (p.agent !== null && p.agent !== undefined) {
    const a = p.agent as Record<string, unknown>;
    if (typeof a.dir !== 'string' || a.dir === '') fail('"agent.dir" must be the agent folder');
    const build = a.build ?? null;
    if (build !== null && (typeof build !== 'number' || !Number.isInteger(build))) fail('"agent.build" must be a whole number or null');
    agent = {
      dir: a.dir as string,
      server: typeof a.server === 'string' ? a.server : null,
      programVersion: typeof a.programVersion === 'string' ? a.programVersion : null,
      build: build as number | null,
    };
  }
  const services: Record<string, ServiceState> = {};
  for (const [name, state] of Object.entries((p.services ?? {}) as Record<string, unknown>)) {
    if (typeof state !== 'string' || !STATES.has(state)) fail(`"services.${name}" must be "running", "stopped" or "missing"`);
    services[name.toLowerCase()] = state as ServiceState;
  }
  const shares: Record<string, string> = {};
  for (const [root, folder] of Object.entries((p.shares ?? {}) as Record<string, unknown>)) {
    if (typeof folder !== 'string') fail(`"shares" entry "${root}" must name a local folder`);
    shares[root] = path.resolve(baseDir, folder as string);
  }
  const hosts: Record<string, string[]> = {};
  for (const [name, list] of Object.entries((p.hosts ?? {}) as Record<string, unknown>)) {
    if (!Array.isArray(list) || !list.every((a) => typeof a === 'string' && isIP(a) !== 0)) fail(`"hosts.${name}" must be a list of IP addresses`);
    hosts[name.toLowerCase()] = (list as string[]).map((a) => a.toLowerCase());
  }
  if (p.servicesFile !== undefined && p.servicesFile !== null && typeof p.servicesFile !== 'string') fail('"servicesFile" must name a JSON file');
  const servicesFile = typeof p.servicesFile === 'string' ? path.resolve(baseDir, p.servicesFile) : null;
  return { arch: p.arch as SimulatedProfile['arch'], elevated: p.elevated as boolean, hostname: hostname as string, codePage: codePage as number, agent, services, shares, hosts, servicesFile };
}

export function loadProfile(file: string): SimulatedProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ProfileError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ProfileError(file, `is not valid JSON (${(e as Error).message})`);
  }
  return parseProfile(raw, file, path.dirname(path.resolve(file)));
}

/**
 * The training stand-ins (fake IpXfer, CertificateManager) are Node scripts saved under the
 * programs' names with a `#!<node>` line: POSIX starts them through that line, Windows cannot (a
 * text file is no program), so on Windows the interpreter the line names is started with the script
 * as its first argument. Only the simulation does this: the real platform never looks inside a file.
 */
export function scriptCommand(file: string, args: string[], platform: NodeJS.Platform = process.platform): { file: string; args: string[] } {
  if (platform !== 'win32') return { file, args };
  let head = '';
  try {
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(1024);
      head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return { file, args }; // unreadable: starting it says why
  }
  if (!head.startsWith('#!')) return { file, args };
  const interpreter = head.slice(2).split(/\r?\n/)[0]!.trim();
  return interpreter ? { file: interpreter, args: [file, ...args] } : { file, args };
}

export class SimulatedPlatform implements Platform {
  readonly kind = 'simulated' as const;
  /** Longest root first, so `\\srv\c$\x` wins over `\\srv\c$`. */
  private readonly roots: { parts: string[]; folder: string }[];

  constructor(readonly profile: SimulatedProfile) {
    this.roots = Object.entries(profile.shares)
      .map(([root, folder]) => ({ parts: splitWindowsPath(root).map((s) => s.toLowerCase()), folder }))
      .sort((a, b) => b.parts.length - a.parts.length);
  }

  static fromFile(file: string): SimulatedPlatform {
    return new SimulatedPlatform(loadProfile(file));
  }

  async arch(): Promise<Arch | null> {
    return this.profile.arch === 'unsupported' ? null : this.profile.arch;
  }
  async isElevated(): Promise<boolean> {
    return this.profile.elevated;
  }
  async hostname(): Promise<string> {
    return this.profile.hostname;
  }
  async codePage(): Promise<number> {
    return this.profile.codePage;
  }
  async agent(): Promise<AgentRegistry | null> {
    return this.profile.agent;
  }
  /** Only the profile's `hosts` resolve: tests and training are deterministic, offline. */
  async resolveHost(name: string): Promise<string[] | null> {
    return this.profile.hosts[name.toLowerCase().replace(/\.$/, '')] ?? null;
  }
  async serviceState(name: string): Promise<ServiceState> {
    const key = name.toLowerCase();
    const live = this.liveServices()[key];
    if (live && STATES.has(live) && key in this.profile.services) return live as ServiceState;
    return this.profile.services[key] ?? 'missing';
  }

  /** The states the training IpXfer stand-in wrote (none: the profile's). */
  private liveServices(): Record<string, string> {
    if (!this.profile.servicesFile) return {};
    try {
      return JSON.parse(readFileSync(this.profile.servicesFile, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  /** The training PC's services live in memory: IpXfer stand-ins cannot stop them, Start starts them. */
  async startService(name: string): Promise<boolean> {
    if (this.profile.services[name.toLowerCase()] === 'missing' || !(name.toLowerCase() in this.profile.services)) return false;
    this.profile.services[name.toLowerCase()] = 'running';
    if (this.profile.servicesFile) writeFileSync(this.profile.servicesFile, JSON.stringify({ ...this.liveServices(), [name.toLowerCase()]: 'running' }));
    return true;
  }

  async makePrivateFolder(dir: string): Promise<void> {
    await makePosixFolderPrivate(dir);
  }

  /** The simulated PC's C:\ProgramData\ApexCertFix where the profile maps C:\, else one folder per simulated host name. */
  machineFolder(): string {
    const windowsPath = 'C:\\ProgramData\\ApexCertFix';
    const mapped = this.toLocalPath(windowsPath);
    // Unmapped, Windows would hand back the real PC's folder: the simulation never uses that.
    if (mapped.ok && mapped.path !== windowsPath) return mapped.path;
    return path.join(os.tmpdir(), `apex-cert-fix-pc-${this.profile.hostname.replace(/[^A-Za-z0-9._-]/g, '_')}`);
  }

  toLocalPath(input: string): LocalPath {
    const parts = splitWindowsPath(input);
    if (parts.length === 0) {
      // Not a Windows path: a folder of this machine (absolute or relative to the working directory).
      return input.trim() === '' ? { ok: false, reason: 'invalid' } : { ok: true, path: path.resolve(input) };
    }
    const lower = parts.map((s) => s.toLowerCase());
    for (const root of this.roots) {
      if (root.parts.every((part, i) => lower[i] === part)) {
        return { ok: true, path: path.join(root.folder, ...parts.slice(root.parts.length)) };
      }
    }
    if (process.platform === 'win32') return { ok: true, path: input };
    return { ok: false, reason: 'unreachable' };
  }

  programCommand(file: string, args: string[]): { file: string; args: string[] } {
    return scriptCommand(file, args);
  }

  async killTree(pid: number, tag?: string | null): Promise<RunningProcess[] | void> {
    return killProcessGroup(pid, tag);
  }
}
