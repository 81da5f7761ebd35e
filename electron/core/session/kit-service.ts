/**
 * The offline kit as a small service beside the repair: its own busy flag, abort and error, so
 * making a kit never touches the repair's source, copies or report.
 */
import { abortable } from '../../base/abortable.js';
import { FixError } from '../errors.js';
import { KIT_FOLDER, makeKit } from '../kit.js';
import { joinDisplay } from '../../base/windows-path.js';
import { planFiles } from '../plan.js';
import { buildReport, type Report } from '../report.js';
import { detectServerBuild } from '../server-build.js';
import { resolveSource } from '../source.js';
import type { SessionContext } from './context.js';
import { readServerCertificate } from './server-certificate.js';
import { SessionService } from './service.js';
import type { KitState, RepairState } from './state.js';

export class KitService extends SessionService<KitState, 'kit'> {
  constructor(ctx: SessionContext) {
    super(ctx, { busy: null, kit: null, error: null }, 'kit');
  }

  /**
   * Writes an offline kit of the source's files for both bitnesses into `outDir`. Needs no agent
   * and no administrator rights: it is made where the server is reachable, used where it is not.
   */
  make(input: string, outDir: string, serverBuild: number | null = null): Promise<boolean> {
    return this.operate('kit', async (signal) => {
      this.update({ kit: null });
      const files = await abortable(resolveSource(this.ctx.platform, input), signal);
      const build = await detectServerBuild({ files, fileArch: 'x64', override: serverBuild, agentBuild: null });
      // The same rules as a fix, for each bitness the kit will carry.
      const arches = (['x64', 'x86'] as const).filter((a) => files.ipxfer[a]);
      for (const arch of arches.length ? arches : (['x64'] as const)) planFiles(files, arch, { ...build, needsDatFhs: build.value !== null ? build.needsDatFhs : false });
      const certificate = await readServerCertificate(files);
      if (signal.aborted) throw new FixError({ code: 'cancelled' });
      // `E:\` typed in training means the simulated stick, as on Windows: the platform maps it.
      const out = this.ctx.platform.toLocalPath(outDir);
      if (!out.ok) throw new FixError({ code: 'work-dir-failed', path: outDir, reason: out.reason });
      const made = await makeKit({ files, build, certificate: certificate.certificate, outDir: out.path, version: this.ctx.options.version, now: this.ctx.now(), signal });
      // Said as the user gave it (`E:\ApexCertFix-kit`), never as the training world's real folder.
      return { kit: { ...made, shown: joinDisplay(outDir.trim(), KIT_FOLDER) } };
    });
  }

  /** The kit's report: the repair's facts about this PC, with the kit's own outcome. */
  report(repair: RepairState): Report {
    return buildReport({ mode: 'kit', state: { ...repair, error: this.st.error, outcome: null }, output: { lines: [], total: 0, truncated: false }, files: null, serverSha256File: null, lang: this.ctx.lang, version: this.ctx.options.version, createdAt: this.ctx.now(), kit: this.st.kit });
  }
}
