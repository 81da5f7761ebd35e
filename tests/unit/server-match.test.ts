/**
 * Issue 18 §2: the certificate goes to the agent's own server. The rules on names and addresses,
 * then the whole flow on a simulated PC: the CLI refuses another server's files (exit 2, nothing
 * copied or run, both names said) unless --allow-other-server, which the report records; the
 * wizard's session takes the confirmation; a local folder's plan names the agent's server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCertificate, windowsThumbprint } from '../../electron/core/certificate.js';
import { makeKit } from '../../electron/core/kit.js';
import { detectServerBuild } from '../../electron/core/server-build.js';
import { matchServers, sourceServer, uncHost, type HostResolver } from '../../electron/core/server-match.js';
import { SessionContext } from '../../electron/core/session/context.js';
import { RepairSession } from '../../electron/core/session/repair-session.js';
import { readServerCertificate } from '../../electron/core/session/server-certificate.js';
import { resolveSource } from '../../electron/core/source.js';
import { parseProfile, SimulatedPlatform } from '../../electron/platform/simulated.js';
import { runCli } from '../fixtures/cli.js';
import { makeWorld, type World } from '../fixtures/world.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

const DNS: Record<string, string[]> = {
  'apexsrv.corp.example': ['10.0.0.5'],
  apexsrv: ['10.0.0.5'],
  'apex-alias.corp.example': ['10.0.0.5'],
  'apex-old.corp.example': ['10.0.0.9'],
};
const resolver: HostResolver = async (name) => DNS[name.toLowerCase()] ?? null;
const verdict = async (source: string | null, agent: string | null) => (await matchServers(source, agent, true, resolver)).verdict;

describe('whose server: the rules', () => {
  it('names compare without case; a short name equals its FQDN\'s first label, either way round', async () => {
    expect(await verdict('APEXSRV', 'apexsrv')).toBe('same');
    expect(await verdict('apexsrv', 'ApexSrv.corp.example')).toBe('same');
    expect(await verdict('apexsrv.corp.example.', 'apexsrv')).toBe('same');
    // Two FQDNs must be equal whole: the first label alone is not enough.
    expect(await verdict('apexsrv.corp.example', 'apexsrv.other.example')).toBe('different');
    expect(await verdict('apex-old', 'apexsrv')).toBe('different');
  });

  it('an address and a name are compared by resolving the name; unresolvable is "cannot tell"', async () => {
    expect(await verdict('10.0.0.5', 'apexsrv.corp.example')).toBe('same');
    expect(await verdict('apexsrv', '10.0.0.5')).toBe('same');
    expect(await verdict('10.0.0.9', 'apexsrv')).toBe('different');
    expect(await matchServers('10.0.0.5', 'nowhere', true, resolver)).toMatchObject({ verdict: 'unknown', how: 'not-resolved' });
    expect(await verdict('10.0.0.5', '10.0.0.5')).toBe('same');
    expect(await verdict('10.0.0.5', '10.0.0.9')).toBe('different');
  });

  it('two names that resolve to one address are one server (an alias)', async () => {
    expect(await verdict('apex-alias.corp.example', 'apexsrv')).toBe('same');
    expect(await verdict('apex-old.corp.example', 'apexsrv')).toBe('different');
  });

  it('an agent without a registered Server cannot be compared; a local folder names no server; no agent, nothing to compare', async () => {
    expect(await matchServers('apexsrv', null, true, resolver)).toMatchObject({ verdict: 'unknown', how: 'agent-has-no-server' });
    expect(await verdict(null, 'apexsrv')).toBe('no-server');
    expect((await matchServers('apexsrv', null, false, resolver)).verdict).toBe('no-agent');
  });

  it('the source\'s server: a UNC host, or the host a kit was made from (its input, else its root)', () => {
    expect(uncHost('\\\\ApexSrv\\ofcscan')).toBe('ApexSrv');
    expect(uncHost('"\\\\apexsrv\\c$\\Program Files (x86)\\Trend Micro\\Apex One"')).toBe('apexsrv');
    expect(uncHost('//apexsrv/ofcscan')).toBe('apexsrv');
    expect(uncHost('D:\\copies\\PCCSRV')).toBeNull();
    expect(uncHost('\\\\?\\UNC\\apexsrv\\ofcscan')).toBe('apexsrv');
    expect(uncHost('\\\\?\\C:\\copies\\PCCSRV')).toBeNull();
    expect(uncHost('/home/me/PCCSRV')).toBeNull();
    const kit = (createdInput: string, createdFrom: string) => ({ root: 'E:\\ApexCertFix-kit', kit: { folder: 'E:\\ApexCertFix-kit', createdAt: '', createdInput, createdFrom, build: null } });
    expect(sourceServer(kit('\\\\old-srv', '\\\\old-srv\\ofcscan'))).toBe('old-srv');
    expect(sourceServer(kit('D:\\PCCSRV', 'D:\\PCCSRV'))).toBeNull();
    expect(sourceServer({ root: '\\\\srv\\ofcscan' })).toBe('srv');
  });

  it('the simulation profile\'s network: names resolve only as declared; a bad entry names the field', async () => {
    const base = { arch: 'x64', elevated: true, agent: null, shares: {} };
    const p = new SimulatedPlatform(parseProfile({ ...base, hosts: { ApexSrv: ['10.0.0.5'] } }, 'p.json', '/'));
    expect(await p.resolveHost('apexsrv')).toEqual(['10.0.0.5']);
    expect(await p.resolveHost('APEXSRV.')).toEqual(['10.0.0.5']);
    expect(await p.resolveHost('other')).toBeNull();
    expect(() => parseProfile({ ...base, hosts: { apexsrv: ['not-an-address'] } }, 'p.json', '/')).toThrow('"hosts.apexsrv" must be a list of IP addresses');
  });

  it('the thumbprint as Windows\' certificate dialog shows it: lower-case hex pairs', () => {
    expect(windowsThumbprint('A909502DD82AE41433E6F83886B00D4277A32A7B')).toBe('a9 09 50 2d d8 2a e4 14 33 e6 f8 38 86 b0 0d 42 77 a3 2a 7b');
  });
});

/** The world's PC with the agent registered to `server` (and the simulated network's `hosts`). */
async function worldWithAgentServer(server: string | null, hosts: Record<string, string[]> = {}): Promise<World> {
  return (world = await makeWorld({ agentServer: server, hosts }));
}

function fix(w: World, source: string, extra: string[] = []) {
  return runCli(['fix', '--simulate', w.profile, '--source', source, '--work-dir', w.workBase, '--reports-dir', w.reportsDir, '--json', '--lang', 'en', '--allow-unverified-publisher', ...extra]);
}

describe('another server\'s files, on a simulated PC', () => {
  it('the CLI refuses them: exit 2, both names said, nothing copied or run, a report saying why', async () => {
    const w = await worldWithAgentServer('apexsrv01');
    const r = await fix(w, '\\\\srv');
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.error.code).toBe('server-mismatch');
    expect(report.server).toMatchObject({ source: 'srv', agent: 'apexsrv01', verdict: 'different', allowed: false });
    expect(r.stderr).toContain('The files come from srv, but this agent reports to apexsrv01');
    expect(await w.workFiles()).toEqual([]);
    expect(existsSync(w.record)).toBe(false);
  });

  it('--allow-other-server goes on, and the report and the plan say so', async () => {
    const w = await worldWithAgentServer('apexsrv01');
    const r = await fix(w, '\\\\srv', ['--allow-other-server']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.outcome).toBe('fixed');
    expect(report.server).toMatchObject({ source: 'srv', agent: 'apexsrv01', verdict: 'different', allowed: true });
    expect(report.plan.notes.join('\n')).toContain('These files are from srv, but this agent reports to apexsrv01: you confirmed using them');
    expect(existsSync(w.record)).toBe(true);
  });

  it('when it cannot be told (the agent has no Server registered), the same refusal says so', async () => {
    const w = await worldWithAgentServer(null);
    const r = await fix(w, '\\\\srv', ['--lang', 'ja']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('server-mismatch');
    expect(r.stderr).toContain('同じサーバか判断できません');
    expect(existsSync(w.record)).toBe(false);
  });

  it('the agent\'s server by address, the share by name: resolved through the simulated network, it is the same server', async () => {
    const w = await worldWithAgentServer('192.168.10.5', { SRV: ['192.168.10.5'] });
    const s = new RepairSession(new SessionContext({ platform: w.platform, lang: 'en', workBase: w.workBase, reportsDir: w.reportsDir, settleMs: 0 }));
    expect(await s.setSource('\\\\srv')).toBe(true);
    expect(s.state.serverMatch).toMatchObject({ verdict: 'same', how: 'address' });
  });

  it('inspect shows the certificate\'s thumbprint as Windows shows it', async () => {
    const w = (world = await makeWorld());
    const r = await runCli(['inspect', '--simulate', w.profile, '--source', '\\\\srv', '--allow-unverified-publisher', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr + r.stdout).toContain(`SHA-1 thumbprint: ${windowsThumbprint(parseCertificate(w.server.der).sha1)}`);
  });

  it('the wizard\'s session: refused first (both names in the state), then the confirmation goes on and is recorded', async () => {
    const w = await worldWithAgentServer('apexsrv01');
    const s = new RepairSession(new SessionContext({ platform: w.platform, lang: 'en', workBase: w.workBase, reportsDir: w.reportsDir, settleMs: 0 }));
    expect(await s.setSource('\\\\srv', 12000)).toBe(false);
    expect(s.state.error?.details).toEqual({ code: 'server-mismatch', source: 'srv', agent: 'apexsrv01', unknown: false });
    expect(s.state.plan).toBeNull();
    expect(await s.collect()).toBe(false);
    expect(await w.workFiles()).toEqual([]);

    expect(await s.allowOtherServer()).toBe(true);
    expect(s.state.serverMatch).toMatchObject({ allowed: true });
    // The build the user named stays with the confirmation.
    expect(s.state.serverBuild?.value).toBe(12000);
    expect(await s.collect()).toBe(true);
    expect(await s.run(null, { allowUnverifiedPublisher: true })).toBe(true);
    const report = JSON.parse(await readFile(s.state.report!.json, 'utf8'));
    expect(report.server).toMatchObject({ source: 'srv', agent: 'apexsrv01', allowed: true });
  });

  it('an old kit made from another server is refused the same way', async () => {
    const w = await worldWithAgentServer('apexsrv01');
    const files = await resolveSource(w.platform, '\\\\srv');
    const build = await detectServerBuild({ files, fileArch: 'x64', override: null, agentBuild: null });
    const certificate = (await readServerCertificate(files)).certificate;
    const { folder } = await makeKit({ files, build, certificate, outDir: path.join(w.dir, 'stick'), version: 'test', now: new Date() });
    const r = await fix(w, folder);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'server-mismatch' });
    expect(r.stderr).toContain('srv');
    expect(r.stderr).toContain('apexsrv01');
  });

  it('a local folder (a copied PCCSRV) names no server: the plan says so and names the agent\'s server', async () => {
    const w = (world = await makeWorld());
    const copy = path.join(w.dir, 'copied', 'PCCSRV');
    await cp(w.pccsrv, copy, { recursive: true });
    const r = await runCli(['inspect', '--simulate', w.profile, '--source', copy, '--allow-unverified-publisher', '--json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.server).toMatchObject({ source: null, agent: 'srv', verdict: 'no-server' });
    expect(report.plan.notes[0]).toContain('names no server: make sure they are from srv, the server this agent reports to');
  });
});
