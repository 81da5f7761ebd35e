/**
 * Ends a program and everything it started.
 * - POSIX: the program leads its own process group and session (runProgram starts it detached), but
 *   a helper may have left both with setsid(), and once its parent is gone only the run's
 *   environment tag still points at it (base/process-tree.ts). So the family is frozen first
 *   (SIGSTOP, while the parent links still hold and nothing can fork any more), round after round
 *   until no new member shows up, then killed. What still runs afterwards is returned, so the
 *   report can name it.
 * - Windows: no process groups and no /proc: windows-kill-tree.ts ends the tree (taskkill /T, then
 *   a process snapshot) and names what survived.
 */
import { killWindowsTree } from './windows-kill-tree.js';
import { listProcesses, readTag, relatedProcesses, type ProcessInfo, type RunningProcess } from '../base/process-tree.js';

const ROUNDS = 10;

function signal(target: number, sig: NodeJS.Signals): void {
  try {
    process.kill(target, sig);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ESRCH' && code !== 'EPERM') throw e;
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function killProcessGroup(pid: number, tag?: string | null): Promise<RunningProcess[] | void> {
  if (process.platform === 'win32') return killWindowsTree(pid);
  // Read the tag first: the program's own environment is the only place it can be read from.
  const runTag = tag ?? readTag(pid);
  const found = new Map<number, ProcessInfo>();
  for (let round = 0; round < ROUNDS; round++) {
    const procs = listProcesses(runTag);
    if (!procs) {
      // No /proc: the group is all that can be reached.
      signal(-pid, 'SIGKILL');
      signal(pid, 'SIGKILL');
      return;
    }
    const fresh = relatedProcesses(pid, procs, found.keys()).filter((p) => !found.has(p.pid));
    if (fresh.length === 0) break;
    for (const p of fresh) {
      signal(p.pid, 'SIGSTOP');
      found.set(p.pid, p);
    }
  }
  let left: ProcessInfo[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    signal(-pid, 'SIGKILL');
    for (const p of [...found.values(), ...left]) {
      // A group or session it created: everything in it belongs to the run.
      if (p.pgid === p.pid) signal(-p.pid, 'SIGKILL');
      signal(p.pid, 'SIGKILL');
    }
    await pause(10 * (round + 1));
    const procs = listProcesses(runTag) ?? [];
    left = relatedProcesses(pid, procs, found.keys());
    if (left.length === 0) return [];
  }
  return left.map(({ pid: p, command }) => ({ pid: p, command }));
}
