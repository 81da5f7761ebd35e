/**
 * Ends a child and everything it started. On POSIX the child is spawned as the leader of its own
 * process group (see base/run-program.ts), so signalling the group reaches the grandchildren too.
 * Windows has no process groups to signal: windows-kill-tree.ts walks the tree.
 */
import type { KillResult } from './platform.js';
import { killWindowsTree } from './windows-kill-tree.js';

export async function killProcessGroup(pid: number): Promise<KillResult | void> {
  if (process.platform === 'win32') return killWindowsTree(pid);
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
    }
  }
}
