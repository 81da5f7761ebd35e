import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { archFromEnv, parseOemCodePage, parseRegQuery, parseScQuery, trimFolder } from '../../electron/platform/windows-parsers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The OEM code page each recording was written in: Japanese 932, Russian 866, German 850, else 437. */
const OEM: Record<string, number> = { ja: 932, ru: 866, de: 850 };
/** A recording decoded as the platform decodes it: in the PC's OEM code page. */
const recording = (name: string, codePage = OEM[/-(ja|ru|de)\.txt$/.exec(name)?.[1] ?? ''] ?? 437) =>
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
  it('running, stopped, start pending (English labels)', () => {
    expect(parseScQuery(recording('sc-ntrtscan-running-en.txt'), 0)).toBe('running');
    expect(parseScQuery(recording('sc-ntrtscan-start-pending-en.txt'), 0)).toBe('stopped');
  });

  it('translated labels are not read: Japanese 状態, Russian Состояние, German STATUS', () => {
    expect(recording('sc-tmlisten-stopped-ja.txt')).toContain('状態');
    expect(parseScQuery(recording('sc-tmlisten-stopped-ja.txt'), 0)).toBe('stopped');
    expect(parseScQuery(recording('sc-ntrtscan-running-ja.txt'), 0)).toBe('running');
    expect(recording('sc-ntrtscan-running-ru.txt')).toContain('Состояние');
    expect(parseScQuery(recording('sc-ntrtscan-running-ru.txt'), 0)).toBe('running');
    expect(parseScQuery(recording('sc-tmlisten-stopped-de.txt'), 0)).toBe('stopped');
  });

  it('not installed: error 1060 by exit status or by the [SC] line in any language', () => {
    expect(parseScQuery(recording('sc-missing-ja.txt'), 1060)).toBe('missing');
    expect(parseScQuery(recording('sc-missing-ja.txt'), 0)).toBe('missing');
    expect(parseScQuery(recording('sc-missing-ru.txt'), 1060)).toBe('missing');
    expect(parseScQuery(recording('sc-missing-en.txt'), 1060)).toBe('missing');
    expect(parseScQuery('', 1060)).toBe('missing');
  });

  it('under Wine (captured): English labels with LF only; a missing service is exit 1 without text', () => {
    expect(parseScQuery(recording('sc-tmlisten-running-wine-ja.txt'), 0)).toBe('running');
    expect(recording('sc-missing-wine-ja.txt')).toBe('');
    expect(parseScQuery(recording('sc-missing-wine-ja.txt'), 1)).toBe('missing');
  });

  it('what cannot be read is unknown, never missing', () => {
    expect(parseScQuery(recording('sc-access-denied-en.txt'), 5)).toBe('unknown');
    expect(parseScQuery('', 0)).toBe('unknown');
    expect(parseScQuery('SERVICE_NAME: x\r\n        STATE : 4  LÄUFT\r\n', 0)).toBe('unknown');
    // A TYPE line's number is not a state, even when it looks like one.
    expect(parseScQuery('        TYPE               : 1  KERNEL_DRIVER\r\n', 0)).toBe('unknown');
  });
});

describe('reg query under Wine (captured, /reg:32)', () => {
  it('reads the agent key and Misc. through the 32-bit view', () => {
    const v = parseRegQuery(recording('reg-agent-wine-ja.txt'));
    expect(trimFolder(v.get('application path')!.data)).toBe('C:\\Program Files (x86)\\Trend Micro\\Security Agent');
    expect(v.get('server')!.data).toBe('apexsrv.corp.example');
    const misc = parseRegQuery(recording('reg-agent-misc-wine-ja.txt'));
    expect(misc.get('buildnum')!.data).toBe('12526');
    expect(parseRegQuery(recording('reg-absent-wine-ja.txt')).size).toBe(0);
  });
});
