/**
 * `inspect` predicts `fix`: it checks who signed the source's programs where they are (copying
 * nothing), so "ready" (0) means fix would run and 2 means fix would refuse the same way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { runCli } from '../fixtures/cli.js';
import { makeWorld, type World } from '../fixtures/world.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

const inspect = (w: World, ...extra: string[]) => runCli(['inspect', '--simulate', w.profile, '--source', '\\\\srv', '--work-dir', w.workBase, '--reports-dir', w.reportsDir, ...extra]);
const fix = (w: World, ...extra: string[]) => runCli(['fix', '--simulate', w.profile, '--source', '\\\\srv', '--work-dir', w.workBase, '--reports-dir', w.reportsDir, ...extra]);

describe('inspect says what fix will do about an IpXfer not signed by Trend Micro', () => {
  it('exits 2 where fix refuses, naming the program and the override; copies nothing; --json has the publisher checks', async () => {
    world = await makeWorld();
    const r = await inspect(world, '--json', '--lang', 'en');
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ mode: 'inspect', outcome: 'bad-input', error: { code: 'publisher-untrusted' } });
    expect(report.publisher.checks[0]).toMatchObject({ name: 'IpXfer_x64.exe', outcome: 'unsigned' });
    expect(report.publisher.override).toBe(false);
    expect(r.stderr).toMatch(/IpXfer_x64\.exe is not signed[\s\S]*--allow-unverified-publisher/);
    expect(await world.workFiles()).toEqual([]);
    expect(existsSync(world.record)).toBe(false);
    // fix on the same PC refuses with the same exit code: inspect did predict it.
    expect((await fix(world, '--password-stdin', '--lang', 'en')).code).toBe(2);
  });

  it('with --allow-unverified-publisher: ready (0), the override recorded, still nothing copied', async () => {
    world = await makeWorld();
    const r = await inspect(world, '--allow-unverified-publisher', '--json', '--lang', 'en');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ mode: 'inspect', outcome: 'ready', error: null, publisher: { allTrusted: false, override: true } });
    expect(await world.workFiles()).toEqual([]);
    expect(existsSync(world.record)).toBe(false);
  });

  it('says it in Japanese on screen, with who signed each program', async () => {
    world = await makeWorld();
    const r = await inspect(world, '--lang', 'ja');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('IpXfer_x64.exe');
    expect(r.stdout + r.stderr).toContain('--allow-unverified-publisher');
    expect(r.stdout).not.toContain('準備完了');
  });
});

describe('fix says what happened to the working folder', () => {
  it('removed after a fixed run, in English and Japanese', async () => {
    for (const [lang, said] of [['en', /The working folder .* was removed/], ['ja', /作業フォルダ .* は削除しました/]] as const) {
      world = await makeWorld();
      const r = await fix(world, '--allow-unverified-publisher', '--lang', lang);
      expect(r.code, lang).toBe(0);
      expect(r.stdout, lang).toMatch(said);
      await world.cleanup();
      world = null;
    }
  });

  it('kept, and where, after a run that did not fix the agent', async () => {
    world = await makeWorld({ behaviour: { password: 'right-one' } });
    const r = await runCli(['fix', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', world.workBase, '--reports-dir', world.reportsDir, '--allow-unverified-publisher', '--password-stdin', '--lang', 'en'], { input: 'wrong-one\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/The working folder .* was kept, for diagnosis/);
  });
});

describe('npm run demo:cli', () => {
  it('speaks the language asked for from its first line: the password note in Japanese', async () => {
    const { execa } = await import('execa');
    const { mkdtemp, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const { CLI } = await import('../fixtures/cli.js');
    // Its training world and working folders go below a temporary folder of this test's own.
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'demo-cli-'));
    try {
      const r = await execa(process.execPath, [path.join(path.dirname(CLI), 'demo.js'), '--lang', 'ja'], { reject: false, env: { TMPDIR: tmp, LANG: 'en_US.UTF-8' }, timeout: 60_000 });
      const first = String(r.stdout).split('\n')[0]!;
      expect(first).toContain('（アンロードパスワード「trend」を標準入力から渡します）');
      expect(first).not.toContain('on stdin');
      expect(String(r.stdout)).toMatch(/作業フォルダ .* は削除しました/);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 90_000);
});
