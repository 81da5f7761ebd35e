/**
 * Ends a child and everything it started. On POSIX the child is spawned as the leader of its own
 * process group (see core/run-ipxfer.ts), so signalling the group reaches the grandchildren too.
 * On Windows, `taskkill /T` walks the tree.
 */
import { execa } from 'execa';

export async function killProcessGroup(pid: number): Promise<void> {
  if (process.platform === 'win32') {
    await execa('taskkill', ['/PID', String(pid), '/T', '/F'], { reject: false, windowsHide: true, timeout: 15_000 });
    return;
  }
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
    }
  }
}
