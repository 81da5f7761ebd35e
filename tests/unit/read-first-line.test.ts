import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFirstLine } from '../../electron/base/read-first-line.js';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

describe('--password-stdin', () => {
  it('from a pipe: the first line exactly, spaces kept, no prompt', async () => {
    const said: string[] = [];
    expect(await readFirstLine(Readable.from([Buffer.from(' pa ss \r\nsecond\n')]), (t) => said.push(t))).toBe(' pa ss ');
    expect(said).toEqual([]);
  });

  it('from a pipe that starts with a UTF-8 BOM (Windows PowerShell 5.1 pipes one): the BOM is not part of the password', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(await readFirstLine(Readable.from([Buffer.concat([bom, Buffer.from('Tr3nd!パス\r\n')])]), () => undefined)).toBe('Tr3nd!パス');
    // Cut inside the BOM: still removed; a BOM later in the line is the user's.
    expect(await readFirstLine(Readable.from([bom.subarray(0, 2), Buffer.concat([bom.subarray(2), Buffer.from('a\uFEFFb\n')])]), () => undefined)).toBe('a\uFEFFb');
  });

  it('from a pipe that ends without a line break: what came, in pieces, as one line', async () => {
    expect(await readFirstLine(Readable.from(['pass', 'word']), () => undefined)).toBe('password');
    expect(await readFirstLine(Readable.from([]), () => undefined)).toBe('');
  });

  /** A console as Node presents one: a stream that says it is a TTY and can be put in raw mode. */
  function fakeConsole() {
    const input = Object.assign(new PassThrough(), { isTTY: true, raw: [] as boolean[], setRawMode(this: { raw: boolean[] }, on: boolean) { this.raw.push(on); } });
    return input;
  }

  it('at a console: backspace takes back one character (also a Japanese one), Enter ends, raw mode is left again', async () => {
    const input = fakeConsole();
    const said: string[] = [];
    const typed = readFirstLine(input, (t) => said.push(t));
    input.write('pa\u007fassワ\bド\b\u007f');
    input.write('word\rignored');
    // p a ⌫ a s s ワ ⌫ ド ⌫ ⌫ → "pas", then "word".
    expect(await typed).toBe('pasword');
    expect(input.raw).toEqual([true, false]);
    expect(said).toEqual(['Password / パスワード: ', '\n']);
    expect(input.listenerCount('data')).toBe(0);
  });

  it('at a console: Ctrl+D ends the line like Enter', async () => {
    const input = fakeConsole();
    const typed = readFirstLine(input, () => undefined);
    input.write('abc\u0004');
    expect(await typed).toBe('abc');
  });

  // A real console: a pseudo-terminal made by util-linux `script`, around the real module.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.runIf(hasScript && process.platform === 'linux')('at a console: a prompt on stderr, the typing not echoed', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'acf-tty-'));
    // The compiled module, as the CLI runs it (npm test builds first).
    const compiled = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/electron/base/read-first-line.js')).href;
    const result = path.join(dir, 'result.json');
    await writeFile(
      path.join(dir, 'main.mjs'),
      `import { writeFileSync } from 'node:fs';
       import { readFirstLine } from ${JSON.stringify(compiled)};
       const password = await readFirstLine(process.stdin);
       // stdout and stdin are the same terminal here: the prompt must come on stderr.
       writeFileSync(${JSON.stringify(result)}, JSON.stringify({ password, stdinIsTTY: process.stdin.isTTY === true }));
       process.exit(0);`,
    );
    // stderr of the program goes to a file (2>), so what reaches the terminal through stderr is told apart.
    const stderrFile = path.join(dir, 'stderr.txt');
    const child = spawn('script', ['-qec', `${JSON.stringify(process.execPath)} main.mjs 2>${stderrFile}`, '/dev/null'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    child.stdout.on('data', (d: Buffer) => (screen += d.toString('utf8')));
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    // Type only once the prompt is there: before raw mode the terminal itself would echo.
    for (let i = 0; i < 200 && !(await readFile(stderrFile, 'utf8').catch(() => '')).includes('Password'); i++) await new Promise((r) => setTimeout(r, 25));
    child.stdin.write('s3cret Pa55\r');
    expect(await exited).toBe(0);
    child.stdin.end();
    expect(JSON.parse(await readFile(result, 'utf8'))).toEqual({ password: 's3cret Pa55', stdinIsTTY: true });
    expect(await readFile(stderrFile, 'utf8')).toContain('Password / パスワード: ');
    expect(screen).not.toContain('s3cret');
  }, 20_000);
});
