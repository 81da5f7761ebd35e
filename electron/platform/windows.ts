/**
 * The real PC. Each fact comes from a Windows tool started by absolute path (system-tool.ts)
 * through run-system-tool.ts (argument array, no shell, a time limit) and is read by a pure parser
 * (windows-parsers.ts) tested on recorded output and, in the Wine lane, on real tool output.
 */
import { existsSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { encodingForCodePage } from '../base/line-decoder.js';
import { isWindowsPath } from '../base/windows-path.js';
import { makeWindowsFolderPrivate } from './private-folder-windows.js';
import type { AgentRegistry, Arch, LocalPath, OsVerdict, Platform, RunningProcess, ServiceState } from './platform.js';
import { runSystemTool } from './run-system-tool.js';
import { systemToolPath, type SystemTool } from './system-tool.js';
import { killWindowsTree } from './windows-kill-tree.js';
import { askWindowsSignatures } from './windows-signatures.js';
import { archFromEnv, parseOemCodePage, parseRegQuery, parseScQuery, trimFolder } from './windows-parsers.js';

const TOOL_TIMEOUT_MS = 15_000;
const RESOLVE_TIMEOUT_MS = 5_000;

/**
 * docs/vendor-facts.md "Agent PC": the agent's key, read in the 32-bit registry view (`/reg:32`): that is
 * WOW6432Node on 64-bit Windows and the key itself on 32-bit Windows, so one query covers both
 * without spelling the reserved `WOW6432Node`.
 */
export const AGENT_KEY = 'HKLM\\SOFTWARE\\TrendMicro\\PC-cillinNTCorp\\CurrentVersion';

export class WindowsPlatform implements Platform {
  readonly kind = 'windows' as const;
  private oemCodePage: number | null = null;

  private async tool(tool: SystemTool, args: string[]): Promise<{ text: string; exitCode: number }> {
    const r = await runSystemTool(systemToolPath(tool), args, TOOL_TIMEOUT_MS);
    // Tools write the OEM code page; before it is known, Latin-1 keeps ASCII intact.
    const text = this.oemCodePage ? iconv.decode(r.bytes, encodingForCodePage(this.oemCodePage)) : r.bytes.toString('latin1');
    return { text, exitCode: r.exitCode ?? -1 };
  }

  async arch(): Promise<Arch | null> {
    return archFromEnv(process.env);
  }

  /**
   * `fltmc` succeeds only with administrator rights and, unlike `net session`, needs no Server
   * service; its exit status is locale-free. (`whoami /groups` would be too, by the SID of the High
   * Mandatory Level, S-1-16-12288, but Wine's whoami prints only the user name, so the Wine lane
   * could not run it. Wine has no fltmc: the lane installs a test-only stand-in that answers from
   * the token's elevation, see tests/windows/README.md.)
   */
  async isElevated(): Promise<boolean> {
    const r = await this.tool('fltmc', []);
    return r.exitCode === 0;
  }

  async hostname(): Promise<string> {
    return process.env.COMPUTERNAME || os.hostname();
  }

  /**
   * Windows' own resolver (getaddrinfo: hosts file, DNS, LLMNR/NetBIOS as the PC is set up), as
   * `\\server` itself would be found; a name that does not answer within the time limit is "not resolved".
   */
  async resolveHost(name: string): Promise<string[] | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), RESOLVE_TIMEOUT_MS)));
    const found = lookup(name, { all: true }).then(
      (list) => (list.length ? list.map((a) => a.address) : null),
      () => null,
    );
    try {
      return await Promise.race([found, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async codePage(): Promise<number> {
    if (this.oemCodePage) return this.oemCodePage;
    const r = await this.tool('reg', ['query', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage', '/v', 'OEMCP']);
    this.oemCodePage = parseOemCodePage(r.text) ?? 437;
    return this.oemCodePage;
  }

  async agent(): Promise<AgentRegistry | null> {
    await this.codePage(); // paths in the registry may be Japanese: decode them right
    const main = await this.tool('reg', ['query', AGENT_KEY, '/reg:32']);
    if (main.exitCode !== 0) return null; // absent key: reg exits 1, a normal answer (no agent)
    const values = parseRegQuery(main.text);
    const dir = values.get('application path')?.data;
    if (!dir) return null;
    const misc = await this.tool('reg', ['query', `${AGENT_KEY}\\Misc.`, '/reg:32']);
    const miscValues = misc.exitCode === 0 ? parseRegQuery(misc.text) : new Map();
    const build = Number.parseInt(miscValues.get('buildnum')?.data ?? '', 10);
    return {
      dir: trimFolder(dir),
      server: values.get('server')?.data || null,
      programVersion: miscValues.get('programver')?.data || null,
      build: Number.isInteger(build) ? build : null,
    };
  }

  async serviceState(name: string): Promise<ServiceState> {
    const r = await this.tool('sc', ['query', name]);
    return parseScQuery(r.text, r.exitCode);
  }

  async makePrivateFolder(dir: string): Promise<void> {
    await makeWindowsFolderPrivate(dir);
  }

  /** %ProgramData%\ApexCertFix: the working folders' parent and the repair lock, made private before use. */
  machineFolder(): string {
    return path.win32.join(process.env.ProgramData ?? 'C:\\ProgramData', 'ApexCertFix');
  }

  async startService(name: string): Promise<boolean> {
    const r = await this.tool('sc', ['start', name]);
    // 0: start pending; 1056: already running. Both leave the service running or on its way.
    return r.exitCode === 0 || r.exitCode === 1056;
  }

  toLocalPath(p: string): LocalPath {
    if (!isWindowsPath(p)) return p.trim() === '' ? { ok: false, reason: 'invalid' } : { ok: true, path: p };
    // An elevated process does not see drive letters the user mapped (docs/vendor-facts.md "Network share").
    const drive = /^([A-Za-z]):/.exec(p);
    if (drive && !existsSync(`${drive[1]}:\\`)) return { ok: false, reason: 'mapped-drive' };
    return { ok: true, path: p };
  }

  /** One PowerShell for all files, ended with its tree after 20 s (windows-signatures.ts). */
  async osSignatureStatuses(files: readonly string[], signal?: AbortSignal): Promise<OsVerdict[]> {
    return askWindowsSignatures({ exe: systemToolPath('powershell'), files, killTree: (pid) => killWindowsTree(pid), signal });
  }

  /** No environment tag can be read from another Windows process: the tree is walked by parent pids. */
  async killTree(pid: number): Promise<RunningProcess[]> {
    return killWindowsTree(pid);
  }
}
