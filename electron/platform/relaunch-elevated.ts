/**
 * "Restart as administrator": PowerShell's Start-Process -Verb RunAs shows the UAC prompt for the
 * same program with the same arguments. A prompt the user cancels is a normal answer.
 */
import { execa } from 'execa';
import { systemToolPath } from './system-tool.js';

/** PowerShell single-quoted literal: only ' needs escaping (doubled). */
export function psQuote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export function relaunchCommand(exe: string, args: readonly string[]): string[] {
  const list = args.length ? ` -ArgumentList @(${args.map(psQuote).join(', ')})` : '';
  return ['-NoProfile', '-NonInteractive', '-Command', `Start-Process -FilePath ${psQuote(exe)}${list} -Verb RunAs`];
}

export type RelaunchResult = 'started' | 'cancelled' | 'failed';

export async function relaunchElevated(exe: string, args: readonly string[]): Promise<RelaunchResult> {
  const r = await execa(systemToolPath('powershell'), relaunchCommand(exe, args), { reject: false, windowsHide: true, timeout: 120_000 });
  if (r.exitCode === 0) return 'started';
  // 1223 = ERROR_CANCELLED; PowerShell reports the cancelled UAC prompt with "canceled by the user".
  return /1223|cancel/i.test(String(r.stderr)) ? 'cancelled' : 'failed';
}
