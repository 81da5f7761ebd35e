/**
 * Electron host: one hardened window showing the wizard, the API wired to the wizard service over IPC,
 * and nothing else. The rules it applies live in security.ts and portable-paths.ts (unit-tested);
 * guard-web-contents.ts applies them to every web contents and the session.
 * Options: --simulate PROFILE.json (training mode), --lang ja|en.
 */
import { readOptions, type OptionTable } from '../../base/options.js';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session as electronSession, shell } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { SessionContext } from '../../core/session/context.js';
import { findKit } from '../../core/kit.js';
import { messages, type Messages } from '../../core/messages.js';
import { chosenLang, langOf, LANGS, type Lang } from '../../core/lang.js';
import { CHANNELS } from './ipc-channels.js';
import { registerIntents } from './ipc-bridge.js';
import { choosePlatform } from '../../platform/choose-platform.js';
import { relaunchArguments, relaunchElevated, relaunchHandingOver } from '../../platform/relaunch-elevated.js';
import { chooseDataLocation } from './portable-paths.js';
import { guardSession, guardWebContents } from './guard-web-contents.js';
import { APP_SCHEME, APP_START_URL, ELECTRON_CSP, isTrustedSenderUrl, resolveAppPath, secureWebPreferences } from '../security.js';
import { WizardService } from '../wizard-service.js';
import { eventFrames } from '../dispatch.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '..', '..', '..', 'renderer');
/**
 * The app's own options, read as every host reads them (base/options.ts); not strict, since
 * Chromium's and Electron's own switches reach this command line too.
 */
const words = (option: keyof Messages['hostOption']['app']) => Object.fromEntries(LANGS.map((l) => [l, messages(l).hostOption.app[option]])) as Record<Lang, string>;
const OPTIONS = {
  lang: { type: 'string', value: 'ja|en', help: words('lang') },
  simulate: { type: 'string', value: 'PROFILE.json', help: words('simulate') },
} satisfies OptionTable;
const read = readOptions(OPTIONS, process.argv.slice(app.isPackaged ? 1 : 2), false);
const options = (read.ok ? read.values : {}) as { lang?: string; simulate?: string };

// Paths first: nothing may read userData, logs or crash dumps before they point at the stick.
// The portable exe, the folder build (`portable` beside the exe) or installed: portable-paths.ts.
const data = chooseDataLocation({
  portableExecutableDir: process.env.PORTABLE_EXECUTABLE_DIR,
  exeDir: path.dirname(process.execPath),
  programData: process.env.ProgramData ?? process.env.PROGRAMDATA,
  userData: app.getPath('userData'),
});
app.setPath('userData', data.dir);
app.setPath('logs', path.join(data.dir, 'logs'));
app.setPath('crashDumps', path.join(data.dir, 'crash-dumps'));

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// Every web contents, whoever creates it, is held to the same rules (navigation, windows, webview).
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => void shell.openExternal(url).catch(() => undefined)));

// A second start hands over to the first window and ends at once.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.exit(0);

let win: BrowserWindow | null = null;
let wizard: WizardService | null = null;

function send(channel: string, payload: unknown) {
  if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
}

async function start(): Promise<void> {
  Menu.setApplicationMenu(null);
  guardSession(electronSession.defaultSession);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, rendererRoot);
    if (!file || !existsSync(file)) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', ELECTRON_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });

  const lang: Lang = chosenLang(options.lang, () => langOf([app.getLocale()]));
  const choice = choosePlatform(options.simulate);
  if (!choice.ok) {
    dialog.showErrorBox('Apex One certificate fix', messages(lang).error(choice.error));
    app.exit(3);
    return;
  }
  const context = new SessionContext({ platform: choice.platform, lang, reportsDir: path.join(data.dir, 'reports'), version: app.getVersion() });
  const kitBesideApp = data.appDir ? await findKit(data.appDir).catch(() => null) : null;
  wizard = new WizardService({
    context,
    info: { kind: 'electron', simulated: choice.platform.kind === 'simulated', kitBesideApp, version: app.getVersion() },
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
              const portableExe = process.env.PORTABLE_EXECUTABLE_FILE;
              const exe = portableExe ?? process.execPath;
              const args = relaunchArguments(process.argv, app.isPackaged || !!portableExe, process.cwd());
              const result = await relaunchHandingOver({
                releaseLock: () => app.releaseSingleInstanceLock(),
                retakeLock: () => void app.requestSingleInstanceLock(),
                start: () => relaunchElevated(exe, args, process.cwd()),
                quit: () => app.quit(),
              });
              // A cancelled prompt leaves the app as it was; a failure is said.
              if (result === 'failed') dialog.showErrorBox('Apex One certificate fix', messages(lang).label.relaunchFailed);
            }
          : undefined,
    },
    ...eventFrames((frame) => send(CHANNELS.event, frame)),
  });
  await wizard.start();

  registerIntents(ipcMain, wizard, isTrustedSenderUrl);

  win = new BrowserWindow({
    width: 1180,
    height: 860,
    minWidth: 760,
    minHeight: 600,
    title: `Apex One certificate fix ${app.getVersion()}${data.fallback ? ` — ${messages(lang).label.dataTitle(data.dir)}` : ''}`,
    backgroundColor: '#f3f3f3',
    show: false,
    webPreferences: secureWebPreferences(path.join(here, 'preload.cjs')),
  });
  // The page's <title> would replace ours on load, and with it where the reports go.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    win?.show();
    // A read-only stick: the title keeps saying where reports go, and this says why, once.
    // No parent: a warning beside the window, not a modal that would hold it.
    if (data.fallback) void dialog.showMessageBox({ type: 'warning', title: 'Apex One certificate fix', message: messages(lang).label.dataFallback(data.fallback.tried, data.dir) });
  });
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
  // Quit once what ran has ended, or after 10 s whatever happens (a program that will not stop).
  const ended = wizard.close();
  const limit = new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref());
  void Promise.race([ended, limit]).then(() => app.quit());
});
app.on('window-all-closed', () => app.quit());
if (firstInstance) app.whenReady().then(start, (e) => {
  dialog.showErrorBox('Apex One certificate fix', String(e));
  app.exit(1);
});


