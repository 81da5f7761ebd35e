import { afterEach, describe, expect, it } from 'vitest';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runProgram, type OutputLine, type ProgramOptions } from '../../electron/base/run-program.js';
import { MAX_LINE } from '../../electron/base/line-decoder.js';
import { killProcessGroup } from '../../electron/platform/kill-process-group.js';
import { gone } from '../fixtures/processes.js';

// Real child processes: small Node scripts started through their #! line, as IpXfer would be.
let dir: string;
const leftovers: number[] = [];
afterEach(async () => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  await rm(dir, { recursive: true, force: true });
});

async function program(body: string): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'acf-prog-'));
  const file = path.join(dir, 'program');
  await writeFile(file, `#!${process.execPath}\n'use strict';\nconst { spawn } = require('child_process');\nconst fs = require('fs');\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

async function run(file: string, o: Partial<ProgramOptions> = {}) {
  const lines: OutputLine[] = [];
  const started = Date.now();
  const result = await runProgram({ file, args: [], cwd: dir, codePage: 65001, timeoutMs: 300_000, killTree: killProcessGroup, onLine: (l) => lines.push(l), ...o });
  return { result, lines, ms: Date.now() - started };
}

const pids = async () => JSON.parse(await readFile(path.join(dir, 'pids.json'), 'utf8')) as Record<string, number>;
const posix = process.platform !== 'win32';

describe.runIf(posix)('runProgram: whatever the program does', () => {
  it('ends a few seconds after the program exits, though a helper it started still holds stdout, and names the helper', async () => {
    // The helper leaves the group and session (setsid) and keeps the inherited stdout open.
    const file = await program(`
      const helper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
      fs.writeFileSync('pids.json', JSON.stringify({ helper: helper.pid }));
      helper.unref();
      console.log('fixed');
    `);
    const { result, lines, ms } = await run(file);
    const { helper } = await pids();
    leftovers.push(helper!);
    expect(ms).toBeLessThan(8000);
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, cancelled: false, startError: null, outputHeldOpen: true, abnormal: false });
    expect(lines.map((l) => l.text)).toEqual(['fixed']);
    expect(result.stillRunning).toContainEqual({ pid: helper, command: process.execPath });
  });

  it('does not wait when every pipe closes with the program', async () => {
    const file = await program(`console.log('done');`);
    const { result } = await run(file);
    expect(result).toMatchObject({ exitCode: 0, outputHeldOpen: false, stillRunning: [] });
  });

  for (const signal of ['SIGSEGV', 'SIGKILL'] as const) {
    it(`a program killed by ${signal} ended abnormally; it was started`, async () => {
      const file = await program(`console.log('working'); process.kill(process.pid, '${signal}');`);
      const { result, lines } = await run(file);
      expect(result).toMatchObject({ startError: null, exitCode: null, signal, abnormal: true, timedOut: false, cancelled: false });
      expect(lines[0]?.text).toBe('working');
    });
  }

  it('a program that could not start is the only startError', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'acf-prog-'));
    const { result } = await run(path.join(dir, 'missing'));
    expect(result).toMatchObject({ startError: 'ENOENT', exitCode: null, signal: null, abnormal: false });
  });

  it('on a time limit ends helpers that left its group and session, also one whose parent is gone', async () => {
    // helperA: setsid, environment cleared (found through its parent while the program runs).
    // helperB: started by a middle process that exits at once, so init adopts it (found by the tag).
    const file = await program(`
      const a = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore', env: {} });
      const middle = spawn(process.execPath, ['-e', \`
        const { spawn } = require('child_process');
        const b = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
        require('fs').writeFileSync('b.pid', String(b.pid));
        process.exit(0);\`], { stdio: 'ignore' });
      middle.on('exit', () => {
        fs.writeFileSync('pids.json', JSON.stringify({ a: a.pid, b: Number(fs.readFileSync('b.pid', 'utf8')), self: process.pid }));
        console.log('ready');
      });
      setInterval(() => {}, 1000);
    `);
    const { result, lines } = await run(file, { timeoutMs: 2500 });
    const { a, b, self } = await pids();
    leftovers.push(a!, b!);
    expect(lines.map((l) => l.text)).toEqual(['ready']);
    expect(result).toMatchObject({ timedOut: true, cancelled: false, abnormal: false, stillRunning: [] });
    for (const [name, pid] of Object.entries({ self, a, b })) expect([name, await gone(pid!)]).toEqual([name, true]);
  });

  it('names what is still running when the tree could not be ended', async () => {
    const file = await program(`
      const h = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
      fs.writeFileSync('pids.json', JSON.stringify({ helper: h.pid }));
      console.log('ready');
      setInterval(() => {}, 1000);
    `);
    const abort = new AbortController();
    // A tree killer that fails (as taskkill can): the program itself is still ended, its helper is named.
    const { result } = await run(file, { signal: abort.signal, onLine: () => abort.abort(), killTree: async () => undefined });
    const { helper } = await pids();
    leftovers.push(helper!);
    expect(result.cancelled).toBe(true);
    expect(result.stillRunning).toEqual([{ pid: helper, command: process.execPath }]);
  });

  it('a password printed in the ANSI code page, read in the OEM one, in two writes, never shows', async () => {
    const password = 'Pässwörd1!';
    const bytes = Buffer.from(`Agent: C:\\Program Files (x86)\\Trend Micro\\ -pwd ${password}\r\n`, 'latin1'); // CP1252 = Latin-1 here
    const cut = bytes.indexOf('ss') + 1;
    const file = await program(`
      const b = Buffer.from('${bytes.toString('base64')}', 'base64');
      process.stdout.write(b.subarray(0, ${cut}), () => setTimeout(() => process.stdout.write(b.subarray(${cut}), () => console.log('done')), 100));
    `);
    const { lines } = await run(file, { codePage: 850, secrets: [password] });
    expect(lines.map((l) => l.text)).toEqual(['********', 'done']);
  });

  it('20 MB without a line break: pieces of 64 KiB marked as split, in linear time', async () => {
    const file = await program(`process.stdout.write(Buffer.alloc(20 * 1024 * 1024, 'x'));`);
    const { result, lines, ms } = await run(file);
    expect(result.exitCode).toBe(0);
    expect(Math.max(...lines.map((l) => l.text.length))).toBe(MAX_LINE);
    expect(lines.reduce((n, l) => n + l.text.length, 0)).toBe(20 * 1024 * 1024);
    expect(lines.slice(0, -1).every((l) => l.split === true)).toBe(true);
    expect(lines.at(-1)!.split).toBeUndefined();
    expect(ms).toBeLessThan(10_000);
  });
});
