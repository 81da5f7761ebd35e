import { describe, expect, it } from 'vitest';
import { isWow64, systemRoot, systemToolPath } from '../../electron/platform/system-tool.js';

describe('Windows tools by absolute path', () => {
  it('System32 of the Windows folder the environment names', () => {
    expect(systemToolPath('reg', { SystemRoot: 'D:\\WINNT' }, 'x64')).toBe('D:\\WINNT\\System32\\reg.exe');
    expect(systemToolPath('sc', { windir: 'C:\\Windows' }, 'x64')).toBe('C:\\Windows\\System32\\sc.exe');
    expect(systemToolPath('powershell', { SystemRoot: 'C:\\Windows' }, 'x64')).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(systemToolPath('wmic', { SystemRoot: 'C:\\Windows' }, 'x64')).toBe('C:\\Windows\\System32\\wbem\\WMIC.exe');
  });

  it('Sysnative from a 32-bit process on 64-bit Windows, and only then', () => {
    const wow = { SystemRoot: 'C:\\Windows', PROCESSOR_ARCHITECTURE: 'x86', PROCESSOR_ARCHITEW6432: 'AMD64' };
    expect(systemToolPath('fltmc', wow, 'ia32')).toBe('C:\\Windows\\Sysnative\\fltmc.exe');
    expect(isWow64(wow, 'ia32')).toBe(true);
    // a 64-bit process that inherited the variable has no Sysnative
    expect(systemToolPath('fltmc', wow, 'x64')).toBe('C:\\Windows\\System32\\fltmc.exe');
    expect(systemToolPath('fltmc', { SystemRoot: 'C:\\Windows', PROCESSOR_ARCHITECTURE: 'x86' }, 'ia32')).toBe('C:\\Windows\\System32\\fltmc.exe');
  });

  it('an environment that does not name a plain local Windows folder falls back to C:\\Windows', () => {
    for (const bad of ['Windows', '.\\Windows', '\\\\evil\\share\\Windows', 'C:\\Users\\me\\..\\Windows', 'C:Windows', 'C:\\Win|dows', '', 'C:\\Windows\\.\\x']) {
      expect(systemRoot({ SystemRoot: bad }), bad).toBe('C:\\Windows');
    }
    expect(systemRoot({})).toBe('C:\\Windows');
    expect(systemRoot({ SystemRoot: '\\\\evil\\share', windir: 'E:\\Windows\\' })).toBe('E:\\Windows');
  });
});
