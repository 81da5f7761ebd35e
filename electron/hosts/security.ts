/**
 * The Electron window's security rules as small pure functions, so they are tested without
 * Electron: which URLs the app serves, who may call the API, what may open outside the app.
 */
import path from 'node:path';

/** The wizard is served from this origin (a custom protocol, not file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wizard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Same policy as the browser host, with no network at all (IPC carries the API). */
export function contentSecurityPolicy(connectSrc: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSrc}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const ELECTRON_CSP = contentSecurityPolicy("'none'");

/** Only frames showing our own pages may call the API. */
export function isTrustedSenderUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Navigation inside the window stays on our pages; everything else is refused. */
export function isAllowedNavigation(url: string): boolean {
  return isTrustedSenderUrl(url);
}

/** The file for an app:// request, or null when it would leave the renderer folder. */
export function resolveAppPath(requestUrl: string, root: string): string | null {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, '.' + (rel === '/' ? '/index.html' : rel));
  return file.startsWith(base + path.sep) ? file : null;
}

/** Pages the fallback guide may open in the user's browser: Trend Micro's own KB articles. */
const EXTERNAL_ALLOW = [/^https:\/\/success\.trendmicro\.com\//, /^https:\/\/helpcenter\.trendmicro\.com\//];

export function isAllowedExternalUrl(url: string): boolean {
  return EXTERNAL_ALLOW.some((re) => re.test(url));
}

/**
 * What any web contents may do: the main window, a frame, a devtools or a window something
 * managed to create. The main process applies these to every one (app 'web-contents-created'),
 * so a contents we did not make is held to the same rules.
 */
export const webContentsRules = {
  /** A navigation (main frame, sub-frame or redirect) stays on our pages. */
  navigate: (url: string): boolean => isAllowedNavigation(url),
  /** No new window, ever; an allowed KB page goes to the user's browser instead. */
  openWindow: (url: string): { action: 'deny'; openExternal: string | null } => ({ action: 'deny', openExternal: isAllowedExternalUrl(url) ? url : null }),
  /** `<webview>` is off in webPreferences; attaching one is refused all the same. */
  attachWebview: (): boolean => false,
  /**
   * Permissions (camera, notifications, geolocation, HID/USB/serial, ...): all refused, with one
   * exception: our own page may write text to the clipboard (the copy buttons), which Chromium
   * asks for as 'clipboard-sanitized-write'. `requester` is the requesting URL or origin.
   */
  permission: (permission: string, requester: string | null | undefined): boolean => permission === 'clipboard-sanitized-write' && isTrustedSenderUrl(requester),
  /** Devices (WebHID, WebUSB, Web Serial, Bluetooth): none. */
  device: (): boolean => false,
} as const;

/** The window's webPreferences (docs/architecture.md "Security"); the main process uses exactly this. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  } as const;
}
