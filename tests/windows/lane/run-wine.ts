/**
 * Starts a Windows program under Wine (natively on Windows: the native lane). Standard output and error go to files: Node under Wine
 * cannot write its own stdout to a Linux pipe, and Wine's helper processes would hold a pipe open.
 * Wine's own diagnostics (WINEDEBUG=err+all, `0123:err:...`) are split off into `wineLog`.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WineResult {
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
  /** Wine's diagnostics from the run, separated from the program's stderr. */
  wineLog: string;
  timedOut: boolean;
  ms: number;
}

const WINE_LINE = /^[0-9a-f]{4}:(err|warn|fixme|trace):|^(it looks like wine32 is missing|multiarch needs|execute "dpkg|apt-get install wine32)/;

export async function runWine(env: Record<string, string>, args: string[], o: { cwd?: string; stdin?: string; timeoutMs?: number } = {}): Promise<WineResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acf-wine-run-'));
  const files = { in: path.join(dir, 'stdin'), out: path.join(dir, 'stdout'), err: path.join(dir, 'stderr') };
  writeFileSync(files.in, o.stdin ?? '');
  const fds = [openSync(files.in, 'r'), openSync(files.out, 'w'), openSync(files.err, 'w')];
  const started = Date.now();
  let timedOut = false;
  try {
    // The native lane (process.platform === 'win32') starts the program itself, no Wine.
    const [file, rest] = process.platform === 'win32' ? [args[0]!, args.slice(1)] : ['wine', args];
    const child = spawn(file, rest, { env: { ...env, WINEDEBUG: 'err+all,fixme-all' }, cwd: o.cwd, stdio: fds, windowsHide: true });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, o.timeoutMs ?? 300_000);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (c) => resolve(c));
    });
    clearTimeout(timer);
    const stderrLines = readFileSync(files.err).toString('utf8').split('\n');
    return {
      code,
      stdout: readFileSync(files.out),
      stderr: Buffer.from(stderrLines.filter((l) => !WINE_LINE.test(l)).join('\n')),
      wineLog: stderrLines.filter((l) => WINE_LINE.test(l)).join('\n'),
      timedOut,
      ms: Date.now() - started,
    };
  } finally {
    for (const fd of fds) closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}
