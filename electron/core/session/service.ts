/**
 * What the small services beside a repair share (the offline kit, the server check): a state that
 * listeners see on every change, one operation at a time with its own abort, words that follow
 * the session's language.
 */
import type { SessionContext } from './context.js';
import { OperationGate } from './operation-gate.js';
import type { ErrorStep, WordedError } from './state.js';

export abstract class SessionService<State extends { busy: Op | null; error: WordedError | null }, Op extends string> {
  protected st: State;
  protected readonly gate = new OperationGate<Op>();
  private readonly listeners = new Set<(s: State) => void>();
  private readonly offLang: () => void;

  constructor(
    readonly ctx: SessionContext,
    initial: State,
    private readonly step: ErrorStep,
  ) {
    this.st = initial;
    this.offLang = ctx.onLang(() => this.update({ error: this.st.error ? ctx.word(this.st.error.details, step) : null } as Partial<State>));
  }

  get state(): State {
    return this.st;
  }

  onState(listener: (s: State) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected update(patch: Partial<State>): void {
    this.st = { ...this.st, ...patch, busy: this.gate.busy };
    for (const l of this.listeners) l(this.st);
  }

  /** Runs `fn` as this service's only operation; a failure lands in `state.error`, worded. */
  protected async operate(op: Op, fn: (signal: AbortSignal) => Promise<Partial<State>>): Promise<boolean> {
    try {
      return await this.gate.run(op, async (signal) => {
        this.update({ error: null } as Partial<State>);
        try {
          this.update(await fn(signal));
          return true;
        } catch (e) {
          this.update({ error: this.ctx.wordError(e, this.step).error } as Partial<State>);
          return false;
        }
      });
    } finally {
      this.update({});
    }
  }

  cancel(): boolean {
    return this.gate.cancel();
  }

  dispose(): void {
    this.gate.cancel();
    this.offLang();
    this.listeners.clear();
  }
}
