/**
 * Runs a program the way every vendor tool here is run: an argument array and no shell, in a given
 * folder, output decoded in the PC's code page and emitted line by line as it arrives, secrets
 * hidden in everything emitted, a time limit and cancel that end everything it started.
 *
 * Whatever the program does:
 * - It ends when the program ends. Output is read until the pipes close, but at most `drainMs`
 *   longer: a helper it started may hold them open for ever (`outputHeldOpen`).
 * - A crash or a signal is an abnormal end (`signal`, `abnormal`), not a failure to start:
 *   `startError` is set only when the OS could not start the program at all.
 * - On a time limit or cancel, `killTree` ends the program and what it started (every process
 *   carries an environment tag for that, see process-tree.ts); `stillRunning` then names what
 *   is left, also after a normal end (null where the platform cannot tell).
 * - Output costs linear time and bounded memory whatever its shape (line-decoder.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { LineDecoder, type LineInfo } from './line-decoder.js';
import { Redactor } from './redactor.js';
import { stillRunning, TAG_VARIABLE, type RunningProcess } from './process-tree.js';

export type { RunningProcess };

export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
  /** The line goes on in the next one (it was longer than 64 KiB). */
  split?: true;
}

export interface ProgramResult {
  exitCode: number | null;
  /** The signal that ended it (POSIX), e.g. `SIGSEGV`; null when it exited by itself. */
  signal: string | null;
  /** Ended by a crash or a signal it was not sent by us (POSIX signal, Windows NTSTATUS code). */
  abnormal: boolean;
  timedOut: boolean;
  cancelled: boolean;
  /** From start to the program's end. */
  durationMs: number;
  /** The OS error when the program could not start (ENOENT, EACCES, ...). */
  startError: string | null;
  /** It ended, but something it started kept its output open; reading stopped `drainMs` later. */
  outputHeldOpen: boolean;
  /** What it started that still ran when the run ended; null where this cannot be told. */
  stillRunning: RunningProcess[] | null;
}

export interface ProgramOptions {
  file: string;
  args: string[];
  cwd: string;
  /** Text that must never be emitted (the unload password), in any form. */
  secrets?: (string | null)[];
  codePage: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onLine: (line: OutputLine) => void;
  /** Ends the program and what it started; may name what it could not end. */
  killTree: (pid: number, tag: string) => Promise<RunningProcess[] | void>;
  /** How long to keep reading after the program ended; default DRAIN_MS. */
  drainMs?: number;
}

export const DRAIN_MS = 2000;
/** After a kill, how long to wait for the program to end before giving up on it. */
const STOP_WAIT_MS = 10_000;

const POSIX = process.platform !== 'win32';
const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

type Exit = { code: number | null; signal: NodeJS.Signals | null };

export async function runProgram(o: ProgramOptions): Promise<ProgramResult> {
  const result: ProgramResult = { exitCode: null, signal: null, abnormal: false, timedOut: false, cancelled: false, durationMs: 0, startError: null, outputHeldOpen: false, stillRunning: [] };
  if (o.signal?.aborted) return { ...result, cancelled: true };
  const started = performance.now();
  const tag = randomUUID();
  const redactor = new Redactor(o.secrets ?? [], { codePage: o.codePage });
  let child: ChildProcess;
  try {
    child = spawn(o.file, o.args, {
      cwd: o.cwd,
      env: { ...process.env, [TAG_VARIABLE]: tag },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      // POSIX: its own process group and session, so killing reaches its helpers.
      detached: POSIX,
    });
  } catch (e) {
    // Only the errno: a message would repeat the command line, secrets included.
    return { ...result, startError: (e as NodeJS.ErrnoException).code ?? 'unknown' };
  }
  const startError = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    child.once('spawn', () => resolve(null));
    child.once('error', resolve);
  });
  if (startError || child.pid === undefined) {
    child.stdout?.destroy();
    child.stderr?.destroy();
    return { ...result, startError: startError?.code ?? 'unknown' };
  }
  const pid = child.pid;
  child.on('error', () => undefined); // a failed kill later is not a crash of ours

  const emit = (stream: OutputLine['stream']) => (text: string, info: LineInfo) => o.onLine(info.split ? { stream, text, split: true } : { stream, text });
  const decoders = [new LineDecoder(o.codePage, emit('stdout'), redactor), new LineDecoder(o.codePage, emit('stderr'), redactor)] as const;
  child.stdout!.on('data', (chunk: Buffer) => decoders[0].write(chunk));
  child.stderr!.on('data', (chunk: Buffer) => decoders[1].write(chunk));

  let exit: Exit | null = null;
  const exited = new Promise<void>((resolve) => child.once('exit', (code, signal) => ((exit = { code, signal }), resolve())));
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let endDrain = () => undefined as void;
  const drainCut = new Promise<void>((resolve) => (endDrain = resolve));

  let stopping = false;
  let killerSaid: RunningProcess[] | null = null;
  let gaveUp = () => undefined as void;
  const givenUp = new Promise<void>((resolve) => (gaveUp = resolve));
  let stopped: Promise<void> | null = null;
  const stop = () => (stopped ??= stopTree());
  const stopTree = async () => {
    if (stopping || exit) return;
    stopping = true;
    try {
      killerSaid = (await o.killTree(pid, tag)) ?? null;
    } catch {
      // the fallback below still ends the program itself
    }
    if (!exit) child.kill('SIGKILL');
    await Promise.race([exited, delay(STOP_WAIT_MS)]);
    if (!exit) gaveUp();
  };
  // If this process ends first, the program must not outlive it.
  const onOwnExit = () => {
    try {
      process.kill(POSIX ? -pid : pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', onOwnExit);
  const timer = setTimeout(() => {
    result.timedOut = true;
    void stop();
  }, o.timeoutMs);
  const onAbort = () => {
    if (exit) return endDrain(); // it had ended: only stop waiting for its helpers
    result.cancelled = true;
    void stop();
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  // A cancel that came while the program was starting fired before this listener existed.
  if (o.signal?.aborted) onAbort();

  try {
    await Promise.race([exited, givenUp]);
    result.durationMs = Math.round(performance.now() - started);
    clearTimeout(timer);
    const drained = await Promise.race([closed.then(() => true), delay(o.drainMs ?? DRAIN_MS).then(() => false), drainCut.then(() => false)]);
    if (!drained) {
      result.outputHeldOpen = true;
      child.stdout!.destroy();
      child.stderr!.destroy();
    }
    for (const d of decoders) d.end();
    const end = exit as Exit | null;
    result.exitCode = end?.code ?? null;
    result.signal = end?.signal ?? null;
    const stoppedByUs = result.timedOut || result.cancelled;
    if (result.timedOut) result.cancelled = false;
    result.abnormal = !stoppedByUs && (result.signal !== null || (result.exitCode !== null && result.exitCode >>> 0 >= 0xc0000000));
    // The program can end before the tree killer has finished with its helpers (Windows ends
    // the program first, then looks again): what it says is worth waiting for, within bounds.
    if (stopped) await Promise.race([stopped, delay(STOP_WAIT_MS)]);
    // POSIX looks for itself (the tag; parent links are gone with the program); the tree killer
    // may know more (what it froze and could not end); elsewhere only it can tell.
    const told = killerSaid as RunningProcess[] | null;
    const seen = POSIX ? stillRunning(pid, tag) : null;
    const left = seen || told ? [...(seen ?? []), ...(told ?? []).filter((t) => !seen?.some((s) => s.pid === t.pid))] : null;
    result.stillRunning = left?.map((p) => ({ pid: p.pid, command: redactor.mask(p.command) })) ?? null;
    return result;
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
    process.off('exit', onOwnExit);
    redactor.forget();
  }
}
