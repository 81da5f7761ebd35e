import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { archFromEnv, parseOemCodePage, parseRegQuery, parseScQuery, trimFolder } from '../../electron/platform/windows-parsers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** A recording decoded as the platform decodes it: in the PC's OEM code page. */
const recording = (name: string, codePage = name.includes('-ja') ? 932 : 437) =>
  iconv.decode(readFileSync(path.join(here, '../fixtures/windows', name)), `cp${codePage}`);

describe('OS bitness', () => {
  it('x64, also from a 32-bit process (PROCESSOR_ARCHITEW6432)', () => {
    expect(archFromEnv({ PROCESSOR_ARCHITECTURE: 'AMD64' })).toBe('x64');
    expect(archFromEnv({ PROCESSOR_ARCHITECTURE: 'x86', PROCESSOR_ARCHITEW6432: 'AMD64' })).toBe('x64');
  });
  it('x86 on 32-bit Windows, ARM64 recognised, anything else unsupported', () => {
    expect(archFromEnv({ PROCESSOR_ARCHITECTURE: 'x86' })).toBe('x86');
    expect(archFromEnv({ PROCESSOR_ARCHITECTURE: 'x86', PROCESSOR_ARCHITEW6432: 'ARM64' })).toBe('arm64');
    expect(archFromEnv({ PROCESSOR_ARCHITECTURE: 'IA64' })).toBeNull();
    expect(archFromEnv({})).toBeNull();
  });
});

describe('reg query', () => {
  it('reads the agent key of a 64-bit English PC (names with spaces, trailing backslash)', () => {
    const v = parseRegQuery(recording('reg-agent-x64-en.txt'));
    expect(trimFolder(v.get('application path')!.data)).toBe('C:\\Program Files (x86)\\Trend Micro\\Security Agent');
    expect(v.get('server')!.data).toBe('apexsrv.corp.example');
    expect(v.get('misc_flag')).toEqual({ type: 'REG_DWORD', data: '1' });
    expect(v.has('misc.')).toBe(false);
  });

  it('reads Misc.: ProgramVer and the DWORD BuildNum as a number, an empty value as empty', () => {
    const v = parseRegQuery(recording('reg-agent-misc-en.txt'));
    expect(v.get('programver')!.data).toBe('14.0');
    expect(v.get('buildnum')!.data).toBe('12526');
    expect(v.get('hotfixver')!.data).toBe('');
  });

  it('reads a 32-bit Japanese PC (CP932 text, upgraded OfficeScan Client folder)', () => {
    const v = parseRegQuery(recording('reg-agent-x86-ja.txt'));
    expect(trimFolder(v.get('application path')!.data)).toBe('C:\\Program Files\\Trend Micro\\OfficeScan Client');
    expect(v.get('server')!.data).toBe('ウイルスバスター管理サーバ');
  });

  it('an absent key (Japanese or English message) gives no values', () => {
    expect(parseRegQuery(recording('reg-absent-ja.txt')).size).toBe(0);
    expect(parseRegQuery(recording('reg-absent-en.txt')).size).toBe(0);
  });

  it('the OEM code page', () => {
    expect(parseOemCodePage(recording('reg-oemcp-932.txt'))).toBe(932);
    expect(parseOemCodePage(recording('reg-oemcp-437.txt'))).toBe(437);
    expect(parseOemCodePage('')).toBeNull();
  });
});

describe('sc query', () => {
  it('running, stopped (Japanese), start pending, and not installed (error 1060)', () => {
    expect(parseScQuery(recording('sc-ntrtscan-running-en.txt'), 0)).toBe('running');
    expect(parseScQuery(recording('sc-tmlisten-stopped-ja.txt'), 0)).toBe('stopped');
    expect(parseScQuery(recording('sc-ntrtscan-start-pending-en.txt'), 0)).toBe('stopped');
    expect(parseScQuery(recording('sc-missing-ja.txt'), 1060)).toBe('missing');
  });
});
