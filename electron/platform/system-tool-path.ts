/**
 * Windows tools by absolute path: a bare name is looked up in the current folder first (and as
 * .bat/.cmd), which inside an elevated app started from a user's folder runs whatever sits there
 * (FACTS "Windows commands"). A 32-bit process on 64-bit Windows reaches the 64-bit tools through
 * Sysnative (System32 is redirected to SysWOW64 for it).
 */
import path from 'node:path';

const TOOL_PATHS: Record<string, string[]> = {
  powershell: ['WindowsPowerShell', 'v1.0', 'powershell.exe'],
};

/** %SystemRoot%, taken only when it is an absolute drive path. */
export function systemRoot(env: NodeJS.ProcessEnv = process.env): string {
  for (const value of [env.SystemRoot, env.SYSTEMROOT, env.windir, env.WINDIR]) {
    if (value && /^[A-Za-z]:\\[^"<>|?*]*$/.test(value)) return value.replace(/\\+$/, '');
  }
  return 'C:\\Windows';
}

export function systemToolPath(tool: string, env: NodeJS.ProcessEnv = process.env): string {
  const wow64 = env.PROCESSOR_ARCHITEW6432 !== undefined && env.PROCESSOR_ARCHITEW6432 !== '';
  const folder = wow64 ? 'Sysnative' : 'System32';
  const rel = TOOL_PATHS[tool] ?? [`${tool}.exe`];
  return path.win32.join(systemRoot(env), folder, ...rel);
}
