// TEST-ONLY. Run by Windows node.exe under Wine (tests/windows/gui.test.ts): the browser host
// (WizardService, dispatch, the page over 127.0.0.1 and a WebSocket with a per-start key in the
// address) on the REAL Windows platform (registry, services, IpXfer), for the lane's Linux Chromium. Nothing shipped does this: the real platform is only
// ever driven through Electron's IPC (README, "Never over HTTP on a real PC"); this file lives in
// tests/, is not compiled into dist/ and electron-builder packs only dist/electron and dist/renderer.
//   node.exe gui-host.mjs <ready file> [settle seconds]
// settle seconds: how long verify re-reads the agent after IpXfer (the lane passes 5, as its CLI
// scenarios pass --settle 5: the verdict is the point, not a real agent's minute).
// When listening, writes {"url": ...} to <ready file> (stdout is a file under Wine, not a pipe).
// Lives until killed; a second connection (a reload, a second tab) gets the session as it is.
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [readyFile, settle] = process.argv.slice(2);
if (!readyFile) {
  process.stderr.write('usage: gui-host.mjs <ready file>\n');
  process.exit(2);
}
const dist = new URL('../../dist/', import.meta.url);
const load = (rel) => import(new URL(rel, dist).href);
const { WindowsPlatform } = await load('electron/platform/windows.js');
const { SessionContext } = await load('electron/core/session/context.js');
const { chosenLang } = await load('electron/core/lang.js');
const { startBrowserHost } = await load('electron/hosts/browser/browser-host.js');

// As the app on a PC: the system's language (the prefix is Japanese), the machine-wide working and
// reports folders (%ProgramData%\ApexCertFix), the shipped time limit for IpXfer.
const context = new SessionContext({
  platform: new WindowsPlatform(),
  lang: chosenLang(undefined),
  version: 'wine-lane',
  ...(settle !== undefined ? { settleMs: Number(settle) * 1000 } : {}),
});
// The browser host's own server (static page, key in the address, Origin check, dispatch), here
// with the Windows platform in its context.
const host = await startBrowserHost({
  context,
  staticDir: fileURLToPath(new URL('renderer/', dist)),
  info: { simulated: false, kitBesideApp: null, version: 'wine-lane' },
  settingsFile: null,
});
const origin = new URL(host.url).origin;
writeFileSync(`${readyFile}.tmp`, JSON.stringify({ url: host.url }));
renameSync(`${readyFile}.tmp`, readyFile);
process.stderr.write(`gui-host: listening on ${origin}\n`);
