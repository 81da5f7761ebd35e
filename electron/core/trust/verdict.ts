/**
 * From what was found to one outcome. `trusted` means: every signature intact and made by
 * "Trend Micro, Inc."; the primary signature's signer is a code-signing certificate whose chain
 * holds at the signing time (or now), and whose root is trusted — by Windows (Status `Valid`)
 * when Windows judges, else by being one of the known roots. Like Windows, only the primary
 * signature's chain decides; nested ones must still be intact and Trend Micro's.
 */
import type { SignatureInfo } from './signature.js';

export type PublisherOutcome =
  | 'trusted'
  | 'unsigned'
  | 'tampered'
  | 'other-signer'
  /** Signed and intact, but the chain does not reach a trusted root (or the signer signed itself). */
  | 'untrusted-root'
  /** A certificate in the chain was not valid at the signing time (no verified timestamp: now). */
  | 'expired'
  /** The signer's certificate lacks the code-signing extended key usage. */
  | 'not-code-signing'
  /** The PE says it is signed but its certificate table is cut off or unreadable. */
  | 'damaged'
  /** 2 GiB or more: not read (IpXfer is a few MB). */
  | 'file-too-large'
  /** A folder, device or pipe: not read. */
  | 'not-a-file';

/** The organisation that must have signed IpXfer and DatFHS. */
export const TREND_MICRO_ORGANIZATION = 'Trend Micro, Inc.';

export type Authority = 'windows' | 'roots';

export interface Verdict {
  outcome: PublisherOutcome;
  /** Why it is not `trusted`, for the report; null when trusted. */
  problem: string | null;
}

const flatten = (s: SignatureInfo): SignatureInfo[] => [s, ...s.nested.flatMap(flatten)];

export function judge(signatures: SignatureInfo[], authority: Authority, osStatus: string | null): Verdict {
  const all = signatures.flatMap(flatten);
  const first = (test: (s: SignatureInfo) => boolean) => all.find(test);
  const no = (outcome: PublisherOutcome, problem: string): Verdict => ({ outcome, problem });
  if (all.length === 0) return no('unsigned', 'no signature');
  const broken = first((s) => !s.readable);
  if (broken) return no('damaged', `a signature cannot be read: ${broken.problem}`);
  if (first((s) => !s.digestMatched)) return no('tampered', 'the file does not match its signed digest: it was changed after signing');
  const invalid = first((s) => !s.signatureValid);
  if (invalid) return no('tampered', `a signature does not hold: ${invalid.problem}`);
  const other = first((s) => s.signer?.organization !== TREND_MICRO_ORGANIZATION);
  if (other) return no('other-signer', `signed by ${other.signer?.subject ?? 'an unknown signer'}`);

  const primary = signatures[0]!;
  const chain = primary.chain!;
  const top = chain.certificates[chain.certificates.length - 1]!;
  if (!chain.purposeAllowed) return no('not-code-signing', `the signer's certificate is not made for code signing (${primary.signer!.subject})`);
  if (chain.selfSigned) return no('untrusted-root', `the signer's certificate is self-signed: anyone can make one (${primary.signer!.subject})`);
  if (chain.problem) return no('untrusted-root', chain.problem);
  if (authority === 'roots' && chain.end !== 'known-root') {
    return no(
      'untrusted-root',
      chain.end === 'missing-issuer'
        ? `the chain stops at ${top.subject}: its issuer ${chain.missingIssuer} is not carried in the signature and is not a known root`
        : `the chain ends at ${top.subject}, which is not a known root`,
    );
  }
  if (chain.outOfValidity.length > 0) {
    const when = primary.validAt === 'timestamp' ? 'at the signing time the timestamp states' : 'now (no verified timestamp shows when it was signed)';
    return no('expired', `not valid ${when}, ${chain.validAt}: ${chain.outOfValidity.join('; ')}`);
  }
  if (authority === 'windows' && osStatus !== 'Valid') {
    return no('untrusted-root', osStatus === null ? 'Windows gave no verdict on the signature' : `Windows' verdict is ${osStatus}, not Valid`);
  }
  return { outcome: 'trusted', problem: null };
}
