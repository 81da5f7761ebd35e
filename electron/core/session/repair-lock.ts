/**
 * One repair per PC at a time: the machine's lock, in the program's machine folder (Windows:
 * %ProgramData%\ApexCertFix, made private first; the simulation: per simulated PC), shared by every
 * process of this program (the wizard, the CLI, fleet runs). A second repair waits for it up to its
 * time limit (its deadline and every pause between looks on the session's clock), then ends `busy`; a lock whose process died is taken over.
 */
import { mkdir } from 'node:fs/promises';
import { AbortedError } from '../../base/abortable.js';
import { acquireMachineLock, LockBusyError, type LockHolder, type MachineLock } from '../../base/machine-lock.js';
import { NotPrivateError } from '../../base/private-folder.js';
import { FixError } from '../errors.js';
import type { SessionContext } from './context.js';

export async function takeRepairLock(ctx: SessionContext, signal: AbortSignal, onWaiting: (holder: LockHolder | null) => void): Promise<MachineLock> {
  const dir = ctx.platform.machineFolder();
  try {
    await mkdir(dir, { recursive: true });
    await ctx.platform.makePrivateFolder(dir);
  } catch (e) {
    if (e instanceof NotPrivateError) throw new FixError({ code: 'work-dir-unsafe', path: e.dir, problem: e.reason });
    throw new FixError({ code: 'work-dir-failed', path: dir, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  try {
    return await acquireMachineLock(dir, { clock: ctx.clock, timeoutMs: ctx.options.timeoutMs, signal, onWaiting, staleMs: ctx.options.lockStaleMs });
  } catch (e) {
    if (e instanceof LockBusyError) throw new FixError({ code: 'busy', running: 'pc', holder: e.holder });
    if (e instanceof AbortedError) throw new FixError({ code: 'cancelled' });
    throw new FixError({ code: 'work-dir-failed', path: dir, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}
