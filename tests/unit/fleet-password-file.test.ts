/**
 * `fix --password-file`: the first line of the file in the encodings Windows tools write, exactly
 * as typed; a missing, empty, unreadable or undecodable file refused (exit 2, nothing copied or
 * run) without ever quoting what the file holds; the password in no output, report or error.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { readPasswordFile } from '../../electron/hosts/cli/password-file.js';
import { runCli } from '../fixtures/cli.js';
import { makeWorld, type World } from '../fixtures/world.js';

const PASSWORD = 'Tr3nd &|^%! "パス" ワード ';
const SECRET_PART = 'パス" ワード';
let dir = '';
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));
async function file(name: string, content: string | Buffer) {
  if (!dir) {
    dir = await mkdtemp(path.join(os.tmpdir(), 'acf-pwfile-'));
    temps.push(dir);
  }
  const p = path.join(dir, name);
  await writeFile(p, content);
  return p;
}

describe('reading the password file', () => {
  const bom8 = Buffer.from([0xef, 0xbb, 0xbf]);
  const cases: [string, Buffer][] = [
    ['UTF-8, CRLF and a second line', Buffer.from(`${PASSWORD}\r\nsecond line\r\n`)],
    ['UTF-8 with a BOM, LF', Buffer.concat([bom8, Buffer.from(`${PASSWORD}\n`)])],
    ['UTF-8, no line break at all', Buffer.from(PASSWORD)],
    ['UTF-8, CR only (old Mac)', Buffer.from(`${PASSWORD}\rnext`)],
    ['UTF-16LE with a BOM (Notepad "Unicode", PowerShell 5 Out-File)', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`${PASSWORD}\r\n`, 'utf16-le')])],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(`${PASSWORD}\r\n`, 'utf16-be')])],
  ];
  for (const [name, bytes] of cases) {
    it(name, async () => {
      expect(await readPasswordFile(await file(`${name.length}-${bytes.length}.txt`, bytes), 'en')).toEqual({ ok: true, password: PASSWORD });
    });
  }

  const refusals: [string, () => Promise<string>, RegExp][] = [
    ['missing', async () => path.join(dir || os.tmpdir(), 'no-such-file.txt'), /does not exist/],
    ['empty', () => file('empty.txt', ''), /first line is empty/],
    ['only a line break', () => file('newline.txt', '\r\nsecret-on-line-2\r\n'), /first line is empty/],
    ['a BOM and nothing else', () => file('bom.txt', bom8), /first line is empty/],
    ['UTF-16 without a BOM', () => file('utf16-nobom.txt', iconv.encode('secret-utf16\r\n', 'utf16-le')), /neither UTF-8 nor UTF-16/],
    ['CP932 (ANSI on a Japanese PC), not UTF-8', () => file('cp932.txt', iconv.encode('秘密のパスワード\r\n', 'cp932')), /neither UTF-8 nor UTF-16/],
    ['a big file without line breaks', () => file('big.bin', Buffer.alloc(100_000, 0x41)), /longer than any unload password/],
    ['a folder', async () => {
      const d = path.join(dir, 'a-folder');
      await mkdir(d, { recursive: true });
      return d;
    }, /a folder, a pipe or a device/],
  ];
  for (const [name, make, reason] of refusals) {
    it(`refuses ${name}, naming the file and never its contents`, async () => {
      const p = await make();
      const r = await readPasswordFile(p, 'en');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toMatchObject({ code: 'option-invalid', option: '--password-file', value: p });
      const text = JSON.stringify(r.error);
      expect(text).toMatch(reason);
      for (const secret of ['secret', '秘密', 'AAAA']) expect(text).not.toContain(secret);
    });
  }

  it('words the refusal in Japanese', async () => {
    const r = await readPasswordFile(await file('empty-ja.txt', ''), 'ja');
    expect(!r.ok && r.error.code === 'option-invalid' && r.error.expected).toMatch(/1行目が空です/);
  });
});

describe('fix --password-file (the real CLI)', () => {
  let world: World | null = null;
  afterEach(async () => {
    await world?.cleanup();
    world = null;
  });
  const args = (w: World, extra: string[]) => ['fix', '--simulate', w.profile, '--source', '\\\\srv', '--work-dir', w.workBase, '--reports-dir', w.reportsDir, '--json', '--allow-unverified-publisher', ...extra];

  it('gives IpXfer the password exactly, as one argument; it is in no output, report or file the tool wrote', async () => {
    world = await makeWorld({ behaviour: { password: PASSWORD, echoArgs: true } });
    const pw = path.join(world.dir, 'unload-password.txt');
    await writeFile(pw, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`${PASSWORD}\r\n`, 'utf16-le')]));
    const r = await runCli(args(world, ['--password-file', pw]));
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.outcome).toBe('fixed');
    expect(JSON.parse(await readFile(world.record, 'utf8')).argv).toEqual(['-e', path.join(report.workDir, 'OfcNTCer.dat'), '-pwd', PASSWORD]);
    const written = await Promise.all((await readdir(world.reportsDir)).map((n) => readFile(path.join(world!.reportsDir, n), 'utf8')));
    for (const text of [r.stdout, r.stderr, ...written]) expect(text).not.toContain(SECRET_PART);
    // The file is the deployment script's to delete, not ours.
    expect(existsSync(pw)).toBe(true);
  });

  it('a missing file: exit 2 before anything is copied or run, no report', async () => {
    world = await makeWorld({});
    const r = await runCli(args(world, ['--password-file', path.join(world.dir, 'missing.txt')]));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'bad-input', error: { code: 'option-invalid' } });
    expect(r.stderr).toMatch(/--password-file ".*missing\.txt" is not valid: .*the file does not exist/);
    expect(await world.workFiles()).toEqual([]);
    expect(existsSync(world.record)).toBe(false);
    expect(existsSync(world.reportsDir)).toBe(false);
  });

  it('--password-stdin with empty input (or only a line break): exit 2 before anything is copied or run, no -pwd run', async () => {
    world = await makeWorld({ behaviour: { echoArgs: true } });
    for (const input of ['', '\r\n', '\uFEFF\n']) {
      const r = await runCli(args(world, ['--password-stdin']), { input });
      expect([JSON.stringify(input), r.code]).toEqual([JSON.stringify(input), 2]);
      expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'bad-input', error: { code: 'option-invalid' } });
      expect(r.stderr).toMatch(/--password-stdin "" is not valid: .*first line is empty .*leave out --password-stdin/);
    }
    expect(await world.workFiles()).toEqual([]);
    expect(existsSync(world.record)).toBe(false);
    const ja = await runCli([...args(world, ['--password-stdin']), '--lang', 'ja'], { input: '' });
    expect(ja.stderr).toContain('--password-stdin を付けないでください');
  });

  it('a BOM piped before the password (Windows PowerShell 5.1) is not given to IpXfer', async () => {
    world = await makeWorld({ behaviour: { password: PASSWORD, echoArgs: true } });
    const r = await runCli(args(world, ['--password-stdin']), { input: `\uFEFF${PASSWORD}\r\n` });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(await readFile(world.record, 'utf8')).argv.at(-1)).toBe(PASSWORD);
  });

  it('a named pipe (FIFO) nobody writes to is refused at once, not waited on', async () => {
    world = await makeWorld({});
    const fifo = path.join(world.dir, 'pw.fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const started = Date.now();
    const r = await readPasswordFile(fifo, 'en');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(!r.ok && r.error.code === 'option-invalid' && r.error.expected).toMatch(/a pipe/);
    const cli = await runCli(args(world, ['--password-file', fifo]));
    expect(cli.code).toBe(2);
    expect(existsSync(world.record)).toBe(false);
  });

  it('--password-stdin and --password-file together: exit 2, named', async () => {
    world = await makeWorld({});
    const pw = path.join(world.dir, 'pw.txt');
    await writeFile(pw, 'x\r\n');
    const r = await runCli(args(world, ['--password-file', pw, '--password-stdin']), { input: 'y\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('only one of --password-stdin and --password-file');
    expect(existsSync(world.record)).toBe(false);
  });
});
