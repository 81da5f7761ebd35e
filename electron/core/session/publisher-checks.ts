/** The copies' Authenticode signatures: only Trend Micro's programs run without a confirmation. */
import { checkPublisher } from '../authenticode.js';
import type { CollectedFile } from '../collect.js';
import type { Platform } from '../../platform/platform.js';
import type { PublisherState } from './state.js';
import { throwIfCancelled } from './operation-gate.js';

export async function checkPublishers(platform: Platform, files: CollectedFile[], signal: AbortSignal): Promise<PublisherState> {
  const checks = [];
  for (const f of files.filter((x) => x.role !== 'certificate')) {
    throwIfCancelled(signal);
    const check = await checkPublisher(f.copy);
    const osStatus = platform.osSignatureStatus ? await platform.osSignatureStatus(f.copy).catch(() => null) : null;
    checks.push({ ...check, name: f.name, role: f.role, osStatus });
  }
  throwIfCancelled(signal);
  return { checks, allTrusted: checks.every((c) => c.outcome === 'trusted') };
}
