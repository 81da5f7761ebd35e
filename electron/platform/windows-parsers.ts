/**
 * Pure readers of what Windows tools print, so they are tested on recorded output from Japanese
 * and English Windows (tests/fixtures/windows/) without a Windows machine.
 */
import type { Arch, ServiceState } from './platform.js';

/**
 * OS bitness from the environment. A 32-bit process on 64-bit Windows sees x86 in
 * PROCESSOR_ARCHITECTURE and the real one in PROCESSOR_ARCHITEW6432.
 */
export function archFromEnv(env: Record<string, string | undefined>): Arch | null {
  const raw = (env.PROCESSOR_ARCHITEW6432 || env.PROCESSOR_ARCHITECTURE || '').toUpperCase();
  if (raw === 'AMD64' || raw === 'X64') return 'x64';
  if (raw === 'X86') return 'x86';
  if (raw === 'ARM64') return 'arm64';
  return null;
}

export interface RegValue {
  type: string;
  /** REG_SZ / REG_EXPAND_SZ as text, REG_DWORD / REG_QWORD as a decimal string. */
  data: string;
}

/**
 * `reg query <key>` output: value lines are four spaces, name, four spaces, type, four spaces, data
 * (names may contain spaces, e.g. "Application Path"). Only the values of the queried key itself.
 */
export function parseRegQuery(output: string): Map<string, RegValue> {
  const values = new Map<string, RegValue>();
  let inFirstKey = false;
  for (const line of output.split(/\r?\n/)) {
    if (/^HKEY_/i.test(line)) {
      if (inFirstKey) break; // a subkey listing (with /s) starts: not ours
      inFirstKey = true;
      continue;
    }
    const m = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (!m) continue;
    const [, name, type, data = ''] = m;
    const text = /^REG_(DWORD|QWORD)/.test(type!) && /^0x[0-9a-f]+$/i.test(data) ? String(Number.parseInt(data, 16)) : data;
    values.set(name!.toLowerCase(), { type: type!, data: text });
  }
  return values;
}

/** `sc query <name>`: the numeric STATE (the word after it is localized on some systems). */
export function parseScQuery(output: string, exitCode: number): ServiceState {
  if (exitCode === 1060 || /\b1060\b/.test(output)) return 'missing';
  const m = /STATE\s*:\s*(\d+)/.exec(output);
  if (!m) return 'missing';
  return Number(m[1]) === 4 ? 'running' : 'stopped'; // 1 stopped, 2/3 pending, 5-7 paused
}

/** `reg query HKLM\SYSTEM\CurrentControlSet\Control\Nls\CodePage /v OEMCP`. */
export function parseOemCodePage(output: string): number | null {
  const value = parseRegQuery(output).get('oemcp');
  const n = value ? Number.parseInt(value.data, 10) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** A trailing backslash is how the agent writes `Application Path`; keep the folder only. */
export function trimFolder(p: string): string {
  return p.length > 3 ? p.replace(/\\+$/, '') : p;
}
