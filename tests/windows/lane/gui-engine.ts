/**
 * The wizard's engine on the real Windows platform, in the lane's prefix (tests/windows/gui-host.mjs,
 * test-only), for the Linux Chromium to drive: started with Windows node.exe under Wine, its output
 * in files (Node under Wine cannot write to a Linux pipe), its address read from a file it writes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Lane } from './lane.js';
import { toWindows } from './wine-paths.js';

export interface GuiEngine {
  /** The page's address, with the engine's key. */
  url: string;
  /** The engine's stderr and Wine's log so far (for a failure's diagnostics). */
  log(): string;
  stop(): Promise<void>;
}

/** settleS: how long verify re-reads the agent after IpXfer (gui-host.mjs); left out, the app's own. */
export async function startGuiEngine(l: Lane, o: { readyMs?: number; settleS?: number } = {}): Promise<GuiEngine> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acf-gui-engine-'));
  const ready = path.join(dir, 'ready.json');
  const files = { out: path.join(dir, 'stdout'), err: path.join(dir, 'stderr') };
  const fds = [openSync('/dev/null', 'r'), openSync(files.out, 'w'), openSync(files.err, 'w')];
  const entry = toWindows(l, path.join(l.repo, 'tests', 'windows', 'gui-host.mjs'));
  const settle = o.settleS === undefined ? [] : [String(o.settleS)];
  const [file, args] = process.platform === 'win32' ? [l.nodeExe, [entry, ready, ...settle]] : ['wine', [l.nodeExe, entry, toWindows(l, ready), ...settle]];
  const child: ChildProcess = spawn(file, args, { env: { ...l.env, WINEDEBUG: 'err+all,fixme-all' }, cwd: l.dir, stdio: process.platform === 'win32' ? ['ignore', fds[1]!, fds[2]!] : fds, windowsHide: true });
  for (const fd of fds) closeSync(fd);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  const log = () => (existsSync(files.err) ? readFileSync(files.err, 'utf8') : '') + (existsSync(files.out) ? readFileSync(files.out, 'utf8') : '');
  const stop = async () => {
    if (exited === undefined) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (o.readyMs ?? 120_000);
  while (!existsSync(ready)) {
    if (exited !== undefined || Date.now() > deadline) {
      const why = exited !== undefined ? `ended (exit ${exited})` : 'did not listen in time';
      const text = log();
      await stop();
      throw new Error(`gui-host.mjs ${why}:\n${text.split('\n').slice(-40).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const { url } = JSON.parse(readFileSync(ready, 'utf8')) as { url: string };
  return { url, log, stop };
}
