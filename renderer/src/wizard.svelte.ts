/**
 * The wizard's view state: which step is shown, the latest session view, and the output lines.
 * The session decides everything (what can happen next is `state.available`; which steps are open
 * and where it is, `steps`); this only remembers what to show, sends intents, and moves to the
 * step the session is at — on every (re)connect too.
 */
import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import { WIZARD_STEPS, type HostInfo, type OutputLine, type WizardApi, type WizardStep, type WizardView } from '../../electron/contract/page.js';
import { connect, type Connection } from './api-client';
import { switchLocale, warmIntl, type Lang } from './i18n';

const STEP_KEY = 'apex-cert-fix.step';

function rememberedStep(): Step | null {
  try {
    const v = sessionStorage.getItem(STEP_KEY);
    return v && ([...WIZARD_STEPS, 'agents'] as string[]).includes(v) ? (v as Step) : null;
  } catch {
    return null;
  }
}

/** The repair's steps in order (the server check, 'agents', stands beside them): the session's list. */
export const STEPS = WIZARD_STEPS;
export type Step = WizardStep;

const t = (key: string, values?: Record<string, string | number>) => get(_)(key, values ? { values } : undefined);

class Wizard {
  api!: WizardApi;
  info = $state<HostInfo | null>(null);
  view = $state.raw<WizardView | null>(null);
  step = $state<Step>('pc');
  connection = $state<Connection>('connecting');
  /** What the live region says: each state change a keyboard or screen-reader user must hear. */
  announcement = $state('');
  /** An intent the session refused (another step still running...), worded by the engine. */
  notice = $state<string | null>(null);
  /** Output lines live outside Svelte's reactivity (100k of them); `lineCount` tells views to redraw. */
  lines: OutputLine[] = [];
  lineCount = $state(0);
  private firstView: (v: WizardView) => void = () => undefined;

  async start(): Promise<void> {
    const first = new Promise<WizardView>((resolve) => (this.firstView = resolve));
    // A view that arrives before the host's answer to hello (the host sends it first) is held and
    // shown with that answer: the first screen is drawn once, with the host's language and facts.
    let answered = false;
    let held = null as WizardView | null;
    this.api = connect((c) => (this.connection = c));
    this.api.onView((v) => (answered ? this.receive(v) : (held = v)));
    this.api.onOutput((batch) => {
      if (batch.reset) this.lines = [];
      for (const l of batch.lines) this.lines.push(l);
      this.lineCount = this.lines.length;
    });
    try {
      this.info = await this.api.hello();
      // The host's language wins at start: it is the session's, and its messages are in it.
      switchLocale(this.info.lang);
    } finally {
      answered = true;
      if (held) this.receive(held);
    }
    const v = await first;
    // Only a session that does not know this PC yet looks at it: a reload keeps what was found.
    if (!v.state.environment && v.state.busy === null) await this.act(() => this.api.detect());
    warmIntl(this.info.lang);
  }

  private receive(v: WizardView): void {
    const prev = this.view;
    this.view = v;
    if (!prev) {
      // A reload stays on the step the user was at (if the session still offers it), else where the session is.
      const kept = rememberedStep();
      this.step = kept && v.steps.open[kept] ? kept : v.steps.at;
      this.firstView(v);
      return;
    }
    if (prev.state.lang !== v.state.lang) switchLocale(v.state.lang);
    this.narrate(prev, v);
    const s = v.state;
    // A run that ends (here or in another window) shows its result.
    if ((prev.state.busy === 'run' || prev.state.busy === 'verify' || prev.state.busy === 'repair') && s.busy === null && v.steps.open.result && (this.step === 'run' || this.step === 'result' || this.step === 'pc')) this.step = 'result';
    // A step the session no longer supports (a new repair, a new source) gives way to where it is.
    else if (!this.reachable(this.step)) this.step = v.steps.at;
  }

  /** Says in the live region what started and how it ended. */
  private narrate(prev: WizardView, next: WizardView): void {
    const was = prev.state.busy ?? prev.kit.busy ?? prev.mismatchedAgents.busy;
    const now = next.state.busy ?? next.kit.busy ?? next.mismatchedAgents.busy;
    if (now && now !== was) this.announce(t(`busy.${now}`));
    else if (!now && was) {
      const s = next.state;
      const error = [s.error, next.kit.error, next.mismatchedAgents.error].find((e) => e !== null);
      if (error) this.announce(error.message);
      else if ((was === 'run' || was === 'verify' || was === 'services' || was === 'repair') && next.text.outcomeTitle) this.announce(next.text.outcomeTitle);
      else this.announce(t(`done.${was}`));
    }
  }

  announce(text: string): void {
    // Cleared first, so the same words said twice are heard twice.
    this.announcement = '';
    queueMicrotask(() => (this.announcement = text));
  }

  get state() {
    return this.view?.state ?? null;
  }

  get text() {
    return this.view?.text ?? null;
  }

  /** This PC is the Apex One server and has no agent: nothing to repair here, kits to make. */
  get onServer(): boolean {
    return this.view?.steps.onServer ?? false;
  }

  get busy() {
    const v = this.view;
    return v ? (v.state.busy ?? v.kit.busy ?? v.mismatchedAgents.busy) : null;
  }

  /** The session says which steps are open (nothing but the first before it has said anything). */
  reachable(step: Step): boolean {
    return this.view?.steps.open[step] ?? step === 'pc';
  }

  go(step: Step): void {
    this.notice = null;
    if (this.reachable(step)) this.step = step;
  }

  /** The step shown: remembered for a reload of this tab (a view memory, not a step rule). */
  rememberStep(): void {
    // Before the first view the step is only the default: nothing to remember yet.
    if (!this.view) return;
    try {
      sessionStorage.setItem(STEP_KEY, this.step);
    } catch {
      // No storage (a locked-down browser): a reload lands where the session is.
    }
  }

  /** Set by "Try another password": the repair screen puts the keyboard in the emptied password field. */
  focusPassword = $state(false);

  /** After a result: back to the repair screen, the password field emptied and focused; the next repair makes fresh copies. */
  again(): void {
    this.notice = null;
    this.focusPassword = true;
    this.step = 'pc';
  }

  next(): void {
    const i = STEPS.indexOf(this.step as (typeof STEPS)[number]);
    const to = STEPS[i + 1];
    if (to && to !== 'guide') this.go(to);
  }

  back(): void {
    const i = STEPS.indexOf(this.step as (typeof STEPS)[number]);
    this.notice = null;
    if (this.step === 'agents') this.step = 'pc';
    else if (this.step === 'guide') this.step = this.reachable('result') ? 'result' : 'pc';
    else if (i > 0) this.step = STEPS[i - 1]!;
  }

  /**
   * Stopping IpXfer part-way can leave the agent's services stopped and unregistered from the
   * server (KA-0006149): the page asks first, then cancels.
   */
  confirmingCancel = $state(false);

  async cancelRun(): Promise<void> {
    this.confirmingCancel = false;
    await this.act(() => this.api.cancel());
  }

  /** Sends an intent; a refusal (another step still running...) is shown, never thrown away. */
  async act(intent: () => Promise<unknown>): Promise<boolean> {
    this.notice = null;
    try {
      await intent();
      return true;
    } catch (e) {
      this.notice = e instanceof Error ? e.message : String(e);
      return false;
    }
  }

  async setLanguage(lang: Lang): Promise<void> {
    switchLocale(lang);
    await this.act(() => this.api.setLanguage(lang));
  }

  /**
   * "Check and continue": checks the source; moves on when the files were found. `build`: a build
   * the user names (null: back to the detected one); left out, the session keeps its own.
   */
  async check(source: string, build?: number | null): Promise<void> {
    if (!(await this.act(() => (build === undefined ? this.api.setSource(source) : this.api.setSource(source, build))))) return;
    const s = this.state;
    if (s?.plan && !s.error && this.reachable('collect')) this.moveTo('collect', t('done.found'));
  }

  /** After `server-mismatch`: the user confirmed using the other server's files (the report records it). */
  async allowOtherServer(): Promise<void> {
    if (!(await this.act(() => this.api.allowOtherServer()))) return;
    const s = this.state;
    if (s?.plan && !s.error && this.reachable('collect')) this.moveTo('collect', t('done.found'));
  }

  /** "Copy and continue" (or, when the agent already has the certificate, repair anyway / finish). */
  async copy(force: boolean): Promise<void> {
    if (!(await this.act(() => this.api.collect(force)))) return;
    const s = this.state;
    if (s?.outcome === 'already-fixed') this.moveTo('result', this.text?.outcomeTitle ?? '');
    else if (s && this.reachable('run') && !s.error) this.moveTo('run', t('done.collect'));
  }

  async run(password: string | null, allowUnverifiedPublisher: boolean): Promise<void> {
    this.lines = [];
    this.lineCount = 0;
    this.confirmingCancel = false;
    await this.act(() => this.api.run(password, allowUnverifiedPublisher));
    this.confirmingCancel = false;
    if (this.reachable('result')) this.step = 'result';
  }

  /**
   * The one click (issue 20 §1): copy → checks → IpXfer → verify in the session, each phase shown
   * live on this screen; the result step once it has ended. A publisher refusal stays here, with
   * its confirmation.
   */
  async repair(password: string | null, allowUnverifiedPublisher: boolean, force: boolean): Promise<void> {
    this.lines = [];
    this.lineCount = 0;
    this.confirmingCancel = false;
    await this.act(() => this.api.repair(password, allowUnverifiedPublisher, force));
    this.confirmingCancel = false;
    if (this.reachable('result') && this.state?.finishedAt) this.step = 'result';
  }

  /** "Done" / "Repair another PC": a fresh session in the same language, back to step 1. */
  async newRepair(): Promise<void> {
    if (await this.act(() => this.api.newRepair())) this.step = 'pc';
  }

  private moveTo(step: Step, said: string): void {
    this.step = step;
    this.announce(`${said} ${t('app.now_at', { step: t(`step.${step}`) })}`);
  }
}

export const wizard = new Wizard();
