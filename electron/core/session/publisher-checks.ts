/**
 * The copies' Authenticode signatures: only Trend Micro's programs run without a confirmation. On
 * Windows the OS judges the chain's root (Get-AuthenticodeSignature must say Valid); elsewhere the
 * chain must end in a root shipped in resources/trust.
 */
import { abortable } from '../../base/abortable.js';
import { checkPublisher } from '../authenticode.js';
import type { CollectedFile } from '../collect.js';
import type { Platform } from '../../platform/platform.js';
import type { PublisherState } from './state.js';
import { throwIfCancelled } from './operation-gate.js';

export async function checkPublishers(platform: Platform, files: CollectedFile[], signal: AbortSignal): Promise<PublisherState> {
  const osSignatureStatus = platform.osSignatureStatus?.bind(platform);
  const checks = [];
  for (const f of files.filter((x) => x.role !== 'certificate')) {
    throwIfCancelled(signal);
    const check = await abortable(checkPublisher(f.copy, { osSignatureStatus }), signal);
    checks.push({ ...check, name: f.name, role: f.role });
  }
  throwIfCancelled(signal);
  return { checks, allTrusted: checks.every((c) => c.outcome === 'trusted') };
}
