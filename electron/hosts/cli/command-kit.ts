/**
 * `apex-cert-fix kit --source S --out DIR`: an offline kit of the source's files for both
 * bitnesses, for PCs that cannot reach the server. Needs no agent and no administrator rights.
 */
import type { KitService } from '../../core/session/kit-service.js';
import { finishCli, type CliRun } from './finish.js';

export async function kitCommand(run: CliRun, kit: KitService): Promise<number> {
  const { args, session, printer } = run;
  await session.detect();
  await kit.make(args.source, args.out!, args.serverBuild);
  printer.kit(kit.state);
  return finishCli(kit.report(session.state), run, null);
}
