/**
 * Runs a program the way every Trend Micro tool here is run: an argument array and no shell, in a
 * given folder, output decoded in the PC's code page and emitted line by line as it arrives, a
 * time limit and cancel that end the whole process tree, secrets masked in everything emitted.
 */
import { execa } from 'execa';
import { LineDecoder } from './line-decoder.js';
import { Redactor } from './redactor.js';

export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ProgramResult {
  exitCode: number | null;
  timedOut: boolean;
  cancelled: boolean;
  durationMs: number;
  /** The OS error when the program could not start (ENOENT, EACCES, ...). */
  startError: string | null;
}

export interface ProgramOptions {
  file: string;
  args: string[];
  cwd: string;
  /** Text that must never be emitted (the unload password). */
  secrets?: (string | null)[];
  codePage: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onLine: (line: OutputLine) => void;
  /** Platform.killTree: may say which processes survived (KillResult). */
  killTree: (pid: number) => Promise<unknown>;
}

export async function runProgram(o: ProgramOptions): Promise<ProgramResult> {
  const redactor = new Redactor(...(o.secrets ?? []));
  const started = performance.now();
  let timedOut = false;
  let cancelled = o.signal?.aborted ?? false;
  if (cancelled) return { exitCode: null, timedOut, cancelled, durationMs: 0, startError: null };

  const child = execa(o.file, o.args, {
    cwd: o.cwd,
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
    // Only the errno: execa's own message repeats the command line, secrets included.
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
