/**
 * The wizard's page on the real Windows platform: the engine (WizardService, dispatch) runs in
 * Windows node.exe under Wine in the lane's Japanese prefix (tests/windows/gui-host.mjs, test-only),
 * and the lane's Linux Chromium drives the built page over 127.0.0.1 through the e2e harness' walks.
 * One engine serves the repair scenarios in turn (each starts over from the result); the server
 * screen gets its own, whose page opens once this PC is also an Apex One server.
 * Wine cannot show the Electron shell, UAC or SmartScreen (README).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { chromium, expect as playwrightExpect, type Browser, type Page } from '@playwright/test';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { agentCertificatePath, certificate, lane, makeShare, processesMentioning, resetAgent, serviceState, skipReason, uncShare, type Lane } from './lane/lane.js';
import { startGuiEngine, type GuiEngine } from './lane/gui-engine.js';
import { cancelRun, diagnosed, ja, listMismatchedAgents, repairWithPassword, retryWithPassword, runWithoutPassword, startOver, startServicesButton, toRunStep } from '../e2e/harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without Chromium the GUI scenarios skip, saying so; CI installs it, so there they fail instead.
const info = inject('lane');
const skip =
  skipReason() ??
  (info.skip === null && info.kind === 'native' ? "native Windows: the GUI scenarios read the server's share through Wine's UNC mapping" : null) ??
  (existsSync(CHROMIUM) || process.env.CI ? null : `no Chromium at ${CHROMIUM} (apt-get install chromium, or CHROMIUM_PATH)`);

const PASSWORD = 'Tr3nd! "パス" & ワード';
const WRONG = 'not-the-password';
const SLOW = { timeout: 120_000 };
// Wine is slow: Playwright's waits get a minute (configure returns a new expect).
const see = playwrightExpect.configure({ timeout: 60_000 });

/** Reports the engine wrote under C:\ProgramData\ApexCertFix\reports (the machine-wide folder). */
function reports(l: Lane): string[] {
  const dir = path.join(l.driveC, 'ProgramData', 'ApexCertFix', 'reports');
  return existsSync(dir) ? readdirSync(dir).map((n) => path.join(dir, n)) : [];
}

describe.skipIf(skip)(`the wizard's page on the Windows engine${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let l: Lane;
  let engine: GuiEngine | null = null;
  let serverEngine: GuiEngine | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let serverPage: Page | null = null;
  /** Everything the engine sent to the page. */
  const frames: string[] = [];
  let source: string;

  async function open(url: string): Promise<Page> {
    const p = await browser!.newPage({ locale: 'ja-JP', viewport: { width: 1200, height: 860 } });
    p.setDefaultTimeout(60_000);
    p.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
    // The page asks before it is left during a run: the reload scenario says yes.
    p.on('dialog', (d) => void d.accept());
    await p.goto(url);
    return p;
  }

  beforeAll(async () => {
    l = lane();
    makeShare(l, 'gui', { ipxfer: 'datfhs', dll: true });
    // The page suggests the share of the server the agent reports to (\\apexsrv.lane.example\ofcscan).
    source = uncShare(l, 'gui');
    resetAgent(l, { password: PASSWORD });
    // Started together (node.exe takes a while to start under Wine). The server screen's engine is
    // started by its scenario, once this PC has been made a server: an engine looks at the PC as it
    // starts. As the CLI scenarios' --settle 5: the verdict is the point, not the minute a real agent
    // may need. Each is kept as soon as it is up, so afterAll ends whatever started even if another did not.
    await Promise.all([
      chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] }).then((b) => (browser = b)),
      startGuiEngine(l, { settleS: 5 }).then((e) => (engine = e)),
    ]);
    page = await open(engine!.url);
  });

  afterAll(async () => {
    await engine?.stop();
    await serverEngine?.stop();
    await browser?.close();
    rmSync(path.join(l.prefix, 'dosdevices', 'unc'), { recursive: true, force: true });
  });

  // A failure shows what the engines said and where the page was.
  beforeEach((ctx) => {
    ctx.onTestFailed(async () => {
      const tail = (e: GuiEngine | null) => e?.log().split('\n').slice(-30).join('\n') ?? '(not started)';
      const main = await page?.locator('main').textContent({ timeout: 2000 }).catch(() => '(no page)');
      const onServer = await serverPage?.locator('main').textContent({ timeout: 2000 }).catch(() => '(no page)');
      console.error(`--- page: ${main?.slice(0, 800)}\n--- server page: ${onServer?.slice(0, 800) ?? '(not opened)'}\n--- engine (tail):\n${tail(engine)}\n--- server engine (tail):\n${tail(serverEngine)}`);
    });
  });

  it('happy path: 修復済み from the real registry and services, the report under C:\\ProgramData\\ApexCertFix\\reports', async () => {
    const before = new Set(reports(l));
    await diagnosed(page);
    await repairWithPassword(page, ja, PASSWORD, source);
    await see(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed', SLOW);
    expect(readFileSync(agentCertificatePath(l))).toEqual(certificate(l, 'server'));
    expect([serviceState(l, 'tmlisten'), serviceState(l, 'ntrtscan')]).toEqual([4, 4]);
    const written = reports(l).filter((f) => !before.has(f));
    expect(written.map((f) => path.extname(f)).sort()).toEqual(['.json', '.txt']);
    const json = JSON.parse(readFileSync(written.find((f) => f.endsWith('.json'))!, 'utf8').replace(/^\ufeff/, ''));
    expect(json).toMatchObject({ outcome: 'fixed', platform: 'windows' });
    await see(page.getByTestId('report-path')).toContainText('C:\\ProgramData\\ApexCertFix\\reports');
    for (const text of [frames.join('\n'), ...written.map((f) => readFileSync(f, 'utf8'))]) {
      expect(text).not.toContain('パス" & ワード');
      expect(text).not.toContain('Tr3nd!');
    }
  });

  it('a wrong password, then the right one: not fixed, then 修復済み', async () => {
    resetAgent(l, { password: PASSWORD });
    await startOver(page, ja);
    await diagnosed(page);
    await repairWithPassword(page, ja, WRONG, source);
    await see(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'failed', SLOW);
    expect(readFileSync(agentCertificatePath(l))).toEqual(certificate(l, 'old'));
    await retryWithPassword(page, ja, PASSWORD);
    await see(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed', SLOW);
    expect(readFileSync(agentCertificatePath(l))).toEqual(certificate(l, 'server'));
    expect(frames.join('\n')).not.toContain('Tr3nd!');
  });

  it('a reload during a hanging IpXfer comes back to the run; cancel names the stopped services, and the button starts them again', async () => {
    resetAgent(l, { hang: true });
    await startOver(page, ja);
    await toRunStep(page, ja, source);
    await runWithoutPassword(page, ja);
    const log = page.getByTestId('log');
    // The fake IpXfer has stopped both services and now waits forever (with a helper of its own).
    await see(log).toContainText('サーバからの応答を待っています', SLOW);
    expect([serviceState(l, 'tmlisten'), serviceState(l, 'ntrtscan')]).toEqual([1, 1]);
    await page.reload();
    // The engine kept the run: the page shows it again with the log so far.
    await see(page.getByRole('heading', { name: 'IpXferの実行' })).toBeVisible();
    await see(log).toContainText('IpXfer (テスト用の偽物) を開始します。');
    await see(page.getByTestId('elapsed')).toBeVisible();
    await cancelRun(page, ja);
    const verdict = page.getByTestId('verdict');
    await see(verdict).toHaveAttribute('data-outcome', 'cancelled', SLOW);
    await see(verdict).toContainText('tmlisten');
    await see(verdict).toContainText('ntrtscan');
    // IpXfer and the helper it started are gone.
    expect(processesMentioning(l, 'IpXfer')).toEqual([]);
    await startServicesButton(page, ja).click();
    await see(startServicesButton(page, ja)).toHaveCount(0, SLOW);
    await see(verdict).not.toContainText('ntrtscan', SLOW);
    // Started through the real service manager (sc.exe says so); a service may still be starting.
    await expect.poll(() => [serviceState(l, 'tmlisten'), serviceState(l, 'ntrtscan')], { timeout: 60_000 }).toEqual([4, 4]);
  });

  it('the server screen on an Apex One server: CertificateManager lists the mismatched agents', async () => {
    // This PC is now also the server: PCCSRV where KB 1102855 puts it, with the CertificateManager stand-in.
    const pccsrv = path.join(l.driveC, 'Program Files (x86)', 'Trend Micro', 'Apex One', 'PCCSRV');
    const manager = path.join(pccsrv, 'Admin', 'Utility', 'CertificateManager');
    mkdirSync(manager, { recursive: true });
    copyFileSync(path.join(l.driveC, 'lane', 'bin', 'CertificateManager.exe'), path.join(manager, 'CertificateManager.exe'));
    mkdirSync(path.join(pccsrv, 'Pccnt', 'Common'), { recursive: true });
    copyFileSync(path.join(l.dir, 'server.der'), path.join(pccsrv, 'Pccnt', 'Common', 'OfcNTCer.dat'));
    try {
      serverEngine = await startGuiEngine(l, { settleS: 5 });
      const server = await open(serverEngine.url);
      serverPage = server;
      await see(server.getByTestId('local-server')).toBeVisible();
      await listMismatchedAgents(server, ja);
      await see(server.getByTestId('agent-count')).toContainText('2', SLOW);
      const table = server.getByTestId('agents-table');
      await see(table.locator('thead th').first()).toHaveText('コンピュータ名');
      await see(table).toContainText('PC-営業-01');
    } finally {
      rmSync(path.join(l.driveC, 'Program Files (x86)', 'Trend Micro', 'Apex One'), { recursive: true, force: true });
    }
  });
});
