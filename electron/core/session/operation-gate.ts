/**
 * One operation at a time, each with its own abort: a second intent while one runs is refused with
 * a `busy` error (five `run`s at once once started five IpXfers whose reports overwrote each other).
 */
import { FixError } from '../errors.js';

export class OperationGate<Op extends string> {
  private current: { op: Op; abort: AbortController; ended: Promise<void> } | null = null;

  get busy(): Op | null {
    return this.current?.op ?? null;
  }

  /** Runs `fn` as the only operation; throws FixError `busy` when another one is running. */
  async run<T>(op: Op, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.current) throw new FixError({ code: 'busy', running: this.current.op });
    const abort = new AbortController();
    let end = () => {};
    this.current = { op, abort, ended: new Promise<void>((resolve) => (end = resolve)) };
    try {
      return await fn(abort.signal);
    } finally {
      this.current = null;
      end();
    }
  }

  /** Resolves once no operation runs (at once when none does): a host that closes waits for this. */
  idle(): Promise<void> {
    return this.current?.ended ?? Promise.resolve();
  }

  /** Stops the running operation, if any; it ends as `cancelled`. */
  cancel(): boolean {
    if (!this.current) return false;
    this.current.abort.abort();
    return true;
  }
}

/** Throws `cancelled` once the signal is aborted: called between the steps of an operation. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new FixError({ code: 'cancelled' });
}
