/**
 * Runs a Windows program under Wine, for the CLI exe's test and bench. Node under Wine cannot write
 * to a Linux pipe, so standard output and error go to files that are read back afterwards.
 * One prefix under .cache/ reports Windows 10 and is reused: creating it takes seconds.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** null when Wine can run 64-bit programs here, else why not. */
export function wineMissing() {
  try {
    execFileSync('wine', ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'wine is not installed (Debian: apt-get install wine wine64)';
  }
}

function wineEnv(prefix, extra = {}) {
  // No Mono/Gecko install prompts, no desktop menu entries, no debug chatter, English messages from our CLI.
  return { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=;winemenubuilder.exe=d', LANG: 'en_US.UTF-8', ...extra };
}

/** Creates the prefix once (Windows 10, as the CLI expects) and returns its path. */
export function winePrefix(cacheRoot) {
  const prefix = path.join(cacheRoot, 'wine', 'cli-exe');
  const ready = path.join(prefix, '.apex-win10');
  if (existsSync(ready)) return prefix;
  mkdirSync(prefix, { recursive: true });
  execFileSync('wine', ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f'], { env: wineEnv(prefix), stdio: 'ignore' });
  execFileSync('wineserver', ['-w'], { env: wineEnv(prefix), stdio: 'ignore' });
  writeFileSync(ready, '');
  return prefix;
}

/**
 * Runs `exe args` under Wine in `cwd`.
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string, ms: number }>}
 */
export async function runUnderWine(exe, args, { prefix, cwd = process.cwd(), timeoutMs = 120_000, env = {} }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acf-wine-'));
  const outFile = path.join(dir, 'stdout');
  const errFile = path.join(dir, 'stderr');
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  try {
    const started = performance.now();
    const code = await new Promise((resolve, reject) => {
      const child = spawn('wine', [exe, ...args], { cwd, env: wineEnv(prefix, env), stdio: ['ignore', out, err] });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', reject);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    const ms = performance.now() - started;
    return { code, stdout: readFileSync(outFile, 'utf8'), stderr: readFileSync(errFile, 'utf8'), ms };
  } finally {
    closeSync(out);
    closeSync(err);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * null when Wine runs 32-bit programs, else why not: Debian's wine32 is a separate i386 package.
 * Judged with the official 32-bit node.exe, so a failure of our x86 exe is never mistaken for it.
 */
export async function wine32Missing(nodeX86, prefix) {
  const r = await runUnderWine(nodeX86, ['--version'], { prefix, timeoutMs: 60_000 });
  return r.code === 0 && r.stdout.startsWith('v') ? null : `Wine here cannot run 32-bit programs (wine32:i386 not installed): ${(r.stdout + r.stderr).trim().split('\n')[0]}`;
}
