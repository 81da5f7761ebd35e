/**
 * The copies' Authenticode signatures: only Trend Micro's programs run without a confirmation. On
 * Windows the OS judges the chain's root (Get-AuthenticodeSignature must say Valid), asked once for
 * all programs of the run; when it gives no verdict (PowerShell missing, blocked, too slow,
 * unreadable), and elsewhere, the chain must end in a root shipped in resources/trust, and the
 * check says why Windows did not judge.
 */
import { abortable } from '../../base/abortable.js';
import { checkPublisher } from '../authenticode.js';
import type { FileRole } from '../plan.js';
import type { OsVerdict, Platform } from '../../platform/platform.js';
import { FixError } from '../errors.js';
import type { PublisherState } from './state.js';
import { throwIfCancelled } from './operation-gate.js';

/** How often the wait for Windows' verdict is published (the page shows the seconds). */
const TICK_MS = 1000;

export interface PublisherCheckTiming {
  /** The session's clock, for certificates without a verified timestamp and for the wait shown. */
  now: () => Date;
  /** Windows is judging the signatures: how long so far; null when it answered (or gave up). */
  onOsWaiting?: (elapsedMs: number | null) => void;
}

/** Windows' verdicts on all programs at once, the wait published each second. */
async function askWindows(platform: Platform, files: readonly string[], timing: PublisherCheckTiming, signal: AbortSignal): Promise<OsVerdict[] | null> {
  const ask = platform.osSignatureStatuses?.bind(platform);
  if (!ask || files.length === 0) return null;
  const started = timing.now().getTime();
  const tick = () => timing.onOsWaiting?.(Math.max(0, timing.now().getTime() - started));
  tick();
  const timer = setInterval(tick, TICK_MS);
  try {
    return await abortable(ask(files, signal), signal);
  } finally {
    clearInterval(timer);
    timing.onOsWaiting?.(null);
  }
}

/** A program to check where it is: a copy before it runs (fix), or the source's file itself (inspect). */
export interface ProgramFile {
  name: string;
  role: FileRole;
  path: string;
}

/** Who signed each program (certificates are left out: they are not run). */
export async function checkPublishers(platform: Platform, files: readonly ProgramFile[], timing: PublisherCheckTiming, signal: AbortSignal): Promise<PublisherState> {
  const programs = files.filter((x) => x.role !== 'certificate');
  throwIfCancelled(signal);
  const verdicts = await askWindows(platform, programs.map((f) => f.path), timing, signal);
  const now = timing.now();
  const checks = [];
  for (const [i, f] of programs.entries()) {
    throwIfCancelled(signal);
    const check = await abortable(checkPublisher(f.path, { osVerdict: verdicts?.[i], now }), signal);
    checks.push({ ...check, name: f.name, role: f.role });
  }
  throwIfCancelled(signal);
  return { checks, allTrusted: checks.every((c) => c.outcome === 'trusted') };
}

/**
 * Programs not verified as Trend Micro's run only when the user confirmed it: the refusal names
 * each one with why. Null when they may run; `overridden` when they run on the user's word.
 */
export function publisherGate(publisher: PublisherState | null, allowUnverified: boolean): { refusal: FixError | null; overridden: boolean } {
  if (!publisher || publisher.allTrusted) return { refusal: null, overridden: false };
  if (allowUnverified) return { refusal: null, overridden: true };
  const files = publisher.checks.filter((c) => c.outcome !== 'trusted').map((c) => ({ name: c.name, outcome: c.outcome, signer: c.signatures[0]?.signer?.subject ?? null }));
  return { refusal: new FixError({ code: 'publisher-untrusted', files }), overridden: false };
}
