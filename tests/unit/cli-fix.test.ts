import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { appendFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { runCli, CLI } from '../fixtures/cli.js';
import { makeWorld, type World, type WorldOptions } from '../fixtures/world.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

const PASSWORD = 'Tr3nd &|^%! "パス" ワード';
/** The fake IpXfer is a script, not a Trend Micro-signed program: these tests run it knowingly. */
const UNVERIFIED = '--allow-unverified-publisher';

async function fix(o: WorldOptions, extra: string[] = [], input = '') {
  world = await makeWorld(o);
  const args = ['fix', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', world.workBase, '--reports-dir', world.reportsDir, '--json', UNVERIFIED, ...extra];
  const r = await runCli(args, { input });
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : null, w: world };
}

async function reportFiles(w: World) {
  const names = (await readdir(w.reportsDir).catch(() => [] as string[])).sort();
  const text = await Promise.all(names.map((n) => readFile(path.join(w.reportsDir, n), 'utf8')));
  return { names, text: text.join('\n') };
}

describe('apex-cert-fix fix', () => {
  it('x64 with an unload password: copies the right files, runs IpXfer_x64, verifies, reports; the password is nowhere', async () => {
    const { code, report, stdout, stderr, w } = await fix({ tree: { datfhs: ['x64'] }, behaviour: { password: PASSWORD, echoArgs: true } }, ['--server-build', '12526', '--password-stdin'], PASSWORD + '\n');
    expect(code).toBe(0);
    expect(report.outcome).toBe('fixed');
    expect(report.files.map((f: { role: string; name: string }) => [f.role, f.name])).toEqual([
      ['certificate', 'OfcNTCer.dat'],
      ['ipxfer', 'IpXfer_x64.exe'],
      ['datfhs', 'DatFHS_x64.dll'],
    ]);
    expect(report.command.args).toEqual(['-e', path.join(report.workDir, 'OfcNTCer.dat'), '-pwd', '********']);
    expect(report.verification.verdict).toBe('fixed');
    // The agent really holds the server's certificate now.
    expect(await readFile(path.join(w.agentDir, 'OfcNTCer.dat'))).toEqual(w.server.der);
    // IpXfer got the password exactly, as one argument, in the working folder.
    const seen = JSON.parse(await readFile(w.record, 'utf8'));
    expect(seen.argv).toEqual(['-e', path.join(report.workDir, 'OfcNTCer.dat'), '-pwd', PASSWORD]);
    expect(seen.cwd).toBe(report.workDir);
    const files = await reportFiles(w);
    expect(files.names).toHaveLength(2);
    // The readable report: what a ticket needs, with the password masked.
    expect(files.text).toContain('Result: Fixed.');
    expect(files.text).toContain('-pwd ********');
    expect(files.text).toMatch(/Checks: Fixed: the agent now has the server's certificate\.\r\n/);
    expect(files.names[0]).toMatch(/^PC-TEST-01_\d{8}-\d{6}\.json$/);
    expect(files.names[1]).toMatch(/^PC-TEST-01_\d{8}-\d{6}\.txt$/);
    for (const text of [stdout, stderr, files.text]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('パス" ワード');
    }
    // IpXfer's echo of its command line held the password: the whole line is hidden, not just the word.
    expect(stderr).toContain('  | ********\n');
    expect(stderr).not.toContain('args: -e');
    expect(stderr).toContain('-pwd ********');
  });

  it('x86 without a password: IpXfer.exe (+ DatFHS.dll) and no -pwd', async () => {
    const { code, report, w } = await fix({ arch: 'x86', tree: { datfhs: ['x86'] } }, ['--server-build', '12600']);
    expect(code).toBe(0);
    expect(report.files.map((f: { name: string }) => f.name)).toEqual(['OfcNTCer.dat', 'IpXfer.exe', 'DatFHS.dll']);
    expect(JSON.parse(await readFile(w.record, 'utf8')).argv).toEqual(['-e', path.join(report.workDir, 'OfcNTCer.dat')]);
  });

  it('a wrong password: exit 1, not fixed, and the way forward (another password, or reinstall)', async () => {
    const { code, report } = await fix({ behaviour: { password: 'right-one' } }, ['--password-stdin'], 'wrong-one\n');
    expect(code).toBe(1);
    expect(report.outcome).toBe('failed');
    expect(report.verification.verdict).toBe('not-fixed');
    expect(report.error.code).toBe('ipxfer-exit');
    expect(report.guidance).toMatch(/AutoPcc\.exe/);
  });

  it('IpXfer says success but the agent is unchanged: exit 1 (the exit code alone is not trusted)', async () => {
    const { code, report } = await fix({ behaviour: { noEffect: true } });
    expect(code).toBe(1);
    expect(report.run.exitCode).toBe(0);
    expect(report.error.code).toBe('not-fixed');
  });

  it('certificate right but agent services stopped: exit 5, could not verify', async () => {
    const { code, report } = await fix({ services: { ntrtscan: 'stopped', tmlisten: 'running' } });
    expect(code).toBe(5);
    expect(report.outcome).toBe('not-verified');
    expect(report.verification.verdict).toBe('unknown');
  });

  it('a hanging IpXfer is stopped at --timeout: exit 4', async () => {
    const { code, report } = await fix({ behaviour: { hang: true } }, ['--timeout', '1']);
    expect(code).toBe(4);
    expect(report.outcome).toBe('timeout');
    expect(report.run.timedOut).toBe(true);
  });

  it('Ctrl+C (SIGINT) cancels the run and stops IpXfer: exit 4', async () => {
    world = await makeWorld({ behaviour: { hang: true, lines: ['started'] } });
    const child = execa(process.execPath, [CLI, 'fix', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', world.workBase, '--reports-dir', world.reportsDir, '--json', UNVERIFIED], { reject: false, env: { LANG: 'en_US.UTF-8' } });
    child.stderr?.on('data', (d: Buffer) => {
      if (d.toString().includes('started')) child.kill('SIGINT');
    });
    const r = await child;
    expect(r.exitCode).toBe(4);
    expect(JSON.parse(String(r.stdout)).outcome).toBe('cancelled');
  });

  it('Ctrl+C while the files are copied: nothing runs afterwards (exit 4); a second Ctrl+C ends the process at once', async () => {
    world = await makeWorld();
    // A program large enough that the copy is still going when Ctrl+C comes.
    const big = path.join(world.pccsrv, 'Admin', 'Utility', 'IpXfer', 'IpXfer_x64.exe');
    await appendFile(big, '\n/*' + 'x'.repeat(400 * 1024 * 1024) + '*/\n');
    const child = execa(process.execPath, [CLI, 'fix', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', world.workBase, '--reports-dir', world.reportsDir, '--json', UNVERIFIED], { reject: false, env: { LANG: 'en_US.UTF-8' } });
    // The certificate is copied first: once it is said, the large program's copy is under way.
    let said = '';
    const onData = (d: Buffer) => {
      said += d.toString();
      if (!said.includes('Copying: OfcNTCer.dat')) return;
      child.stderr?.off('data', onData);
      child.kill('SIGINT');
    };
    child.stderr?.on('data', onData);
    const r = await child;
    expect(r.exitCode).toBe(4);
    expect(JSON.parse(String(r.stdout)).outcome).toBe('cancelled');
    expect(existsSync(world.record)).toBe(false);
    expect(await world.workFiles()).toEqual([]);

    const hanging = await makeWorld({ behaviour: { hang: true, lines: ['started'] } });
    try {
      const twice = execa(process.execPath, [CLI, 'fix', '--simulate', hanging.profile, '--source', '\\\\srv', '--work-dir', hanging.workBase, '--reports-dir', hanging.reportsDir, '--settle', '30', UNVERIFIED], { reject: false, env: { LANG: 'en_US.UTF-8' } });
      twice.stdout?.on('data', (d: Buffer) => {
        if (d.toString().includes('started')) {
          twice.kill('SIGINT');
          twice.kill('SIGINT');
        }
      });
      const started = Date.now();
      expect((await twice).exitCode).toBe(4);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await hanging.cleanup();
    }
  });

  it('writes the output in the report, the PC\'s code page decoded', async () => {
    const { report } = await fix({ codePage: 932, behaviour: { encoding: 'cp932', lines: ['エージェントを更新しました'] } });
    expect(report.run.output).toEqual(['エージェントを更新しました']);
    expect(report.run.outputTruncated).toBe(false);
  });

  it('caps a flood of output in the report and says so', async () => {
    const { report } = await fix({ behaviour: { flood: 12_000 } });
    expect(report.run.outputTotalLines).toBe(12_000);
    expect(report.run.outputTruncated).toBe(true);
    expect(report.run.output).toHaveLength(5000);
    expect(report.run.output.at(-1)).toBe('line 12000');
  });

  it('writes reports atomically: only finished .json and .txt files, a second run gets its own names', async () => {
    const { w } = await fix({});
    await runCli(['fix', '--simulate', w.profile, '--source', '\\\\srv', '--work-dir', w.workBase, '--reports-dir', w.reportsDir, UNVERIFIED]);
    const names = await readdir(w.reportsDir);
    expect(names.filter((n) => !/\.(json|txt)$/.test(n))).toEqual([]);
    expect(names).toHaveLength(4);
    expect(new Set(names).size).toBe(4);
  });

  it('every run gets a fresh working folder, removed once the agent is fixed', async () => {
    const { report, w } = await fix({});
    expect(report.workDirAfter).toEqual({ path: report.workDir, removed: true });
    expect(existsSync(report.workDir)).toBe(false);
    // The agent is fixed now: only --force runs IpXfer again, in a new folder.
    const again = await runCli(['fix', '--simulate', w.profile, '--source', '\\\\srv', '--work-dir', w.workBase, '--reports-dir', w.reportsDir, '--json', '--force', UNVERIFIED]);
    const second = JSON.parse(again.stdout);
    expect(second.outcome).toBe('fixed');
    expect(second.workDir).toBeTruthy();
    expect(second.workDir).not.toBe(report.workDir);
  });

  it('an IpXfer not signed by Trend Micro is not run without --allow-unverified-publisher: exit 2, nothing left', async () => {
    world = await makeWorld({});
    const r = await runCli(['fix', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', world.workBase, '--reports-dir', world.reportsDir, '--json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.error.code).toBe('publisher-untrusted');
    expect(report.publisher.checks[0]).toMatchObject({ name: 'IpXfer_x64.exe', outcome: 'unsigned' });
    expect(report.run).toBeNull();
    expect(r.stderr).toMatch(/IpXfer_x64\.exe is not signed[\s\S]*--allow-unverified-publisher/);
    expect(existsSync(world.record)).toBe(false);
    expect(await world.workFiles()).toEqual([]);
  });

  it('with the override the report records that the user ran an unverified program', async () => {
    const { report } = await fix({});
    expect(report.publisher).toMatchObject({ allTrusted: false, override: true });
  });
});
