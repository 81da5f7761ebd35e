/**
 * Who signed a Windows program, checked in TypeScript before it runs: a file merely named IpXfer
 * must not be run as administrator, and "Trend Micro, Inc." in a certificate anyone can make is
 * not Trend Micro. The file is streamed (headers, certificate table, then one hashing pass), so
 * its size never decides how much memory is used.
 * Where the chain must end: on Windows the OS judges (pass `osVerdict`, the platform's
 * Get-AuthenticodeSignature Status; only `Valid` counts). When Windows gave no verdict (PowerShell
 * missing, blocked, too slow, unreadable), or off Windows, the chain must reach one of `roots`
 * (default: the shipped resources/trust/ roots), and the check says why Windows did not judge.
 */
import { X509Certificate } from 'node:crypto';
import { knownRoots } from './known-roots.js';
import { DamagedError, NotPeError, bufferSource, openRegularFile, peDigests, readPeLayout, readSignatureBlobs, type ByteSource, type PeLayout } from './pe-file.js';
import { readSignature, type SignatureContext, type SignatureInfo } from './signature.js';
import { judge, type Authority, type PublisherOutcome } from './verdict.js';
import type { OsVerdict, OsVerdictUnavailable } from '../../platform/platform.js';

export { TREND_MICRO_ORGANIZATION, type PublisherOutcome } from './verdict.js';
export type { SignatureInfo } from './signature.js';

/** Refused unread from this size on: IpXfer and DatFHS are a few MB. */
export const MAX_PROGRAM_BYTES = 2 * 1024 ** 3;

export interface PublisherOptions {
  /**
   * The roots a chain may end in when Windows does not judge (DER or PEM, or parsed). Default: the
   * roots shipped in resources/trust/. Tests pass their own test CA here, never through a file or
   * an environment variable a user could plant.
   */
  roots?: readonly (X509Certificate | Buffer | string)[];
  /**
   * Windows' verdict on the file (Platform.osSignatureStatuses). A status: Windows judges the root.
   * Unavailable, or not given (off Windows): the roots judge.
   */
  osVerdict?: OsVerdict;
  /** The time "now" for certificates without a verified timestamp. */
  now?: Date;
}

export interface PublisherCheck {
  file: string;
  outcome: PublisherOutcome;
  /** False for a file that is not a Windows program at all (a script, a folder). */
  isPe: boolean;
  /** The primary signature first; nested ones inside it. */
  signatures: SignatureInfo[];
  /** Who judged the root: Windows, or the known roots. */
  authority: Authority;
  /** Windows' verdict (Get-AuthenticodeSignature Status) when Windows judges; null otherwise. */
  osStatus: string | null;
  /** Why Windows gave no verdict, so the roots judged instead; null when Windows judged or was not asked. */
  osUnavailable: OsVerdictUnavailable | null;
  /** Why the outcome is not `trusted` (English, for reports and the CLI); null when trusted. */
  problem: string | null;
}

function parseRoots(roots: PublisherOptions['roots']): readonly X509Certificate[] {
  if (!roots) return knownRoots();
  return roots.map((r) => (r instanceof X509Certificate ? r : new X509Certificate(r)));
}

/** Checks a program file; throws only when the file cannot be opened (ENOENT, EACCES...). */
export async function checkPublisher(file: string, options: PublisherOptions = {}): Promise<PublisherCheck> {
  const opened = await openRegularFile(file);
  if (opened.kind === 'not-a-file') return refused(file, options, 'not-a-file', false, 'not a regular file (a folder, device or pipe): not read');
  try {
    return await checkSource(file, opened.source, options);
  } finally {
    await opened.close();
  }
}

/** The same check on bytes in memory (fuzzing, tests). */
export function checkPublisherBytes(file: string, buf: Buffer, options: PublisherOptions = {}): Promise<PublisherCheck> {
  return checkSource(file, bufferSource(buf), options);
}

/** Who judges, from Windows' verdict: Windows when it gave one, else the roots (with why not). */
function judgedBy(options: PublisherOptions): { authority: Authority; osStatus: string | null; osUnavailable: OsVerdictUnavailable | null } {
  const v = options.osVerdict;
  if (v && 'status' in v) return { authority: 'windows', osStatus: v.status, osUnavailable: null };
  return { authority: 'roots', osStatus: null, osUnavailable: v ? v.unavailable : null };
}

function refused(file: string, options: PublisherOptions, outcome: PublisherOutcome, isPe: boolean, problem: string | null): PublisherCheck {
  return { file, outcome, isPe, signatures: [], ...judgedBy(options), problem };
}

async function checkSource(file: string, src: ByteSource, options: PublisherOptions): Promise<PublisherCheck> {
  let layout: PeLayout;
  try {
    layout = await readPeLayout(src);
  } catch (e) {
    if (src.size >= MAX_PROGRAM_BYTES) return tooLarge(file, options, src, !(e instanceof NotPeError));
    if (e instanceof NotPeError) return refused(file, options, 'unsigned', false, e.message);
    if (e instanceof DamagedError) return refused(file, options, 'damaged', true, e.message);
    throw e;
  }
  if (src.size >= MAX_PROGRAM_BYTES) return tooLarge(file, options, src, true);
  if (!layout.certTable) return refused(file, options, 'unsigned', true, 'no signature');
  const ctx: SignatureContext = { roots: parseRoots(options.roots), now: options.now ?? new Date(), osAuthority: judgedBy(options).authority === 'windows', expected: [] };
  let signatures: SignatureInfo[];
  try {
    signatures = (await readSignatureBlobs(src, layout.certTable)).map((blob) => readSignature(blob, ctx));
    const digests = await peDigests(src, layout, ctx.expected.map((e) => e.algorithm));
    for (const e of ctx.expected) e.info.digestMatched = digests.get(e.algorithm)!.equals(e.digest);
  } catch (e) {
    if (e instanceof DamagedError) return refused(file, options, 'damaged', true, e.message);
    throw e;
  }
  const by = judgedBy(options);
  return { file, isPe: true, signatures, ...by, ...judge(signatures, by.authority, by.osStatus) };
}

function tooLarge(file: string, options: PublisherOptions, src: ByteSource, isPe: boolean): PublisherCheck {
  return refused(file, options, 'file-too-large', isPe, `file-too-large: ${src.size} bytes; programs of 2 GiB or more are not read`);
}
