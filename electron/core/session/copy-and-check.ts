/**
 * Step 3's work: copy the planned files into a fresh private working folder (progress throttled for
 * eyes), prove the certificate copy is the server's, and check who signed the programs. A cancelled
 * or refused collection leaves no copies behind.
 */
import { rm } from 'node:fs/promises';
import type { CertificateFile } from '../certificate.js';
import { collectFiles, type CollectedFile, type CollectProgress } from '../collect.js';
import { FixError } from '../errors.js';
import type { Plan } from '../plan.js';
import { describeCommand } from '../run-ipxfer.js';
import type { SessionContext } from './context.js';
import { checkPublishers } from './publisher-checks.js';
import type { RepairState } from './state.js';

export interface CopyAndCheck {
  ctx: SessionContext;
  plan: Plan;
  server: CertificateFile;
  signal: AbortSignal;
  onProgress: (p: CollectProgress) => void;
  /** The copies exist (before their signatures are checked). */
  onCopied: (workDir: string, files: CollectedFile[]) => void;
  /** Windows is judging the programs' signatures: for how long so far; null once it is done. */
  onOsWaiting?: (elapsedMs: number | null) => void;
}

export async function copyAndCheck(o: CopyAndCheck): Promise<Pick<RepairState, 'publisher' | 'commandPreview'>> {
  let last = 0;
  const { workDir, files } = await collectFiles({
    plan: o.plan,
    workBase: o.ctx.options.workBase,
    now: o.ctx.now(),
    signal: o.signal,
    makePrivate: (dir) => o.ctx.platform.makePrivateFolder(dir),
    privateRoot: o.ctx.platform.machineFolder(),
    onProgress: (progress) => {
      // Progress is for eyes: a few updates a second per file are enough.
      const now = o.ctx.now().getTime();
      if (now - last < 50 && progress.fileBytes !== 0 && progress.fileBytes !== progress.fileTotal) return;
      last = now;
      o.onProgress(progress);
    },
  });
  o.onCopied(workDir, files);
  try {
    const copiedCert = files.find((f) => f.role === 'certificate')!;
    if (copiedCert.sha256 !== o.server.sha256File) throw new FixError({ code: 'copy-mismatch', file: copiedCert.source });
    const publisher = await checkPublishers(o.ctx.platform, files.map((f) => ({ name: f.name, role: f.role, path: f.copy })), { now: () => o.ctx.now(), onOsWaiting: o.onOsWaiting }, o.signal);
    const names = { workDir, ipxferName: files.find((f) => f.role === 'ipxfer')!.name, certificateName: copiedCert.name };
    return { publisher, commandPreview: { withPassword: describeCommand({ ...names, password: 'x' }), withoutPassword: describeCommand({ ...names, password: null }) } };
  } catch (e) {
    await rm(workDir, { recursive: true, force: true });
    throw e;
  }
}
