/**
 * Where Windows' own tools are, as absolute paths. A bare name (`reg`) is looked up in the current
 * folder first and also as `reg.bat` / `reg.cmd` (docs/vendor-facts.md "Windows commands"): in an elevated app
 * whose portable copy runs from the user's %TEMP%, that would run whatever a user dropped there.
 * So every tool is `%SystemRoot%\System32\<tool>.exe`, and from a 32-bit process on 64-bit
 * Windows `%SystemRoot%\Sysnative\...`: System32 is redirected to the 32-bit SysWOW64 there, which
 * lacks some tools (fltmc) and sees the 32-bit world; Sysnative reaches the native ones.
 */
import path from 'node:path';

export const SYSTEM_TOOLS = {
  reg: 'reg.exe',
  sc: 'sc.exe',
  fltmc: 'fltmc.exe',
  taskkill: 'taskkill.exe',
  whoami: 'whoami.exe',
  icacls: 'icacls.exe',
  powershell: 'WindowsPowerShell\\v1.0\\powershell.exe',
  wmic: 'wbem\\WMIC.exe',
} as const;

export type SystemTool = keyof typeof SYSTEM_TOOLS;

const DEFAULT_ROOT = 'C:\\Windows';

/**
 * The Windows folder from the environment Windows gives every process (SystemRoot, else windir),
 * accepted only as an absolute local drive path (`C:\Windows`): no UNC, no relative part, no `..`,
 * no characters Windows forbids in names. Anything else falls back to C:\Windows.
 */
export function systemRoot(env: Record<string, string | undefined> = process.env): string {
  for (const value of [env.SystemRoot ?? env.SYSTEMROOT, env.windir ?? env.WINDIR]) {
    if (value && isPlainDrivePath(value)) return value.replace(/\\+$/, '');
  }
  return DEFAULT_ROOT;
}

function isPlainDrivePath(p: string): boolean {
  if (!/^[A-Za-z]:\\[^<>:"/|?*\u0000-\u001f]+$/.test(p)) return false;
  return p.split('\\').every((part, i) => i === 0 || (part !== '..' && part !== '.'));
}

/**
 * A 32-bit process on 64-bit Windows (WOW64): Windows sets PROCESSOR_ARCHITEW6432 in such a
 * process. A 64-bit process has no Sysnative folder, so its own bitness is checked too.
 */
export function isWow64(env: Record<string, string | undefined> = process.env, processArch: string = process.arch): boolean {
  return processArch === 'ia32' && Boolean(env.PROCESSOR_ARCHITEW6432);
}

/** The absolute path of a Windows tool for this process. */
export function systemToolPath(tool: SystemTool, env: Record<string, string | undefined> = process.env, processArch: string = process.arch): string {
  return path.win32.join(systemRoot(env), isWow64(env, processArch) ? 'Sysnative' : 'System32', SYSTEM_TOOLS[tool]);
}
