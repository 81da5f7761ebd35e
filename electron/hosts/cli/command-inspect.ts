/**
 * `apex-cert-fix inspect`: what `fix` would do, and whether it would run, changing and copying
 * nothing. It checks what `fix` checks before IpXfer: this PC, the source, and who signed the
 * source's programs (read where they are), so that "ready" (exit 0) means `fix` would go ahead and
 * exit 2 means `fix` would refuse (e.g. an unsigned IpXfer without --allow-unverified-publisher).
 */
import { finishCli, type CliRun } from './finish.js';

export async function inspectCommand(run: CliRun): Promise<number> {
  const { args, session, printer } = run;
  const done = () => finishCli(session.report('inspect'), run, session);
  if (!(await session.detect())) return done();
  printer.environment();
  if (!(await session.setSource(args.source, args.serverBuild, { allowOtherServer: args.allowOtherServer }))) return done();
  printer.source();
  if (!session.checkReady()) return done();
  // An agent that already holds the certificate: fix copies and runs nothing, so nothing is checked.
  if (session.state.outcome === 'ready') {
    await session.checkPublishersInPlace({ allowUnverifiedPublisher: args.allowUnverifiedPublisher });
    printer.publishers();
  }
  return done();
}
