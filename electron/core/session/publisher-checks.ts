/**
 * The copies' Authenticode signatures: only Trend Micro's programs run without a confirmation. On
 * Windows the OS judges the chain's root (Get-AuthenticodeSignature must say Valid); elsewhere the
 * chain must end in a root shipped in resources/trust.
 */
import { abortable } from '../../base/abortable.js';
import { checkPublisher } from '../authenticode.js';
import type { CollectedFile } from '../collect.js';
import type { Platform } from '../../platform/platform.js';
import { FixError } from '../errors.js';
import type { PublisherState } from './state.js';
import { throwIfCancelled } from './operation-gate.js';

/** `now`: the session's clock, for certificates without a verified timestamp. */
export async function checkPublishers(platform: Platform, files: CollectedFile[], now: Date, signal: AbortSignal): Promise<PublisherState> {
  const osSignatureStatus = platform.osSignatureStatus?.bind(platform);
  const checks = [];
  for (const f of files.filter((x) => x.role !== 'certificate')) {
    throwIfCancelled(signal);
    const check = await abortable(checkPublisher(f.copy, { osSignatureStatus, now }), signal);
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
