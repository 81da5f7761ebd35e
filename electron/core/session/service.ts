/**
 * What the repair session and the small services beside it (the offline kit, the mismatched agents
 * list) share: a state that listeners see on every change, one operation at a time with its own
 * abort, an output log with its listeners, and words that follow the session's language.
 */
import type { SessionContext } from './context.js';
import { OperationGate } from './operation-gate.js';
import { OutputLog } from '../output-log.js';
import type { OutputLine } from '../run-ipxfer.js';
import type { ErrorStep, WordedError } from './state.js';

export abstract class SessionService<State extends { busy: Op | null; error: WordedError | null }, Op extends string> {
  protected st: State;
  protected readonly gate = new OperationGate<Op>();
  /** The output of the program this service runs (IpXfer, CertificateManager): bounded head and tail. */
  protected output = new OutputLog();
  private readonly listeners = new Set<(s: State) => void>();
  private readonly outputListeners = new Set<(line: OutputLine) => void>();
  private readonly offLang: () => void;

  constructor(
    readonly ctx: SessionContext,
    initial: State,
    private readonly step: ErrorStep,
  ) {
    this.st = this.derive(initial);
    this.offLang = ctx.onLang(() => this.update(this.reworded()));
  }

  get state(): State {
    return this.st;
  }

  onState(listener: (s: State) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onOutput(listener: (line: OutputLine) => void): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  /** The output kept for this run (bounded head and tail): what a reconnecting page shows again. */
  outputSnapshot(): { lines: OutputLine[]; total: number; truncated: boolean } {
    return this.output.snapshot();
  }

  /** A line of the running program's output: kept, and sent to every listener. */
  protected emitOutput(line: OutputLine): void {
    this.output.push(line);
    for (const l of this.outputListeners) l(line);
  }

  /** Fields computed from the others on every change (the repair's `available`); none by default. */
  protected derive(next: State): State {
    return next;
  }

  /** What changes when the language does: the error, worded again (a service adds its own texts). */
  protected reworded(): Partial<State> {
    const error = this.st.error;
    return { error: error ? this.ctx.word(error.details, error.step) : null } as Partial<State>;
  }

  protected update(patch: Partial<State>): void {
    this.st = this.derive({ ...this.st, ...patch, busy: this.gate.busy });
    for (const l of this.listeners) l(this.st);
  }

  /** Where a failure lands: in `state.error`, worded (the repair also sets its outcome). */
  protected failed(e: unknown, step: ErrorStep): false {
    this.update({ error: this.ctx.wordError(e, step).error } as Partial<State>);
    return false;
  }

  /**
   * Runs `fn` as this service's only operation: `busy` is thrown, any other failure goes to
   * `failed`, worded for `step` (where it shows). The gate's release is published.
   */
  protected async guard(op: Op, step: ErrorStep | (() => ErrorStep), fn: (signal: AbortSignal) => Promise<boolean>): Promise<boolean> {
    try {
      return await this.gate.run(op, async (signal) => {
        this.update({});
        try {
          return await fn(signal);
        } catch (e) {
          return this.failed(e, typeof step === 'function' ? step() : step);
        }
      });
    } finally {
      this.update({});
    }
  }

  /** Runs `fn` as this service's only operation; what it returns is the state's patch. */
  protected operate(op: Op, fn: (signal: AbortSignal) => Promise<Partial<State>>): Promise<boolean> {
    return this.guard(op, this.step, async (signal) => {
      this.update({ error: null } as Partial<State>);
      this.update(await fn(signal));
      return true;
    });
  }

  cancel(): boolean {
    return this.gate.cancel();
  }

  /**
   * Stops what runs and lets go of the listeners; resolves once the operation has ended (its
   * program and everything it started stopped), so a closing host removes nothing still in use.
   */
  dispose(): Promise<void> {
    this.gate.cancel();
    this.offLang();
    this.listeners.clear();
    this.outputListeners.clear();
    return this.gate.idle();
  }
}
