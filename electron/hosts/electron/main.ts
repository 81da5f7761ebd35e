/**
 * Electron host: one hardened window showing the wizard, the API wired to a FixSession over IPC,
 * and nothing else. The rules it applies live in security.ts and portable-paths.ts (unit-tested).
 * Options: --simulate PROFILE.json (training mode), --lang ja|en.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, shell } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { INTENTS } from '../../contract.js';
import { FixSession } from '../../core/fix-session.js';
import { findKit } from '../../core/kit.js';
import { messages, type Lang } from '../../core/messages.js';
import { CHANNELS, intentChannel } from './ipc-channels.js';
import { choosePlatform } from '../../platform/choose-platform.js';
import { relaunchElevated } from '../../platform/relaunch-elevated.js';
import { chooseDataLocation } from './portable-paths.js';
import { APP_SCHEME, APP_START_URL, ELECTRON_CSP, isAllowedExternalUrl, isAllowedNavigation, isTrustedSenderUrl, resolveAppPath, secureWebPreferences } from '../security.js';
import { WizardHost } from '../wizard-service.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '..', '..', '..', 'renderer');
const argv = process.argv.slice(app.isPackaged ? 1 : 2);
const argValue = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

// Paths first: nothing may read userData, logs or crash dumps before they point at the stick.
const portableDir = process.env.PORTABLE_EXECUTABLE_DIR;
const data = chooseDataLocation(portableDir, app.getPath('userData'));
app.setPath('userData', data.dir);
app.setPath('logs', path.join(data.dir, 'logs'));
app.setPath('crashDumps', path.join(data.dir, 'crash-dumps'));

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// A second start hands over to the first window and ends at once.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.exit(0);

let win: BrowserWindow | null = null;
let wizard: WizardHost | null = null;

function send(channel: string, payload: unknown) {
  if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
}

async function start(): Promise<void> {
  Menu.setApplicationMenu(null);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, rendererRoot);
    if (!file || !existsSync(file)) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', ELECTRON_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });

  const lang: Lang = argValue('--lang') === 'en' || argValue('--lang') === 'ja' ? (argValue('--lang') as Lang) : app.getLocale().startsWith('ja') ? 'ja' : 'en';
  const choice = choosePlatform(argValue('--simulate'));
  if (!choice.ok) {
    dialog.showErrorBox('Apex One certificate fix', messages(lang).error(choice.error));
    app.exit(3);
    return;
  }
  const session = new FixSession({ platform: choice.platform, lang, reportsDir: path.join(data.dir, 'reports'), version: app.getVersion() });
  const kitBesideApp = portableDir ? await findKit(portableDir).catch(() => null) : null;
  wizard = new WizardHost({
    session,
    info: { kind: 'electron', simulated: choice.platform.kind === 'simulated', lang, kitBesideApp, version: app.getVersion() },
    settingsFile: path.join(data.dir, 'settings.json'),
    capabilities: {
      pickFolder: async () => {
        const r = await dialog.showOpenDialog(win!, { properties: ['openDirectory'] });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      openFolder: async (folder) => {
        await shell.openPath(folder);
      },
      relaunchElevated:
        process.platform === 'win32'
          ? async () => {
              const exe = process.env.PORTABLE_EXECUTABLE_FILE ?? process.execPath;
              if ((await relaunchElevated(exe, argv)) === 'started') app.quit();
            }
          : undefined,
    },
    onView: (view) => send(CHANNELS.view, view),
    onOutput: (lines) => send(CHANNELS.output, lines),
  });
  await wizard.loadSettings();

  ipcMain.on(CHANNELS.intents, (event) => {
    event.returnValue = isTrustedSenderUrl(event.senderFrame?.url) ? [...INTENTS] : [];
  });
  for (const name of INTENTS) {
    ipcMain.handle(intentChannel(name), (event, ...args: unknown[]) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url)) throw new Error('untrusted sender');
      return wizard!.handle(name, args);
    });
  }

  win = new BrowserWindow({
    width: 1180,
    height: 860,
    minWidth: 760,
    minHeight: 600,
    title: `Apex One certificate fix ${app.getVersion()}${data.fallbackReason ? ` — reports: ${data.dir}` : ''}`,
    backgroundColor: '#f3f3f3',
    show: false,
    webPreferences: secureWebPreferences(path.join(here, 'preload.cjs')),
  });
  win.once('ready-to-show', () => win?.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  await win.loadURL(APP_START_URL);
}

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

// Closing the window while IpXfer runs stops it and everything it started.
let closing = false;
app.on('before-quit', (event) => {
  if (closing || !wizard) return;
  closing = true;
  event.preventDefault();
  const session = wizard.session;
  wizard.close();
  const wait = async () => {
    for (let i = 0; i < 100 && session.state.busy !== null; i++) await new Promise((r) => setTimeout(r, 100));
    app.quit();
  };
  void wait();
});
app.on('window-all-closed', () => app.quit());
if (firstInstance) app.whenReady().then(start, (e) => {
  dialog.showErrorBox('Apex One certificate fix', String(e));
  app.exit(1);
});


