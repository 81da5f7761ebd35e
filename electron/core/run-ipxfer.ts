/**
 * Step "run": starts the collected IpXfer (never a path from the UI) in the working folder, through
 * runProgram (no shell, live decoded output, time limit, tree kill). The password only leaves masked:
 * every line of IpXfer's output that holds it, in any form, is hidden whole (base/redactor.ts).
 */
import path from 'node:path';
import { MASK } from '../base/redactor.js';
import { runProgram, type OutputLine, type ProgramOptions, type ProgramResult } from '../base/run-program.js';

export type { OutputLine };

export interface IpXferCommand {
  executable: string;
  /** Arguments as shown and stored: the password is `********`. */
  args: string[];
  cwd: string;
}

export type RunResult = ProgramResult;

export interface RunOptions {
  workDir: string;
  ipxferName: string;
  certificateName: string;
  password: string | null;
  codePage: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onLine: (line: OutputLine) => void;
  /** Ends IpXfer and what it started (the run's environment tag helps find them on POSIX). */
  killTree: ProgramOptions['killTree'];
  /** The platform's way to start a program (Platform.programCommand); absent: IpXfer itself. */
  programCommand?: (file: string, args: string[]) => { file: string; args: string[] };
}

/** KB 1102855: `IpXfer[_x64].exe -e <folder>\OfcNTCer.dat [-pwd <password>]`. */
export function ipxferArgs(certificate: string, password: string | null): string[] {
  return password ? ['-e', certificate, '-pwd', password] : ['-e', certificate];
}

export function describeCommand(o: Pick<RunOptions, 'workDir' | 'ipxferName' | 'certificateName' | 'password'>): IpXferCommand {
  return {
    executable: path.join(o.workDir, o.ipxferName),
    args: ipxferArgs(path.join(o.workDir, o.certificateName), o.password ? MASK : null),
    cwd: o.workDir,
  };
}

export function runIpXfer(o: RunOptions): Promise<RunResult> {
  const file = path.join(o.workDir, o.ipxferName);
  const args = ipxferArgs(path.join(o.workDir, o.certificateName), o.password);
  const command = o.programCommand ? o.programCommand(file, args) : { file, args };
  return runProgram({
    file: command.file,
    args: command.args,
    cwd: o.workDir,
    secrets: [o.password],
    codePage: o.codePage,
    timeoutMs: o.timeoutMs,
    signal: o.signal,
    onLine: o.onLine,
    killTree: o.killTree,
  });
}
