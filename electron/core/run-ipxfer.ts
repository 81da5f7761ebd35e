/**
 * Step "run": starts the collected IpXfer (never a path from the UI) with an argument array and no
 * shell, in the working folder, and streams its output line by line in the PC's code page.
 * A time limit and cancel end the whole process tree. The password only ever leaves masked.
 */
import { execa } from 'execa';
import path from 'node:path';
import { LineDecoder } from './line-decoder.js';
import { MASK, Redactor } from './redactor.js';

export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface IpXferCommand {
  executable: string;
  /** Arguments as shown and stored: the password is `********`. */
  args: string[];
  cwd: string;
}

export interface RunResult {
  exitCode: number | null;
  timedOut: boolean;
  cancelled: boolean;
  durationMs: number;
  /** The OS error when the program could not start (ENOENT, EACCES, ...). */
  startError: string | null;
}

export interface RunOptions {
  workDir: string;
  ipxferName: string;
  certificateName: string;
  password: string | null;
  codePage: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onLine: (line: OutputLine) => void;
  killTree: (pid: number) => Promise<void>;
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

export async function runIpXfer(o: RunOptions): Promise<RunResult> {
  const redactor = new Redactor(o.password);
  const started = performance.now();
  let timedOut = false;
  let cancelled = o.signal?.aborted ?? false;
  if (cancelled) return { exitCode: null, timedOut, cancelled, durationMs: 0, startError: null };

  const child = execa(path.join(o.workDir, o.ipxferName), ipxferArgs(path.join(o.workDir, o.certificateName), o.password), {
    cwd: o.workDir,
    encoding: 'buffer',
    buffer: false,
    stdin: 'ignore',
    reject: false,
    windowsHide: true,
    // Own process group on POSIX, so killTree reaches helpers the program starts.
    detached: process.platform !== 'win32',
    cleanup: true,
  });

  const emit = (stream: OutputLine['stream']) => (text: string) => o.onLine({ stream, text: redactor.mask(text) });
  const decoders = { stdout: new LineDecoder(o.codePage, emit('stdout')), stderr: new LineDecoder(o.codePage, emit('stderr')) };
  child.stdout?.on('data', (chunk: Buffer) => decoders.stdout.write(chunk));
  child.stderr?.on('data', (chunk: Buffer) => decoders.stderr.write(chunk));

  const stop = () => {
    if (child.pid !== undefined) void o.killTree(child.pid).catch(() => child.kill('SIGKILL'));
    else child.kill('SIGKILL');
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, o.timeoutMs);
  const onAbort = () => {
    cancelled = true;
    stop();
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    const result = await child;
    decoders.stdout.end();
    decoders.stderr.end();
    // Only the errno: execa's own message repeats the command line, password included.
    const startError = result.failed && result.exitCode === undefined && !timedOut && !cancelled ? ((result as { code?: string }).code ?? 'unknown') : null;
    return {
      exitCode: result.exitCode ?? null,
      timedOut,
      cancelled: cancelled && !timedOut,
      durationMs: Math.round(performance.now() - started),
      startError,
    };
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
    redactor.forget();
  }
}
