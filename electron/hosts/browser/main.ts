#!/usr/bin/env node
/**
 * `npm run demo`: the wizard in a browser, in training mode. Builds a training world of its own (a
 * second instance never touches the first one's files), or uses `--simulate PROFILE.json`, serves
 * the wizard on 127.0.0.1 and prints its address.
 *   node dist/electron/hosts/browser/main.js [--simulate PROFILE.json] [--server] [--port N] [--lang ja|en]
 *     [--world standard|service-stopped|services-left-stopped] [--fast]
 * --world: which training world (a service stopped before the run; IpXfer leaving the services
 * stopped); --fast: the training IpXfer in about a second instead of at least 15 s (tests).
 */
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { startBrowserHost } from './browser-host.js';
import { SessionContext } from '../../core/session/context.js';
import { chosenLang, defaultLang, isLang, LANGS, type Lang } from '../../core/lang.js';
import { messages, type Messages } from '../../core/messages.js';
import { packageRoot, packageVersion } from '../../base/package-root.js';
import { ProfileError, SimulatedPlatform } from '../../platform/simulated.js';
import { createDemo, DEMO_WORLDS, isDemoTemplate, type DemoWorld } from '../../simulation/demo.js';
import { optionHelp, readOptions, type OptionTable } from '../../base/options.js';

/** A mistake on the command line: said in the system's language, exit 2 as the CLI does, nothing started. */
function refuse(option: string, value: string, expected: string): never {
  process.stderr.write(`${messages(defaultLang()).error({ code: 'option-invalid', option, value, expected })}\n`);
  process.exit(2);
}

/** The browser host's options, once: read by base/options.ts (as the CLI's are), and its help. */
const words = (option: keyof Messages['hostOption']['training']) => Object.fromEntries(LANGS.map((l) => [l, messages(l).hostOption.training[option]])) as Record<Lang, string>;
const OPTIONS = {
  simulate: { type: 'string', value: 'PROFILE.json', help: words('simulate') },
  server: { type: 'boolean', help: words('server') },
  port: { type: 'string', value: 'N', help: words('port') },
  lang: { type: 'string', value: 'ja|en', help: words('lang') },
  world: { type: 'string', value: 'standard|service-stopped|services-left-stopped', help: words('world') },
  fast: { type: 'boolean', help: words('fast') },
} satisfies OptionTable;

const read = readOptions(OPTIONS, process.argv.slice(2));
if (!read.ok) {
  const { problem } = read;
  const words = messages(defaultLang());
  const said = problem.kind === 'unknown' ? words.error({ code: 'option-unknown', option: problem.option, suggestion: problem.suggestion }) : words.error({ code: 'option-value-missing', option: problem.option });
  process.stderr.write(`${said}\n\n${optionHelp(OPTIONS, defaultLang())}`);
  process.exit(2);
}
if (read.positionals.length) refuse(read.positionals[0]!, read.positionals[0]!, optionHelp(OPTIONS, defaultLang()).trim());
const values = read.values as { simulate?: string; port?: string; lang?: string; server?: boolean; world?: string; fast?: boolean };
if (values.world !== undefined && !(DEMO_WORLDS as readonly string[]).includes(values.world)) refuse('--world', values.world, DEMO_WORLDS.join(', '));
if (values.lang !== undefined && !isLang(values.lang)) refuse('--lang', values.lang, LANGS.join(', '));
// Checked before any training world is made: a mistake leaves nothing behind.
if (values.port !== undefined && !(/^\d{1,5}$/.test(values.port) && Number(values.port) <= 65535)) refuse('--port', values.port, '0-65535');
const lang: Lang = chosenLang(values.lang);

let profile = values.simulate;
/** This instance's own folder: its reports and settings (recent sources) live here, nowhere shared. */
let folder: string;
let reportsDir: string;
if (profile && !isDemoTemplate(profile)) {
  folder = await mkdtemp(path.join(os.tmpdir(), 'apex-cert-fix-training-'));
  reportsDir = path.join(path.dirname(path.resolve(profile)), 'reports');
} else {
  // No profile, or the template as typed (`--simulate resources/demo/profile.json`): its folders
  // exist only in a world made from it, so make one.
  const demo = await createDemo(undefined, profile ? path.resolve(profile) : undefined, { fast: values.fast, world: values.world as DemoWorld | undefined });
  // --server: the training server itself, for the server check (mismatched agents list).
  profile = values.server ? demo.serverProfile : demo.profile;
  folder = demo.folder;
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
const context = new SessionContext({ platform, lang, reportsDir, workBase: path.join(folder, 'work'), settleMs: 3000, version: packageVersion() });
const host = await startBrowserHost({
  context,
  staticDir: path.join(packageRoot(), 'dist', 'renderer'),
  port: values.port !== undefined ? Number(values.port) : 0,
  settingsFile: path.join(folder, 'settings.json'),
  info: { simulated: true, kitBesideApp: null, version: packageVersion() },
});
process.stdout.write(`\n${messages(lang).trainingBanner(host.url, folder)}\n`);
const stop = async () => {
  await host.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
