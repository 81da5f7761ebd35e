/**
 * Applies security.ts's rules to every web contents and to the session, whoever created them.
 * Guarding only the main window leaves a gap: a contents made another way (a devtools, a frame, a
 * future feature's window) would navigate and open windows freely. Electron's own types only:
 * the rules are tested without Electron (tests/unit/electron-security.test.ts).
 */
import type { Session, WebContents } from 'electron';
import { webContentsRules } from '../security.js';

type Guardable = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardWebContents(contents: Guardable, openExternal: (url: string) => void): void {
  const navigation = (event: { url: string; preventDefault: () => void }) => {
    if (!webContentsRules.navigate(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', navigation);
  contents.on('will-frame-navigate', navigation);
  contents.on('will-redirect', navigation);
  contents.on('will-attach-webview', (event) => {
    if (!webContentsRules.attachWebview()) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = webContentsRules.openWindow(url);
    if (decision.openExternal) openExternal(decision.openExternal);
    return { action: decision.action };
  });
}

type GuardableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

export function guardSession(session: GuardableSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(webContentsRules.permission(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => webContentsRules.permission(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => webContentsRules.device());
}
