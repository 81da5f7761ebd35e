/**
 * The wizard's view state: which step is shown, the latest session view, and the output lines.
 * The session decides everything (what can happen next is `state.available`); this only remembers
 * what to show, sends intents, and moves to the step the session is at — on every (re)connect too.
 */
import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import type { HostInfo, OutputLine, RepairState, WizardApi, WizardView } from '../../electron/contract';
import { connect, type Connection } from './api-client';
import { switchLocale, type Lang } from './i18n';

export const STEPS = ['pc', 'server', 'collect', 'run', 'result', 'guide'] as const;
/** The repair's steps, plus the server check (offered when this PC is the Apex One server). */
export type Step = (typeof STEPS)[number] | 'agents';

/** Outcomes that end a repair (the Result step shows them). */
const ENDED = new Set(['fixed', 'already-fixed', 'failed', 'not-verified', 'timeout', 'cancelled']);

const t = (key: string, values?: Record<string, string | number>) => get(_)(key, values ? { values } : undefined);

/** The step a page that just connected shows: where the session is, not always "1 This PC". */
export function stepFor(v: WizardView): Step {
  const s = v.state;
  if (v.serverCheck.busy) return 'agents';
  switch (s.busy) {
    case 'run':
      return 'run';
    case 'verify':
    case 'services':
      return s.run ? 'result' : 'run';
    case 'collect':
      return 'collect';
    case 'source':
      return 'server';
    case 'detect':
      return 'pc';
  }
  if (ended(s)) return 'result';
  if (collected(s)) return 'run';
  if (s.error?.step === 'collect' && s.plan) return 'collect';
  if (s.plan && s.certificate && s.blockers.length === 0) return 'server';
  if (s.error?.step === 'source') return 'server';
  if (v.serverCheck.agents) return 'agents';
  return 'pc';
}

/** The session reached its end (a run's verdict, or "nothing to repair" with its report). */
function ended(s: RepairState): boolean {
  return s.finishedAt !== null && s.outcome !== null && ENDED.has(s.outcome);
}

function collected(s: RepairState): boolean {
  return s.collect.workDir !== null && s.collect.files.length > 0;
}

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
    this.api = connect((c) => (this.connection = c));
    this.api.onView((v) => this.receive(v));
    this.api.onOutput((batch) => {
      if (batch.reset) this.lines = [];
      for (const l of batch.lines) this.lines.push(l);
      this.lineCount = this.lines.length;
    });
    this.info = await this.api.hello();
    // The host's language wins at start: it is the session's, and its messages are in it.
    switchLocale(this.info.lang);
    const v = await first;
    // Only a session that does not know this PC yet looks at it: a reload keeps what was found.
    if (!v.state.environment && v.state.busy === null) await this.act(() => this.api.detect());
  }

  private receive(v: WizardView): void {
    const prev = this.view;
    this.view = v;
    if (!prev) {
      this.step = stepFor(v);
      this.firstView(v);
      return;
    }
    if (prev.state.lang !== v.state.lang) switchLocale(v.state.lang);
    this.narrate(prev, v);
    const s = v.state;
    // A run that ends (here or in another window) shows its result.
    if ((prev.state.busy === 'run' || prev.state.busy === 'verify') && s.busy === null && ended(s) && (this.step === 'run' || this.step === 'result')) this.step = 'result';
    // A step the session no longer supports (a new repair, a new source) gives way to where it is.
    else if (!this.reachable(this.step)) this.step = stepFor(v);
  }

  /** Says in the live region what started and how it ended. */
  private narrate(prev: WizardView, next: WizardView): void {
    const was = prev.state.busy ?? prev.kit.busy ?? prev.serverCheck.busy;
    const now = next.state.busy ?? next.kit.busy ?? next.serverCheck.busy;
    if (now && now !== was) this.announce(t(`busy.${now}`));
    else if (!now && was) {
      const s = next.state;
      const error = [s.error, next.kit.error, next.serverCheck.error].find((e) => e !== null);
      if (error) this.announce(error.message);
      else if ((was === 'run' || was === 'verify' || was === 'services') && s.outcome) this.announce(t(`result.title.${s.outcome}`));
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
    const v = this.view;
    return !!v?.serverCheck.localServer && !!v.state.environment && !v.state.environment.agent && v.state.blockers.every((b) => b.code === 'no-agent');
  }

  get busy() {
    const v = this.view;
    return v ? (v.state.busy ?? v.kit.busy ?? v.serverCheck.busy) : null;
  }

  reachable(step: Step): boolean {
    const s = this.state;
    if (!s) return step === 'pc';
    switch (step) {
      case 'pc':
      case 'guide':
        return true;
      case 'agents':
        return this.view?.serverCheck.localServer != null;
      case 'server':
        // On the Apex One server (no agent there, which is normal) the Server step makes offline kits.
        return s.environment !== null && (s.blockers.length === 0 || this.onServer);
      case 'collect':
        return s.plan !== null && s.certificate !== null && s.blockers.length === 0;
      case 'run':
        return collected(s);
      case 'result':
        return ended(s);
    }
  }

  go(step: Step): void {
    this.notice = null;
    if (this.reachable(step)) this.step = step;
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

  /** Sends an intent; a refusal (another step still running...) is shown, never thrown away. */
  /**
   * Stopping IpXfer part-way can leave the agent's services stopped and unregistered from the
   * server (KA-0006149): the page asks first, then cancels.
   */
  confirmingCancel = $state(false);

  async cancelRun(): Promise<void> {
    this.confirmingCancel = false;
    await this.act(() => this.api.cancel());
  }

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

  /** "Check and continue": checks the source; moves on when the files were found. */
  async check(source: string, build: number | null): Promise<void> {
    if (!(await this.act(() => this.api.setSource(source, build)))) return;
    const s = this.state;
    if (s?.plan && !s.error && this.reachable('collect')) this.moveTo('collect', t('done.found'));
  }

  /** "Copy and continue" (or, when the agent already has the certificate, repair anyway / finish). */
  async copy(force: boolean): Promise<void> {
    if (!(await this.act(() => this.api.collect(force)))) return;
    const s = this.state;
    if (s?.outcome === 'already-fixed') this.moveTo('result', t('result.title.already-fixed'));
    else if (s && collected(s) && !s.error) this.moveTo('run', t('done.collect'));
  }

  async run(password: string | null, allowUnverifiedPublisher: boolean): Promise<void> {
    this.lines = [];
    this.lineCount = 0;
    this.confirmingCancel = false;
    await this.act(() => this.api.run(password, allowUnverifiedPublisher));
    this.confirmingCancel = false;
    if (this.state && ended(this.state)) this.step = 'result';
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
