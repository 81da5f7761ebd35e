import { afterEach, describe, expect, it } from 'vitest';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MASK } from '../../electron/base/redactor.js';
import { describeCommand, runIpXfer, type OutputLine } from '../../electron/core/run-ipxfer.js';
import { killProcessGroup } from '../../electron/platform/kill-process-group.js';
import { fakeIpXferScript, type FakeIpXferBehaviour } from '../../electron/simulation/fake-ipxfer.js';
import { gone } from '../fixtures/processes.js';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function setup(b: FakeIpXferBehaviour) {
  dir = await mkdtemp(path.join(os.tmpdir(), 'acf-run-'));
  const record = path.join(dir, 'record.json');
  await writeFile(path.join(dir, 'IpXfer_x64.exe'), fakeIpXferScript({ record, ...b }));
  await chmod(path.join(dir, 'IpXfer_x64.exe'), 0o755);
  await writeFile(path.join(dir, 'OfcNTCer.dat'), 'cert');
  return { record };
}

async function run(password: string | null, o: { timeoutMs?: number; signal?: AbortSignal; codePage?: number; onLine?: (l: OutputLine) => void } = {}) {
  const lines: OutputLine[] = [];
  const result = await runIpXfer({
    workDir: dir,
    ipxferName: 'IpXfer_x64.exe',
    certificateName: 'OfcNTCer.dat',
    password,
    codePage: o.codePage ?? 65001,
    timeoutMs: o.timeoutMs ?? 20_000,
    signal: o.signal,
    killTree: killProcessGroup,
    onLine: (l) => {
      lines.push(l);
      o.onLine?.(l);
    },
  });
  return { result, lines };
}

describe('running IpXfer', () => {
  const nasty = ['pa ss word', 'quo"te\'s', 'a&b|c^d%e!f', '日本語のパスワード', ' leading and trailing ', '-e', '$(whoami) `id` ;rm -rf'];
  for (const password of nasty) {
    it(`passes the password ${JSON.stringify(password)} as one exact argument, and masks it in the output`, async () => {
      const { record } = await setup({ echoArgs: true, password });
      const { result, lines } = await run(password);
      expect(result.exitCode).toBe(0);
      const seen = JSON.parse(await readFile(record, 'utf8'));
      expect(seen.argv).toEqual(['-e', path.join(dir, 'OfcNTCer.dat'), '-pwd', password]);
      expect(seen.cwd).toBe(dir);
      const text = lines.map((l) => l.text).join('\n');
      expect(text).toContain(MASK);
      expect(text).not.toContain(password.trim());
    });
  }

  it('runs without -pwd when no password is given, in the working folder', async () => {
    const { record } = await setup({});
    const { result } = await run(null);
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, cancelled: false, startError: null });
    expect(JSON.parse(await readFile(record, 'utf8')).argv).toEqual(['-e', path.join(dir, 'OfcNTCer.dat')]);
  });

  it('the command shown and stored has the password masked', () => {
    const c = describeCommand({ workDir: '/w', ipxferName: 'IpXfer.exe', certificateName: 'OfcNTCer.dat', password: 'secret' });
    expect(c).toEqual({ executable: path.join('/w', 'IpXfer.exe'), args: ['-e', path.join('/w', 'OfcNTCer.dat'), '-pwd', MASK], cwd: '/w' });
  });

  it('streams CP932 output line by line, a character split across writes intact', async () => {
    await setup({ encoding: 'cp932', lines: ['証明書を更新しています', '完了しました'], splitMultibyte: true, stderrLines: ['警告'] });
    const { lines } = await run(null, { codePage: 932 });
    expect(lines).toEqual([
      { stream: 'stdout', text: '証明書を更新しています' },
      { stream: 'stdout', text: '完了しました' },
      { stream: 'stderr', text: '警告' },
    ]);
  });

  it('reports the exit code of a failing run', async () => {
    await setup({ exitCode: 7 });
    expect((await run(null)).result.exitCode).toBe(7);
  });

  it('stops a hanging IpXfer at the time limit and leaves no process behind', async () => {
    const { record } = await setup({ hang: true, lines: ['working'] });
    const { result, lines } = await run(null, { timeoutMs: 1500 });
    expect(result.timedOut).toBe(true);
    expect(result.cancelled).toBe(false);
    expect(lines[0]?.text).toBe('working');
    const { pid, helperPid } = JSON.parse(await readFile(record, 'utf8'));
    expect(await gone(pid)).toBe(true);
    expect(await gone(helperPid)).toBe(true);
  });

  it('cancel stops it at once and leaves no process behind', async () => {
    const { record } = await setup({ hang: true, lines: ['working'] });
    const abort = new AbortController();
    const started = Date.now();
    const { result } = await run(null, { signal: abort.signal, onLine: () => abort.abort() });
    expect(result.cancelled).toBe(true);
    expect(result.timedOut).toBe(false);
    expect(Date.now() - started).toBeLessThan(15_000);
    const { pid, helperPid } = JSON.parse(await readFile(record, 'utf8'));
    expect(await gone(pid)).toBe(true);
    expect(await gone(helperPid)).toBe(true);
  });

  it('says why a program could not start, without repeating the command line', async () => {
    await setup({});
    await rm(path.join(dir, 'IpXfer_x64.exe'));
    const { result } = await run('secret-password');
    expect(result.startError).toBe('ENOENT');
    expect(result.exitCode).toBeNull();
  });

  it('keeps every line of a flood, in order', async () => {
    await setup({ flood: 20_000 });
    const { lines } = await run(null);
    expect(lines).toHaveLength(20_000);
    expect(lines[19_999]!.text).toBe('line 20000');
  });
});
