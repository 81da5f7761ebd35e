import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { ELECTRON_CSP, isAllowedExternalUrl, isAllowedNavigation, isTrustedSenderUrl, resolveAppPath, secureWebPreferences, webContentsRules } from '../../electron/hosts/security.js';
import { guardSession, guardWebContents } from '../../electron/hosts/electron/guard-web-contents.js';

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

describe('every web contents and the session (not only the main window)', () => {
  it('the rules: our pages only, no window, no webview, no permission but our clipboard writes, no device', () => {
    expect(webContentsRules.navigate('app://wizard/index.html#run')).toBe(true);
    for (const url of ['https://success.trendmicro.com/', 'file:///C:/Windows/', 'app://evil/', 'javascript:alert(1)', 'about:blank']) expect(webContentsRules.navigate(url)).toBe(false);
    expect(webContentsRules.openWindow('https://success.trendmicro.com/ja-JP/solution/KA-0010504')).toEqual({ action: 'deny', openExternal: 'https://success.trendmicro.com/ja-JP/solution/KA-0010504' });
    expect(webContentsRules.openWindow('https://example.com/')).toEqual({ action: 'deny', openExternal: null });
    expect(webContentsRules.attachWebview()).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'hid', 'usb', 'serial', 'openExternal', 'clipboard-read', 'fullscreen', 'display-capture', 'unknown']) {
      expect([p, webContentsRules.permission(p, 'app://wizard/index.html')]).toEqual([p, false]);
    }
    expect(webContentsRules.permission('clipboard-sanitized-write', 'app://wizard/index.html')).toBe(true);
    expect(webContentsRules.permission('clipboard-sanitized-write', 'app://wizard')).toBe(true);
    expect(webContentsRules.permission('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(webContentsRules.permission('clipboard-sanitized-write', undefined)).toBe(false);
    expect(webContentsRules.device()).toBe(false);
  });

  /** Stands in for Electron's WebContents (not installed here): its events and window-open handler. */
  class Contents extends EventEmitter {
    openHandler: ((d: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      this.openHandler = h;
    }
  }
  const event = (url = '') => ({ url, prevented: false, preventDefault() {
    this.prevented = true;
  } });

  it('guardWebContents refuses navigation, redirects, frames, webviews and windows on any contents', () => {
    const contents = new Contents();
    const opened: string[] = [];
    guardWebContents(contents as never, (url) => opened.push(url));
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = event('https://example.com/');
      const home = event('app://wizard/index.html');
      contents.emit(name, away);
      contents.emit(name, home);
      expect([name, away.prevented, home.prevented]).toEqual([name, true, false]);
    }
    const webview = event();
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://success.trendmicro.com/x' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://success.trendmicro.com/x']);
  });

  it('guardSession answers every permission request and check, and every device, with the rules', () => {
    const handlers: Record<string, (...a: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
    };
    guardSession(session as never);
    const asked = (permission: string, requestingUrl: string) => {
      let granted: boolean | null = null;
      (handlers.request as (...a: unknown[]) => void)(null, permission, (g: boolean) => (granted = g), { requestingUrl });
      return granted;
    };
    expect(asked('media', 'app://wizard/index.html')).toBe(false);
    expect(asked('notifications', 'app://wizard/index.html')).toBe(false);
    expect(asked('clipboard-sanitized-write', 'app://wizard/index.html')).toBe(true);
    expect((handlers.check as (...a: unknown[]) => boolean)(null, 'geolocation', 'app://wizard')).toBe(false);
    expect((handlers.device as (...a: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);
  });
});
