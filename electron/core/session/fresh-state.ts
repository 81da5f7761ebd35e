/** The parts of a repair's state that a new source or a new collection starts from. */
import type { CollectedFile } from '../collect.js';
import type { RepairState } from './state.js';

/** What one collection owns: a new collection (or source) starts from this. */
export function freshCollection() {
  return {
    collect: { progress: null, workDir: null, files: [] as CollectedFile[] },
    publisher: null,
    osSignatureWait: null,
    publisherOverride: false,
    commandPreview: null,
    run: null,
    pcBusy: null,
    waiting: null,
    verification: null,
    report: null,
    reportError: null,
    workDirAfter: null,
    finishedAt: null,
    agentCertificateNow: null,
    servicesAfter: null,
  } satisfies Partial<RepairState>;
}

/** What one source owns: a new source discards all of it. */
export function freshSource() {
  return { source: null, serverBuild: null, serverMatch: null, plan: null, certificate: null, agentCertificateBefore: null, ...freshCollection() } satisfies Partial<RepairState>;
}
