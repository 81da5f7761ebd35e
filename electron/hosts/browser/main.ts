#!/usr/bin/env node
/**
 * `npm run demo`: the wizard in a browser, in training mode. Builds the demo PC and server (or uses
 * `--simulate PROFILE.json`), serves the wizard on 127.0.0.1 and prints its address.
 *   node dist/electron/hosts/browser/main.js [--simulate PROFILE.json] [--server] [--port N] [--lang ja|en]
 */
import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startBrowserHost } from './browser-host.js';
import { SessionContext } from '../../core/session/context.js';
import { defaultLang, type Lang } from '../../core/messages.js';
import { packageRoot, packageVersion } from '../../base/package-root.js';
import { ProfileError, SimulatedPlatform } from '../../platform/simulated.js';
import { createDemo } from '../../simulation/demo.js';

const { values } = parseArgs({ options: { simulate: { type: 'string' }, port: { type: 'string' }, lang: { type: 'string' }, server: { type: 'boolean' } } });
const lang: Lang = values.lang === 'ja' || values.lang === 'en' ? values.lang : defaultLang();
const ja = lang === 'ja';

let profile = values.simulate;
let reportsDir: string;
if (profile) {
  reportsDir = path.join(path.dirname(path.resolve(profile)), 'reports');
} else {
  const demo = await createDemo();
  // --server: the training server itself, for the server check (mismatched agents list).
  profile = values.server ? demo.serverProfile : demo.profile;
  reportsDir = path.join(demo.folder, 'reports');
}
let platform: SimulatedPlatform;
try {
  platform = SimulatedPlatform.fromFile(profile);
} catch (e) {
  if (!(e instanceof ProfileError)) throw e;
  process.stderr.write(`${e.file}: ${e.problem}\n`);
  process.exit(2);
}
const context = new SessionContext({ platform, lang, reportsDir, settleMs: 3000, version: packageVersion() });
const host = await startBrowserHost({
  context,
  staticDir: path.join(packageRoot(), 'dist', 'renderer'),
  port: values.port ? Number(values.port) : 0,
  settingsFile: path.join(os.tmpdir(), 'apex-cert-fix-demo-settings.json'),
  info: { simulated: true, kitBesideApp: null, version: packageVersion() },
});
process.stdout.write(
  ja
    ? `\nトレーニングモード（シミュレーションの PC とサーバー）。実際のセキュリティエージェントには何もしません。\nブラウザーで開いてください: ${host.url}\n（エージェントのアンロードパスワードは trend、終了は Ctrl+C）\n`
    : `\nTRAINING MODE (simulated PC and server): no real security agent is touched.\nOpen in a browser: ${host.url}\n(the agent unload password is "trend"; Ctrl+C to stop)\n`,
);
const stop = async () => {
  await host.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
