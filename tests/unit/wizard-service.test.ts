/**
 * What every UI host does for a page: a page that says hello gets the session as it is now (view
 * and output so far), the first look at the PC also compares the agent's certificate with the
 * server's, and the recent sources are only what the user typed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputBatch, WizardView } from '../../electron/contract/index.js';
import { SessionContext } from '../../electron/core/session/context.js';
import { WizardService } from '../../electron/hosts/wizard-service.js';
import { messages } from '../../electron/core/messages.js';
import { makeWorld, type World, type WorldOptions } from '../fixtures/world.js';

let world: World | null = null;
let service: WizardService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
  await world?.cleanup();
  world = null;
});

async function start(o: WorldOptions = {}, lang: 'ja' | 'en' = 'en', onView: (v: WizardView) => void = () => undefined) {
  world = await makeWorld(o);
  const views: WizardView[] = [];
  const batches: OutputBatch[] = [];
  const settingsFile = path.join(world.dir, 'settings.json');
  service = new WizardService({
    context: new SessionContext({ platform: world.platform, lang, workBase: world.workBase, reportsDir: world.reportsDir, settleMs: 0 }),
    info: { kind: 'browser', simulated: true, kitBesideApp: null, version: 'test' },
    settingsFile,
    onView: (v) => {
      views.push(v);
      onView(v);
    },
    onOutput: (b) => batches.push(b),
    outputBatchMs: 1,
  });
  return { service, views, batches, settingsFile, w: world };
}

describe('WizardService', () => {
  it('closing while IpXfer runs (the window closed, training stopped with Ctrl+C) returns only once IpXfer has stopped and the run has ended', async () => {
    const { service, w } = await start({ behaviour: { hang: true } });
    await service.handle('detect', []);
    const repair = service.handle('repair', [null, true, false]);
    const started = Date.now();
    while (service.repair.state.phase !== 'ipxfer' || !service.repair.state.running) {
      if (Date.now() - started > 20_000) throw new Error('IpXfer did not start');
      await new Promise((r) => setTimeout(r, 20));
    }
    await service.close();
    // Nothing runs any more: the folder it used can be removed, and it stays removed.
    expect(service.busy).toBe(false);
    await repair.catch(() => undefined);
    expect(service.repair.state.outcome).toBe('cancelled');
    await w.cleanup();
    expect(existsSync(w.dir)).toBe(false);
  });

  it('each view says which steps are open and where the session is: a page that (re)connects lands there', async () => {
    const { service } = await start();
    const steps = () => service.view().steps;
    expect(steps()).toMatchObject({ at: 'pc', open: { pc: true, server: false, collect: false, run: false, result: false, guide: true, agents: false }, onServer: false });
    await service.handle('detect', []);
    // The first look also checked the agent's server: the first screen holds the plan (a reload stays there, never on step 2).
    expect(steps()).toMatchObject({ at: 'pc', open: { server: true, collect: true, run: false, result: false } });
    await service.handle('collect', [false]);
    expect(steps()).toMatchObject({ at: 'pc', open: { run: true, result: false } });
    await service.handle('run', [null, true]);
    // After a result, steps 3 and 4 are closed: their copies ran (or are gone).
    expect(steps()).toMatchObject({ at: 'result', open: { result: true, collect: false, run: false } });
    await service.handle('newRepair', []);
    expect(steps().open.result).toBe(false);
  });

  it('one repair intent: copy → checks → IpXfer → verify on one screen, a publisher refusal stopping before anything runs', async () => {
    const { service, w } = await start();
    await service.handle('detect', []);
    expect(service.view().state.available.repair).toBe(true);
    const phases: (string | null)[] = [];
    service.repair.onState((s) => phases.at(-1) !== s.phase && phases.push(s.phase));
    // The stand-in is not signed: without the confirmation nothing runs, and the copies stay for it.
    await service.handle('repair', [null, false, false]);
    expect(service.view().state.error?.code).toBe('publisher-untrusted');
    expect(service.view().state.run).toBeNull();
    expect(service.view().steps.at).toBe('pc');
    const copies = service.view().state.collect.workDir;
    expect(copies).not.toBeNull();
    await service.handle('repair', [null, true, false]);
    expect(service.view().state.outcome).toBe('fixed');
    expect(service.view().state.collect.workDir).toBe(copies);
    expect(phases).toEqual(expect.arrayContaining(['copy', 'checks', 'ipxfer', 'verify']));
    expect(phases.indexOf('copy')).toBeLessThan(phases.indexOf('ipxfer'));
    // After 修復済み nothing offers to run again on the removed folder; the diagnosis is what is true now.
    const st = service.view().state;
    expect(st.available.run).toBe(false);
    expect(st.available.repair).toBe(false);
    expect(st.available.repairForce).toBe(true);
    expect(service.view().text.diagnosis?.matches).toBe(true);
    const report = st.report?.json;
    await expect(service.repair.run(null, { allowUnverifiedPublisher: true })).resolves.toBe(false);
    // The refused run did not take the result away.
    expect(service.view().state.outcome).toBe('fixed');
    expect(service.view().state.report?.json).toBe(report);
    void w;
  });

  it('a service stopped before the run is in the diagnosis, and the result tells "stopped before" from "stopped during"', async () => {
    const { service } = await start({ services: { ntrtscan: 'stopped', tmlisten: 'running' } });
    await service.handle('detect', []);
    expect(service.view().state.agentCertificateBefore?.servicesDown).toEqual(['ntrtscan']);
    expect(service.view().text.diagnosis?.short).toContain('Apex One NT RealTime Scan (ntrtscan) was already stopped before the repair');
    await service.handle('repair', [null, true, false]);
    const st = service.view().state;
    expect(st.run?.exitCode).toBe(0);
    expect(st.servicesAfter).toEqual({ before: ['ntrtscan'], during: [], runStopped: false });
  });

  it('the training world where IpXfer leaves the services stopped: "stopped during", IpXfer not said to have stopped', async () => {
    const { service, w } = await start();
    const file = path.join(w.dir, 'services.json');
    // The stand-in writes the service states the simulated platform reads: stopped, and left so.
    const { writeServerTree } = await import('../../electron/simulation/server-tree.js');
    await writeServerTree(w.pccsrv, { certificate: w.server.der, behaviour: { agentDir: w.agentDir, servicesFile: file, leaveServicesStopped: true } });
    (w.platform as unknown as { profile: { servicesFile: string } }).profile.servicesFile = file;
    await service.handle('detect', []);
    await service.handle('repair', [null, true, false]);
    const st = service.view().state;
    expect(st.run?.exitCode).toBe(0);
    expect(st.servicesAfter).toEqual({ before: [], during: ['ntrtscan', 'tmlisten'], runStopped: false });
    expect(st.available.startServices).toBe(true);
  });

  it('the server build the user named stays with the session: a later check and a kit use it without the page sending it back', async () => {
    const { service, w } = await start({ tree: { datfhs: ['x64', 'x86'] } });
    await service.handle('detect', []);
    await service.handle('setSource', ['\\\\srv', 13000]);
    expect(service.view().state.serverBuild?.value).toBe(13000);
    await service.handle('setSource', ['\\\\srv']);
    expect(service.view().state.serverBuild).toMatchObject({ value: 13000, evidence: expect.arrayContaining([expect.objectContaining({ kind: 'override', build: 13000 })]) });
    await service.handle('makeKit', ['\\\\srv', path.join(w.dir, 'stick')]);
    expect(service.view().kit.kit?.manifest.serverBuild.value).toBe(13000);
    // null: the user takes it back; the build is worked out from the files again.
    await service.handle('setSource', ['\\\\srv', null]);
    expect(service.view().state.serverBuild?.evidence.some((e) => e.kind === 'override')).toBe(false);
  });

  it('on the Apex One server without an agent: the mismatched agents list and the kit step are open, nothing to repair', async () => {
    const { service } = await start({ serverIsThisPc: true, agent: false, tree: { certificateManager: { list: Buffer.from('Host,IP\r\nPC-07,10.0.0.7\r\n') } } });
    await service.handle('detect', []);
    expect(service.view().steps).toMatchObject({ at: 'pc', onServer: true, open: { agents: true, server: true, collect: false } });
    await service.handle('listMismatchedAgents', []);
    expect(service.view().steps.at).toBe('agents');
  });

  it('the first look at the PC also checks the agent\'s server: the diagnosis is there before anything is asked', async () => {
    const { service, w } = await start();
    await service.handle('detect', []);
    const { state, text } = service.view();
    expect(state.source?.input).toBe('\\\\srv\\ofcscan');
    expect(state.agentCertificateBefore).toMatchObject({ serial: w.old.serial, matchesServer: false });
    expect(text.diagnosis).toMatchObject({ matches: false, short: 'They differ: this is what KB 1102855 repairs.' });
    // Nothing was copied or run by looking.
    expect(await w.workFiles()).toEqual([]);
  });

  it('a host that starts looks at the PC and its server at once, before a page asks; a page\'s own look meanwhile joins it instead of being refused', async () => {
    const { service, w, views } = await start();
    await service.start();
    // The page, loading meanwhile, asks too (a reload, a slow window): the same look, not "busy".
    await service.handle('detect', []);
    await service.lookedAtPc();
    const { state } = service.view();
    expect(state.error).toBeNull();
    expect(state.source?.input).toBe('\\\\srv\\ofcscan');
    expect(state.agentCertificateBefore).toMatchObject({ serial: w.old.serial, matchesServer: false });
    // One look: the PC was read once, the share once.
    expect(views.filter((v) => v.state.busy === 'detect').length).toBeGreaterThan(0);
    expect(views.filter((v, i) => v.state.busy === 'source' && views[i - 1]?.state.busy !== 'source').length).toBe(1);
    // A page that opens during that look (a slow PC: PowerShell, a share) lands on the first screen,
    // which shows the look; a source the user chooses is checked on the Server step.
    expect(views.filter((v) => v.state.busy === 'source').map((v) => v.steps.at)).toEqual(expect.arrayContaining(['pc']));
    expect(views.filter((v) => v.state.busy === 'source').every((v) => v.steps.at === 'pc')).toBe(true);
    const before = views.length;
    await service.handle('setSource', ['\\\\srv', null]);
    expect(views.slice(before).filter((v) => v.state.busy === 'source').map((v) => v.steps.at)).toContain('server');
    expect(await w.workFiles()).toEqual([]);
  });

  it('a host closed while it looks at the PC (the window closed at once) reads nothing more: no source check starts after close', async () => {
    let closing: Promise<void> | null = null;
    // Closed right when the PC is known, before the look goes on to the server's share.
    const { service } = await start({}, 'en', (v) => {
      if (!closing && v.state.environment && v.state.busy === null) closing = service.close();
    });
    await service.start();
    await service.lookedAtPc();
    expect(closing).not.toBeNull();
    await closing;
    expect(service.repair.state.source).toBeNull();
    expect(service.busy).toBe(false);
  });

  it('"repair another PC" pressed while the first look is between the PC and the share gets a look of its own: the new repair knows the PC and its source', async () => {
    let again: Promise<unknown> | null = null;
    const { service } = await start({}, 'en', (v) => {
      if (!again && v.state.environment && v.state.busy === null && !v.state.source) again = service.handle('newRepair', []);
    });
    await service.start();
    await service.lookedAtPc();
    expect(again).not.toBeNull();
    await again;
    await service.lookedAtPc();
    const { state } = service.view();
    expect(state.error).toBeNull();
    expect(state.environment).not.toBeNull();
    expect(state.source?.input).toBe('\\\\srv\\ofcscan');
  });

  it('the diagnosis says when the agent already has the server\'s certificate', async () => {
    const { service } = await start({ agentHasServerCertificate: true }, 'ja');
    await service.handle('detect', []);
    expect(service.view().text.diagnosis).toMatchObject({ matches: true, short: 'エージェントとサーバの証明書は一致しています。修復は不要です。' });
    expect(service.view().state.available.collectForce).toBe(true);
  });

  it('hello re-sends the view and the output kept so far (a reloaded page, a reopened window)', async () => {
    const { service, views, batches } = await start({ behaviour: { lines: ['one', 'two'] } });
    await service.handle('detect', []);
    await service.handle('collect', [false]);
    await service.handle('run', [null, true]);
    expect(service.view().state.outcome).toBe('fixed');
    views.length = 0;
    batches.length = 0;
    await service.handle('hello', []);
    expect(views.at(-1)?.state.outcome).toBe('fixed');
    const last = batches.at(-1)!;
    expect(last.reset).toBe(true);
    expect(last.lines.map((l) => l.text)).toEqual(['one', 'two']);
    expect(views.at(-1)?.text.ticket).toMatch(/^PC-TEST-01 \(Windows x64\)/);
  });

  it('recent sources hold what the user typed, not the pre-filled suggestion', async () => {
    const { service, settingsFile } = await start();
    await service.handle('detect', []);
    await service.handle('setSource', ['\\\\srv\\ofcscan', null]);
    expect(service.info().recentSources).toEqual([]);
    await service.handle('setSource', ['\\\\srv', null]);
    expect(service.info().recentSources).toEqual(['\\\\srv']);
    expect(JSON.parse(await readFile(settingsFile, 'utf8'))).toEqual({ recentSources: ['\\\\srv'] });
  });

  it('"Repair another PC" starts a fresh session in the same language and looks again', async () => {
    const { service } = await start({}, 'ja');
    await service.handle('detect', []);
    await service.handle('collect', [false]);
    await service.handle('run', [null, true]);
    const before = service.repair;
    await service.handle('newRepair', []);
    expect(service.repair).not.toBe(before);
    const { state } = service.view();
    // The agent was fixed by the first repair: the new session says so before anything is asked.
    expect(state).toMatchObject({ lang: 'ja', run: null, finishedAt: null, outcome: 'already-fixed' });
    expect(state.environment?.hostname).toBe('PC-TEST-01');
  });
});

describe('a new repair while a step still runs', () => {
  it('is refused in the session\'s language (Japanese here), naming the step that runs', async () => {
    const { service } = await start({ behaviour: { hang: true } }, 'ja');
    await service.handle('detect', []);
    await service.handle('collect', [false]);
    const running = service.handle('run', [null, true]);
    while (service.view().state.busy !== 'run') await new Promise((r) => setTimeout(r, 10));
    const refusal = await service.handle('newRepair', []).catch((e: unknown) => e);
    const text = service.failureText(refusal);
    expect(text).toBe(messages('ja').error({ code: 'busy', running: 'run' }));
    expect(text).toMatch(/^お待ちください: .+中です。/);
    expect(text).not.toContain('cancel it first');
    await service.handle('cancel', []);
    await running;
  });
});
