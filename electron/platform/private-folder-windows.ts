/**
 * Windows side of "a folder only administrators can write": icacls removes inherited entries (a
 * user's %TEMP% or a permissive ProgramData subfolder) and grants full control to SYSTEM and the
 * Administrators group only. SIDs, not names: group names are translated on Japanese Windows.
 */
import { execa } from 'execa';
import { systemToolPath } from './system-tool.js';

export const PRIVATE_FOLDER_GRANTS = ['*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F'] as const;

export function icaclsArgs(dir: string): string[] {
  return [dir, '/inheritance:r', '/grant:r', ...PRIVATE_FOLDER_GRANTS, '/q'];
}

export async function makeWindowsFolderPrivate(dir: string): Promise<void> {
  const r = await execa(systemToolPath('icacls'), icaclsArgs(dir), { reject: false, windowsHide: true, stdin: 'ignore', timeout: 15_000 });
  if (r.exitCode !== 0) {
    const e = new Error(`icacls exit ${r.exitCode}`) as NodeJS.ErrnoException;
    e.code = `icacls-${r.exitCode ?? 'failed'}`;
    throw e;
  }
}
