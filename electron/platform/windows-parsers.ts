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

/** The service states `sc query` prints as `N  WORD`: the number decides, the word confirms the line. */
const SERVICE_STATE_WORDS: Record<number, string> = {
  1: 'STOPPED',
  2: 'START_PENDING',
  3: 'STOP_PENDING',
  4: 'RUNNING',
  5: 'CONTINUE_PENDING',
  6: 'PAUSE_PENDING',
  7: 'PAUSED',
};

/**
 * `sc query <name>`, read without its labels: they are translated (`STATE` is `状態` in Japanese,
 * `Состояние` in Russian, `STATUS` in German), while `4  RUNNING` is not (docs/vendor-facts.md "Windows commands").
 * The state line is the one whose number and English word agree. A missing service is error 1060
 * (sc's exit status, or `[SC] ... 1060:` where the word FAILED is translated); Wine's sc.exe exits
 * 1 with no text instead. Anything else is `unknown`, never `missing`.
 */
export function parseScQuery(output: string, exitCode: number): ServiceState {
  if (exitCode === 1060 || /^\[SC\][^\r\n]*\b1060:/m.test(output)) return 'missing';
  if (exitCode === 1 && output.trim() === '') return 'missing';
  for (const line of output.split(/\r?\n/)) {
    const m = /:\s*(\d+)\s+([A-Z_]+)\s*$/.exec(line);
    if (!m || SERVICE_STATE_WORDS[Number(m[1])] !== m[2]) continue;
    return Number(m[1]) === 4 ? 'running' : 'stopped'; // pending and paused are not running
  }
  return 'unknown';
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
