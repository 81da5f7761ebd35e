import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ELECTRON_CSP, isAllowedExternalUrl, isAllowedNavigation, isTrustedSenderUrl, resolveAppPath, secureWebPreferences } from '../../electron/hosts/security.js';
import { chooseDataLocation, PORTABLE_DATA_FOLDER } from '../../electron/hosts/electron/portable-paths.js';
import { psQuote, relaunchCommand } from '../../electron/platform/relaunch-elevated.js';

describe('window security rules', () => {
  it('only app://wizard pages may call the API or be navigated to', () => {
    expect(isTrustedSenderUrl('app://wizard/index.html')).toBe(true);
    for (const url of ['file:///C:/x/index.html', 'http://127.0.0.1/', 'app://other/index.html', 'https://wizard/', '', null, undefined, 'not a url']) {
      expect(isTrustedSenderUrl(url)).toBe(false);
    }
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
  });

  it('serves files from the renderer folder only', () => {
    const root = path.resolve('/srv/renderer');
    expect(resolveAppPath('app://wizard/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://wizard/assets/index.js', root)).toBe(path.join(root, 'assets', 'index.js'));
    // The URL parser folds "..": what is left is still looked up inside the renderer folder.
    expect(resolveAppPath('app://wizard/../../etc/passwd', root)).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveAppPath('app://wizard/%2e%2e/%2e%2e/etc/passwd', root)).toBe(path.join(root, 'etc', 'passwd'));
    // Encoded slashes survive the URL parser: decoded, they would climb out, so they are refused.
    expect(resolveAppPath('app://wizard/..%2f..%2fetc%2fpasswd', root)).toBeNull();
    expect(resolveAppPath('app://wizard/a%00b', root)).toBeNull();
    expect(resolveAppPath('app://elsewhere/index.html', root)).toBeNull();
    expect(resolveAppPath('file:///etc/passwd', root)).toBeNull();
  });

  it('opens only Trend Micro KB pages outside the app', () => {
    expect(isAllowedExternalUrl('https://success.trendmicro.com/ja-JP/solution/KA-0010504')).toBe(true);
    expect(isAllowedExternalUrl('http://success.trendmicro.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://success.trendmicro.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/System32/cmd.exe')).toBe(false);
  });

  it('the window is isolated, sandboxed and without Node; the page may load nothing from outside', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(ELECTRON_CSP).toContain("default-src 'none'");
    expect(ELECTRON_CSP).toContain("connect-src 'none'");
    expect(ELECTRON_CSP).not.toContain('unsafe-eval');
  });
});

describe('portable (USB) data folder', () => {
  it('absent: the normal user folder', () => {
    expect(chooseDataLocation(undefined, '/home/u/AppData')).toEqual({ dir: '/home/u/AppData', portable: false, fallbackReason: null });
  });

  it('writable stick: ApexCertFix-data beside the exe', async () => {
    const stick = await mkdtemp(path.join(os.tmpdir(), 'acf-stick-'));
    expect(chooseDataLocation(stick, '/home/u/AppData')).toEqual({ dir: path.join(stick, PORTABLE_DATA_FOLDER), portable: true, fallbackReason: null });
  });

  it('a stick that cannot be written: back to the user folder, saying why', async () => {
    // As root every folder is writable, so the "stick" is a path under a file: mkdir really fails.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'acf-stick-'));
    const notAFolder = path.join(dir, 'read-only-medium');
    await writeFile(notAFolder, '');
    const r = chooseDataLocation(notAFolder, '/home/u/AppData');
    expect(r.dir).toBe('/home/u/AppData');
    expect(r.portable).toBe(false);
    expect(r.fallbackReason).toContain('not writable');
  });
});

describe('restart as administrator', () => {
  it('quotes the program and its arguments for PowerShell', () => {
    expect(psQuote("C:\\USB\\It's here\\ApexCertFix.exe")).toBe("'C:\\USB\\It''s here\\ApexCertFix.exe'");
    expect(relaunchCommand('C:\\a b\\app.exe', ['--lang', 'ja'])).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      "Start-Process -FilePath 'C:\\a b\\app.exe' -ArgumentList @('--lang', 'ja') -Verb RunAs",
    ]);
  });
});
