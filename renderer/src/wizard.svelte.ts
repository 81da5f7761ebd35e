/**
 * The wizard's view state: which step is shown, the latest session view, and the output lines.
 * The session decides everything; this only remembers what to show and sends intents.
 */
import type { HostInfo, OutputLine, WizardApi, WizardView } from '../../electron/contract';
import { connect } from './api-client';
import { switchLocale, type Lang } from './i18n';

export const STEPS = ['pc', 'server', 'collect', 'run', 'result', 'guide'] as const;
/** The repair's steps, plus the server check (offered when this PC is the Apex One server). */
export type Step = (typeof STEPS)[number] | 'agents';

class Wizard {
  api!: WizardApi;
  info = $state<HostInfo | null>(null);
  view = $state.raw<WizardView | null>(null);
  step = $state<Step>('pc');
  disconnected = $state(false);
  /** Output lines live outside Svelte's reactivity (100k of them); `lineCount` tells views to redraw. */
  lines: OutputLine[] = [];
  lineCount = $state(0);

  async start(): Promise<void> {
    this.api = connect(() => (this.disconnected = true));
    this.api.onView((v) => (this.view = v));
    this.api.onOutput((batch) => {
      if (batch.reset) this.lines = [];
      for (const l of batch.lines) this.lines.push(l);
      this.lineCount = this.lines.length;
    });
    this.info = await this.api.hello();
    await this.api.detect();
  }

  get state() {
    return this.view?.state ?? null;
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
        return s.environment !== null && s.blockers.length === 0;
      case 'collect':
        return s.plan !== null && s.certificate !== null && s.blockers.length === 0;
      case 'run':
        return s.collect.workDir !== null && s.collect.files.length > 0;
      case 'result':
        return s.run !== null;
    }
  }

  go(step: Step): void {
    if (this.reachable(step)) this.step = step;
  }

  next(): void {
    const i = STEPS.indexOf(this.step as (typeof STEPS)[number]);
    const to = STEPS[i + 1];
    if (to && to !== 'guide' && this.reachable(to)) this.step = to;
  }

  back(): void {
    const i = STEPS.indexOf(this.step as (typeof STEPS)[number]);
    if (this.step === 'agents') this.step = 'pc';
    else if (this.step === 'guide') this.step = this.state?.run ? 'result' : 'pc';
    else if (i > 0) this.step = STEPS[i - 1]!;
  }

  async setLanguage(lang: Lang): Promise<void> {
    switchLocale(lang);
    await this.api.setLanguage(lang);
  }

  async run(password: string | null, allowUnverifiedPublisher: boolean): Promise<void> {
    this.lines = [];
    this.lineCount = 0;
    await this.api.run(password, allowUnverifiedPublisher);
    if (this.state?.run) this.step = 'result';
  }
}

export const wizard = new Wizard();
