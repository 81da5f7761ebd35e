import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../fixtures/cli.js';
import { makeWorld, type World, type WorldOptions } from '../fixtures/world.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function attempt(o: WorldOptions, extra: string[] = [], source = '\\\\srv', lang = 'en') {
  world = await makeWorld(o);
  const r = await runCli(['fix', '--simulate', world.profile, '--source', source, '--work-dir', world.workBase, '--reports-dir', world.reportsDir, '--lang', lang, ...extra]);
  return { ...r, w: world };
}

/** Nothing copied, nothing run, no report: the PC is as it was. */
async function expectUntouched(w: World) {
  expect(await w.workFiles()).toEqual([]);
  expect(existsSync(w.record)).toBe(false);
  expect(existsSync(w.reportsDir)).toBe(false);
  expect(await readFile(path.join(w.agentDir, 'OfcNTCer.dat'))).toEqual(w.old.der);
}

describe('bad input exits 2, names the problem, and changes nothing', () => {
  const cases: [string, WorldOptions, string[], string, RegExp][] = [
    ['an unknown server', {}, [], '\\\\nosuch', /No Apex One server files.*\\\\nosuch[\s\S]*\\\\nosuch\\ofcscan: cannot be reached/],
    ['a missing certificate', { certificate: 'missing' }, [], '\\\\srv\\ofcscan', /certificate was not found: \\\\srv\\ofcscan\\Pccnt\\Common\\OfcNTCer\.dat/],
    ['a garbage certificate', { certificate: 'garbage' }, [], '\\\\srv', /OfcNTCer\.dat is not a usable certificate/],
    ['an empty certificate', { certificate: 'empty' }, [], '\\\\srv', /is not a usable certificate \(the file is empty\)/],
    ['no IpXfer for this bitness', { tree: { ipxfer: ['x86'] } }, [], '\\\\srv\\ofcscan', /IpXfer_x64\.exe was not found in \\\\srv\\ofcscan\\Admin\\Utility\\IpXfer/],
    ['build 12526 without DatFHS', {}, ['--server-build', '12526'], '\\\\srv', /build 12526 .*DatFHS_x64\.dll must go with IpXfer/],
  ];
  for (const [name, o, extra, source, message] of cases) {
    it(name, async () => {
      const { code, stderr, stdout, w } = await attempt(o, extra, source);
      expect(code).toBe(2);
      expect(stdout + stderr).toMatch(message);
      await expectUntouched(w);
    });
  }

  it('in Japanese when asked', async () => {
    const { code, stdout } = await attempt({ certificate: 'missing' }, [], '\\\\srv\\ofcscan', 'ja');
    expect(code).toBe(2);
    expect(stdout).toContain('サーバ証明書が見つかりません');
  });

  it('--json still prints exactly one JSON document, with the error', async () => {
    const { code, stdout, stderr, w } = await attempt({}, ['--json'], '\\\\nosuch');
    expect(code).toBe(2);
    const report = JSON.parse(stdout);
    expect(report.outcome).toBe('bad-input');
    expect(report.error.code).toBe('source-not-found');
    expect(report.source.tried).toHaveLength(5);
    expect(stderr).toContain('No Apex One server files');
    await expectUntouched(w);
  });
});

describe('option mistakes exit 2 with a message naming the option', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', ['--source', 'x'], /command "" is not valid: expected inspect, fix, kit, mismatched-agents, publisher or summarize/],
    ['an unknown command', ['repair', '--source', 'x'], /command "repair" is not valid/],
    ['no source', ['fix'], /Enter where the server files are/],
    ['a bad --arch', ['fix', '--source', 'x', '--arch', 'amd64'], /--arch "amd64" is not valid: expected x86, x64, arm64/],
    ['a bad --timeout', ['fix', '--source', 'x', '--timeout', '5s'], /--timeout "5s" is not valid: expected seconds from 1 to 86400/],
    ['a bad --server-build', ['fix', '--source', 'x', '--server-build', 'abc'], /--server-build "abc" is not valid/],
    ['a bad --lang', ['fix', '--source', 'x', '--lang', 'fr'], /--lang "fr" is not valid: expected ja, en/],
    ['--lang without its value', ['inspect', '--source', 'x', '--lang'], /^--lang needs a value after it\. See --help for the options\.$/m],
    ['--lang given twice: the last one words the refusal too', ['inspect', '--lang=ja', '--lang', 'en', '--bogus'], /There is no option --bogus\. See --help/],
    ['a bad --lang on a command that takes files', ['publisher', 'IpXfer_x64.exe', '--lang', 'fr'], /--lang "fr" is not valid: expected ja, en/],
    ['an unknown option', ['fix', '--source', 'x', '--frobnicate'], /There is no option --frobnicate\. See --help/],
    ['a mistyped option is named, with the one meant', ['fix', '--sourc', 'x'], /There is no option --sourc: did you mean --source\?/],
    ['a password on the command line', ['fix', '--source', 'x', '--password', 'secret'], /never taken on the command line: use --password-stdin/],
    ['an option the command does not use', ['fix', '--source', 'x', '--out', 'E:\\'], /--out "E:\\" is not valid: expected an option of kit, mismatched-agents only/],
    ['an unquoted path with spaces', ['fix', '--source', 'C:\\Program', 'Files'], /quote a path that contains spaces/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr + r.stdout).not.toContain('secret');
    });
  }

  it('publisher: a program that is not there is named with its OS error in words, in either language', async () => {
    for (const [lang, said] of [['en', 'not found (ENOENT)'], ['ja', '見つかりません（ENOENT）']] as const) {
      const r = await runCli(['publisher', '/nonexistent/IpXfer_x64.exe', '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain(`/nonexistent/IpXfer_x64.exe: ${said}`);
    }
  });

  it('a simulation profile with a mistake names the field', async () => {
    world = await makeWorld();
    await writeFile(world.profile, JSON.stringify({ arch: 'x65', elevated: true }));
    const r = await runCli(['inspect', '--simulate', world.profile, '--source', '\\\\srv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"arch" must be "x86", "x64", "arm64" or "unsupported"/);
  });

  it('a simulation profile that does not exist', async () => {
    const r = await runCli(['inspect', '--simulate', '/nonexistent/profile.json', '--source', '\\\\srv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/profile \/nonexistent\/profile\.json is not usable: cannot be read \(ENOENT\)/);
  });

  it('--help prints the usage in the chosen language', async () => {
    expect((await runCli(['--help', '--lang', 'ja'])).stdout).toContain('使い方');
    const en = await runCli(['--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('--password-stdin');
  });

  it('a mistyped option is named in Japanese too, never as an empty value', async () => {
    const r = await runCli(['inspect', '--sourc', '\\\\srv', '--lang', 'ja']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sourc というオプションはありません。--source のことですか？');
    expect(r.stderr).not.toContain('値「」');
  });

  it('--help lists every exit code, --force, --settle, --allow-other-server and the real --work-dir default, in both languages', async () => {
    for (const lang of ['en', 'ja']) {
      const { stdout, code } = await runCli(['--help', '--lang', lang]);
      expect(code).toBe(0);
      for (const option of ['--force', '--settle SECONDS', '--allow-other-server', '--allow-unverified-publisher', '--server-dir DIR', '--csv FILE', '--targets-out FILE']) expect(stdout, `${lang} ${option}`).toContain(option);
      expect(stdout).toContain('%ProgramData%\\ApexCertFix\\work');
      for (const exit of ['0 ', '1 ', '2 ', '3 ', '4 ', '5 ', '6 ', '7 ']) expect(stdout, `${lang} exit ${exit}`).toMatch(new RegExp(`(: |· |\\n)${exit}`));
      expect(stdout).not.toContain('サーバー');
    }
  });
});

describe('this PC not ready: exit 3, before the share is read', () => {
  it('not elevated', async () => {
    const { code, stdout, w } = await attempt({ elevated: false });
    expect(code).toBe(3);
    expect(stdout).toMatch(/Administrator rights are needed/);
    await expectUntouched(w);
  });

  it('no agent installed', async () => {
    const { code, stdout } = await attempt({ agent: false });
    expect(code).toBe(3);
    expect(stdout).toMatch(/No Apex One security agent is installed/);
  });

  it('an OS whose bitness is unknown', async () => {
    const { code, stdout } = await attempt({ arch: 'unsupported' });
    expect(code).toBe(3);
    expect(stdout).toMatch(/bitness of this Windows/);
  });

  it('not Windows and no --simulate: says to use the training mode', async () => {
    const r = await runCli(['fix', '--source', '\\\\srv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/--simulate/);
  });

  it('in Japanese by default on a Japanese system', async () => {
    const r = await runCli(['fix', '--source', '\\\\srv'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(r.stderr).toContain('Windowsではありません');
  });
});

describe('apex-cert-fix inspect', () => {
  it('shows environment, source, build, certificate and plan, and changes nothing', async () => {
    world = await makeWorld({ tree: { datfhs: ['x64'] }, agentBuild: 12526 });
    const r = await runCli(['inspect', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', world.workBase, '--reports-dir', world.reportsDir, '--allow-unverified-publisher', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.mode).toBe('inspect');
    expect(report.outcome).toBe('ready');
    expect(report.plan.files.map((f: { name: string }) => f.name)).toEqual(['OfcNTCer.dat', 'IpXfer_x64.exe', 'DatFHS_x64.dll']);
    expect(report.certificate.subject).toBe('CN=OfficeScan Server NTSG');
    expect(report.agent.certificateBefore.matchesServer).toBe(false);
    expect(report.serverBuild.evidence.map((e: { kind: string }) => e.kind)).toEqual(['datfhs-present', 'agent-build']);
    expect(r.stderr).toContain('DatFHS_x64.dll');
    await expectUntouched(world);
  });

  it('reports a PC that is not ready with exit 3, after showing the plan', async () => {
    world = await makeWorld({ elevated: false });
    const r = await runCli(['inspect', '--simulate', world.profile, '--source', '\\\\srv', '--json']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.outcome).toBe('environment');
    expect(report.plan.files).toHaveLength(2);
  });

  it('--arch overrides the detected bitness', async () => {
    world = await makeWorld({ arch: 'x64' });
    const r = await runCli(['inspect', '--simulate', world.profile, '--source', '\\\\srv', '--arch', 'x86', '--json']);
    const report = JSON.parse(r.stdout);
    expect(report.computer).toMatchObject({ arch: 'x86', detectedArch: 'x64' });
    expect(report.plan.files[1].name).toBe('IpXfer.exe');
  });
});

describe('a copy that fails midway', () => {
  it('removes the working folder and runs nothing', async () => {
    // The share loses IpXfer between planning and copying: collect must clean up after itself.
    const { collectFiles } = await import('../../electron/core/collect.js');
    const { resolveSource } = await import('../../electron/core/source.js');
    const { planFiles } = await import('../../electron/core/plan.js');
    world = await makeWorld();
    const files = await resolveSource(world.platform, '\\\\srv');
    const plan = planFiles(files, 'x64', { value: 12000, evidence: [], needsDatFhs: false });
    // Still there for the size check, unreadable as a file once copying starts (after the certificate).
    await rm(files.ipxfer.x64!.local);
    await mkdir(files.ipxfer.x64!.local);
    await expect(collectFiles({ plan, workBase: world.workBase, now: new Date() })).rejects.toMatchObject({ details: { code: 'copy-failed' } });
    expect(existsSync(world.workBase)).toBe(true);
    expect(await world.workFiles()).toEqual([]);
  });
});
