/**
 * The publisher check's public face, kept where callers import it from. The check itself lives in
 * ./trust/ (one concept per file): publisher.ts is the entry point, verdict.ts the outcomes.
 */
export { checkPublisher, checkPublisherBytes, MAX_PROGRAM_BYTES, TREND_MICRO_ORGANIZATION, type PublisherCheck, type PublisherOptions, type PublisherOutcome, type SignatureInfo } from './trust/publisher.js';
export type { ChainInfo } from './trust/chain.js';
export type { CertificateSummary } from './trust/certificates.js';
export type { TimestampInfo } from './trust/timestamp.js';
export { knownRoots } from './trust/known-roots.js';
