/**
 * `apex-cert-fix fix`: the repair, unattended: this PC, the source, the copies and their
 * publishers, IpXfer with the password read beforehand, verify, the report (which says whether
 * the working folder was removed or kept, and where).
 */
import { finishCli, type CliRun } from './finish.js';

export async function fixCommand(run: CliRun, password: string | null): Promise<number> {
  const { args, session, printer } = run;
  const done = () => finishCli(session.report('fix'), run, session);
  if (!(await session.detect())) return done();
  printer.environment();
  // Environment problems stop a fix before the share is even read.
  if (!session.checkReady()) return done();
  if (!(await session.setSource(args.source, args.serverBuild, { allowOtherServer: args.allowOtherServer }))) return done();
  printer.source();
  if (!(await session.collect(args.force))) return done();
  if (session.state.outcome === 'already-fixed') return done();
  printer.collected();
  await session.run(password, { allowUnverifiedPublisher: args.allowUnverifiedPublisher });
  // Copies that never ran (refused publisher, changed copies, a cancel before IpXfer) do not stay.
  await session.leave();
  return done();
}
