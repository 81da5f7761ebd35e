/**
 * The training mode teaches the right habits: each instance has its own world (a second one never
 * touches the first one's files), `E:\` is the stick as on Windows, and the template profile either
 * works as typed (the wizard) or says how to make a world (the CLI).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execa, type ResultPromise } from 'execa';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../fixtures/cli.js';
import { createDemo, DEMO_PASSWORD, demoProfileTemplate } from '../../electron/simulation/demo.js';
import { DEMO_FAST_LINE_DELAY_MS, DEMO_LINE_DELAY_MS, DEMO_LINES_JA } from '../../electron/simulation/fake-ipxfer.js';
import { SessionContext } from '../../electron/core/session/context.js';
import { RepairSession } from '../../electron/core/session/repair-session.js';
import { KitService } from '../../electron/core/session/kit-service.js';
import { describeState } from '../../electron/core/session-text.js';
import { SimulatedPlatform } from '../../electron/platform/simulated.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BROWSER_MAIN = path.join(root, 'dist', 'electron', 'hosts', 'browser', 'main.js');
const folders: string[] = [];
const running: ResultPromise[] = [];
afterAll(async () => {
  for (const p of running) p.kill('SIGTERM');
  await Promise.allSettled(running);
  await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })));
});

/** Starts `npm run demo`'s host and waits for the address and the instance's folder it prints. */
async function startTraining(args: string[] = []): Promise<{ url: string; folder: string }> {
  const child = execa(process.execPath, [BROWSER_MAIN, '--lang', 'en', ...args], { reject: false, env: { LANG: 'en_US.UTF-8' } });
  running.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 45_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /Open in a browser: (\S+)/.exec(out)?.[1];
      const folder = /This training's folder \(reports, settings\): (.+)\n/.exec(out)?.[1];
      if (url && folder) {
        clearTimeout(timer);
        folders.push(folder);
        resolve({ url, folder });
      }
    });
    void child.then((r) => reject(new Error(`exited ${r.exitCode}: ${out}${String(r.stderr)}`)));
  });
}

const AGENT = path.join('pc', 'c', 'Program Files (x86)', 'Trend Micro', 'Security Agent', 'OfcNTCer.dat');
const SERVER = path.join('server', 'c', 'Program Files (x86)', 'Trend Micro', 'Apex One', 'PCCSRV', 'Pccnt', 'Common', 'OfcNTCer.dat');

describe('the training host refuses a mistake on its command line', () => {
  for (const [args, said] of [
    [['--lang', 'fr'], '--lang "fr" is not valid: expected ja, en'],
    [['--lang'], '--lang needs a value after it'],
    [['--frobnicate'], 'There is no option --frobnicate'],
    [['--port', 'abc'], '--port "abc" is not valid: expected 0-65535'],
    [['--port', '99999'], '--port "99999" is not valid: expected 0-65535'],
  ] as const) {
    it(`${args.join(' ')}: exit 2, said, nothing started`, async () => {
      const r = await execa(process.execPath, [BROWSER_MAIN, ...args], { reject: false, env: { LANG: 'en_US.UTF-8' } });
      expect(r.exitCode).toBe(2);
      expect(String(r.stderr)).toContain(said);
      expect(String(r.stdout)).not.toContain('Open in a browser');
    });
  }
});

describe('training mode', () => {
  it('a second instance gets its own world and settings: the first one keeps its reports and certificates', async () => {
    const first = await startTraining();
    const report = path.join(first.folder, 'reports', 'PC-TRAINING-01_20260101-090000.txt');
    await mkdir(path.dirname(report), { recursive: true });
    await writeFile(report, 'first instance report');
    await writeFile(path.join(first.folder, 'settings.json'), JSON.stringify({ recentSources: ['\\\\APEXSRV'] }));
    const agentBefore = await readFile(path.join(first.folder, AGENT));
    const serverBefore = await readFile(path.join(first.folder, SERVER));

    const second = await startTraining();
    expect(second.folder).not.toBe(first.folder);
    expect(await readFile(report, 'utf8')).toBe('first instance report');
    expect(await readFile(path.join(first.folder, AGENT))).toEqual(agentBefore);
    expect(await readFile(path.join(first.folder, SERVER))).toEqual(serverBefore);
    expect(JSON.parse(await readFile(path.join(first.folder, 'settings.json'), 'utf8'))).toEqual({ recentSources: ['\\\\APEXSRV'] });
    // Each world has its own server certificate, so one instance's repair is not the other's.
    expect(await readFile(path.join(second.folder, SERVER))).not.toEqual(serverBefore);
    expect(existsSync(path.join(second.folder, 'settings.json'))).toBe(false);
  }, 120_000);

  it('the wizard takes the template profile as typed: it makes a world from it', async () => {
    const t = await startTraining(['--simulate', path.relative(process.cwd(), demoProfileTemplate())]);
    expect(existsSync(path.join(t.folder, 'profile.json'))).toBe(true);
    expect(existsSync(path.join(t.folder, AGENT))).toBe(true);
    const res = await fetch(t.url);
    expect(res.status).toBe(200);
  }, 60_000);

  it('the CLI given the template says how to make a training world', async () => {
    const r = await runCli(['inspect', '--simulate', demoProfileTemplate(), '--source', '\\\\APEXSRV', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is the training mode\'s template');
    expect(r.stderr).toContain('npm run demo');
  });

  it('E:\\ is the training stick, as on Windows: kit --out E:\\, then fix --source E:\\ from it', async () => {
    const demo = await createDemo(path.join(os.tmpdir(), `acf-training-${process.pid}-${Date.now()}`), undefined, { fast: true });
    folders.push(demo.folder);
    const kit = await runCli(['kit', '--simulate', demo.profile, '--source', '\\\\APEXSRV', '--out', 'E:\\', '--lang', 'en']);
    expect(kit.code, kit.stdout + kit.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(demo.usb, 'ApexCertFix-kit', 'manifest.json'), 'utf8'));
    expect(manifest.kind).toBe('apex-cert-fix-kit');
    expect(kit.stdout).toContain(`Offline kit ready: ${path.join(demo.usb, 'ApexCertFix-kit')}`);

    const fix = await runCli(
      ['fix', '--simulate', demo.profile, '--source', 'E:\\', '--password-stdin', '--allow-unverified-publisher', '--settle', '0', '--reports-dir', path.join(demo.folder, 'reports'), '--work-dir', path.join(demo.folder, 'work'), '--json'],
      { input: DEMO_PASSWORD + '\n' },
    );
    expect(fix.code, fix.stderr).toBe(0);
    const report = JSON.parse(fix.stdout);
    expect(report.outcome).toBe('fixed');
    expect(report.source.tried).toContainEqual(expect.objectContaining({ result: 'kit' }));
    expect(await readFile(demo.agentDir + '/OfcNTCer.dat')).toEqual(await readFile(path.join(demo.folder, SERVER)));
  }, 90_000);
});

describe('training worlds (issue 20 §6)', () => {
  it('the training IpXfer takes at least 15 s with progress lines, unless --fast', () => {
    expect(DEMO_LINES_JA.length * DEMO_LINE_DELAY_MS).toBeGreaterThanOrEqual(15_000);
    expect(DEMO_LINES_JA.length * DEMO_FAST_LINE_DELAY_MS).toBeLessThan(2_000);
  });

  it('a service stopped before the run: the diagnosis says so; the kit made to E:\\ is said as E:\\ApexCertFix-kit', async () => {
    const demo = await createDemo(path.join(os.tmpdir(), `acf-training-w-${process.pid}-${Date.now()}`), undefined, { fast: true, world: 'service-stopped' });
    folders.push(demo.folder);
    const ctx = new SessionContext({ platform: SimulatedPlatform.fromFile(demo.profile), lang: 'ja', workBase: path.join(demo.folder, 'work'), reportsDir: path.join(demo.folder, 'reports'), settleMs: 0 });
    const session = new RepairSession(ctx);
    await session.setSource('\\\\APEXSRV');
    expect(session.state.agentCertificateBefore?.servicesDown).toEqual(['ntrtscan']);
    expect(describeState(session.state, 'ja', new Date()).diagnosis?.short).toContain('修復の前から次のサービスが停止しています: Apex One NT RealTime Scan（ntrtscan）。');
    // IpXfer restarts the services: the repair ends fixed, nothing left stopped.
    expect(await session.repair(DEMO_PASSWORD, { allowUnverifiedPublisher: true })).toBe(true);
    expect(session.state.servicesAfter).toBeNull();
    const kit = new KitService(ctx);
    expect(await kit.make('\\\\APEXSRV', 'E:\\')).toBe(true);
    expect(kit.state.kit?.shown).toBe('E:\\ApexCertFix-kit');
  }, 60_000);
});
