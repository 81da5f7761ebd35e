/**
 * Step 2's work: find the server files, work out the build and the plan, read the server's
 * certificate and compare the agent's with it. Reads only: nothing on the PC changes. Each finding
 * is handed on as soon as it is known, so a page shows the tried paths even when a later read fails.
 */
import { abortable } from '../../base/abortable.js';
import type { CertificateFile } from '../certificate.js';
import type { EnvironmentInfo } from '../environment.js';
import type { Outcome } from '../outcome.js';
import { certificateNotes, planFiles, serverNotes } from '../plan.js';
import { detectServerBuild } from '../server-build.js';
import type { ServerFiles } from '../server-files.js';
import { resolveSource } from '../source.js';
import { FixError } from '../errors.js';
import { matchServers, refusesRepair, sourceServer } from '../server-match.js';
import { fileArchFor } from '../vendor-layout.js';
import { agentBefore, alreadyFixed } from './agent-before.js';
import type { SessionContext } from './context.js';
import { throwIfCancelled } from './operation-gate.js';
import { readServerCertificate } from './server-certificate.js';
import type { RepairState } from './state.js';

export interface CheckSource {
  ctx: SessionContext;
  env: EnvironmentInfo;
  input: string;
  /** The build the user named (null: work it out from the files). */
  serverBuild: number | null;
  /** The user confirmed using files from another server than the agent's (recorded). */
  allowOtherServer: boolean;
  signal: AbortSignal;
  onFound: (patch: Partial<RepairState>) => void;
}

export interface SourceChecked {
  files: ServerFiles;
  certificate: CertificateFile;
  /** The rest of the finding: plan, certificate, the agent before, and `ready` or `already-fixed`. */
  patch: Pick<RepairState, 'plan' | 'certificate' | 'agentCertificateBefore'> & { outcome: Outcome };
}

export async function checkSource(o: CheckSource): Promise<SourceChecked> {
  const { ctx, env, signal } = o;
  const files = await abortable(resolveSource(ctx.platform, o.input), signal);
  o.onFound({ source: { input: o.input, root: files.root, tried: files.tried } });
  // The certificate goes to the agent's own server (issue 18 §2): decided before anything else.
  const match = await abortable(matchServers(sourceServer(files), env.agent?.server ?? null, env.agent !== null, (name) => ctx.platform.resolveHost(name)), signal);
  const refused = refusesRepair(match);
  const serverMatch = { ...match, allowed: refused && o.allowOtherServer };
  o.onFound({ serverMatch });
  if (refused && !o.allowOtherServer) throw new FixError({ code: 'server-mismatch', source: match.source!, agent: match.agent, unknown: match.verdict === 'unknown' });
  const arch = env.arch ?? 'x64';
  const build = await abortable(detectServerBuild({ files, fileArch: fileArchFor(arch), override: o.serverBuild, agentBuild: env.agent?.build ?? null }), signal);
  o.onFound({ serverBuild: build });
  const planned = planFiles(files, arch, build);
  const certificate = await abortable(readServerCertificate(files), signal);
  const plan = { ...planned, notes: [...serverNotes(serverMatch), ...planned.notes, ...certificateNotes(certificate.certificate, ctx.now())] };
  const before = env.agent ? await agentBefore(ctx.platform, env.agent, certificate, signal) : null;
  throwIfCancelled(signal);
  return { files, certificate, patch: { plan, certificate: certificate.certificate, agentCertificateBefore: before, outcome: alreadyFixed(before) ? 'already-fixed' : 'ready' } };
}
