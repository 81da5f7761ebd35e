import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { listProcesses, readTag, relatedProcesses, stillRunning, TAG_VARIABLE, type ProcessInfo } from '../../electron/base/process-tree.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** A real process that waits, started with (or without) the run's tag. */
async function sleeper(tag: string | null): Promise<number> {
  const env = { ...process.env };
  delete env[TAG_VARIABLE];
  if (tag !== null) env[TAG_VARIABLE] = tag;
  const child = spawn(process.execPath, ['-e', 'process.stdout.write("up"); setInterval(() => {}, 1000)'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  await new Promise((r) => child.stdout!.once('data', r));
  return child.pid!;
}

describe.runIf(existsSync('/proc/self/stat'))('what a run started, found through /proc', () => {
  it('a process started with the tag is found by it, even with no family tie to the run', async () => {
    const pid = await sleeper('run-42');
    expect(readTag(pid)).toBe('run-42');
    const procs = listProcesses('run-42')!;
    expect(procs.find((p) => p.pid === pid)?.tagged).toBe(true);
    // A root that has ended long ago (a pid nothing has): the tagged process is still "ours".
    const running = stillRunning(2 ** 22 + 1, 'run-42')!;
    expect(running.map((p) => p.pid)).toContain(pid);
    expect(running.find((p) => p.pid === pid)?.command).toBe(process.execPath);
  });

  it('an untagged process, an empty tag and a process that has ended have no tag', async () => {
    const untagged = await sleeper(null);
    expect(readTag(untagged)).toBeNull();
    const empty = await sleeper('');
    expect(readTag(empty)).toBeNull();
    expect(readTag(2 ** 22 + 1)).toBeNull();
    expect(listProcesses(null)!.find((p) => p.pid === untagged)?.tagged).toBe(false);
  });

  it('a kernel thread (no command line) is named by its comm; a vanished pid by "?"', () => {
    // pid 2 is kthreadd on Linux; where it is hidden (a container's own pid namespace) skip that half.
    const kthread = existsSync('/proc/2/comm');
    const fake = (pid: number): ProcessInfo => ({ pid, ppid: 0, pgid: pid, sid: pid, zombie: false, tagged: false, command: '' });
    const found = relatedProcesses(2 ** 22 + 3, [fake(2 ** 22 + 3), ...(kthread ? [fake(2)] : [])], kthread ? [2] : []);
    expect(found.find((p) => p.pid === 2 ** 22 + 3)?.command).toBe('?');
    if (kthread) expect(found.find((p) => p.pid === 2)?.command).not.toBe('');
  });

  it('family: children, and members of a group or session a found process leads; never us, never init; zombies left out', () => {
    const p = (pid: number, ppid: number, extra: Partial<ProcessInfo> = {}): ProcessInfo => ({ pid, ppid, pgid: pid, sid: pid, zombie: false, tagged: false, command: '', ...extra });
    const procs = [p(100, 1), p(101, 100), p(102, 1, { pgid: 100 }), p(103, 1, { sid: 101 }), p(104, 101, { zombie: true }), p(200, 1), p(process.pid, 100), p(1, 0)];
    expect(relatedProcesses(100, procs).map((x) => x.pid).sort()).toEqual([100, 101, 102, 103]);
  });
});
