/**
 * Every way a repair can stop, as data: a code, its category (which decides the CLI exit code and the
 * report outcome) and the facts a message needs. The words live in messages.ts, in both languages.
 */

/** Why OfcNTCer.dat is not a usable certificate. */
export type CertificateProblem = 'empty' | 'not-certificate' | 'too-large';

/** Why an offline kit's manifest is refused. */
export type KitProblem = 'not-json' | 'unreadable' | 'not-object' | 'not-a-kit' | 'too-large' | 'bad-field';

/** The session steps an out-of-order intent can name. */
export type SessionStep = 'source' | 'collect' | 'run' | 'verify';

export type ErrorCategory = 'bad-input' | 'environment' | 'failed' | 'timeout' | 'cancelled' | 'not-verified';

export interface TriedPlace {
  /** The place as the user would recognise it (`\\srv\ofcscan`, `C:\...`). */
  path: string;
  result: 'server-folder' | 'kit' | 'incomplete' | 'not-found' | 'not-a-server-folder' | 'no-access' | 'unreachable' | 'mapped-drive';
}

export type ErrorDetails =
  | { code: 'source-empty' }
  | { code: 'source-not-found'; input: string; tried: TriedPlace[] }
  | { code: 'source-unreadable'; path: string; reason: string }
  | { code: 'certificate-missing'; expected: string; tried: TriedPlace[] }
  | { code: 'certificate-invalid'; path: string; reason: CertificateProblem }
  | { code: 'ipxfer-missing'; name: string; folder: string; tried: TriedPlace[] }
  | { code: 'datfhs-missing'; name: string; folder: string; build: number }
  | { code: 'option-invalid'; option: string; value: string; expected: string }
  /** An option no command has (`--sourc`): named as typed, with the nearest known one. */
  | { code: 'option-unknown'; option: string; suggestion: string | null }
  /** An option that takes a value, given none (`--lang` last, or followed by another option). */
  | { code: 'option-value-missing'; option: string }
  | { code: 'profile-invalid'; file: string; problem: string }
  | { code: 'work-dir-failed'; path: string; reason: string }
  | { code: 'copy-failed'; file: string; reason: string }
  | { code: 'copy-mismatch'; file: string }
  | { code: 'not-windows' }
  | { code: 'unsupported-os' }
  | { code: 'not-elevated' }
  | { code: 'no-agent' }
  | { code: 'ipxfer-start-failed'; executable: string; reason: string }
  | { code: 'ipxfer-exit'; exitCode: number; signal?: string | null; lastLines: string[] }
  | { code: 'not-fixed'; lastLines: string[] }
  | { code: 'not-verified'; lastLines: string[]; servicesDown: string[] }
  | { code: 'timeout'; seconds: number; servicesDown: string[] }
  /** `ipxferStopped`: the cancel stopped a running IpXfer (else it came before anything ran). */
  | { code: 'cancelled'; servicesDown?: string[]; ipxferStopped?: boolean }
  | { code: 'step-order'; step: SessionStep; needs: SessionStep }
  | { code: 'kit-invalid'; file: string; problem: KitProblem; field?: string | null }
  | { code: 'kit-newer'; file: string; version: number; supported: number }
  | { code: 'kit-file-missing'; file: string }
  | { code: 'kit-file-changed'; file: string }
  | { code: 'certmanager-missing'; tried: TriedPlace[] }
  | { code: 'certmanager-failed'; executable: string; exitCode: number | null; reason: 'no-list' | 'empty-list' | string }
  | { code: 'publisher-untrusted'; files: { name: string; outcome: string; signer: string | null }[] }
  /**
   * `running`: the operation of this session that is still running; `pc`: another repair on this PC
   * (another process holds the machine's lock), with who holds it where it could be read.
   */
  | { code: 'busy'; running: string; holder?: { pid: number; since: string } | null }
  /** A working-folder level that is a link (reparse point), someone else's, or whose ACL did not take. */
  | { code: 'work-dir-unsafe'; path: string; problem: 'symlink' | 'owner' | 'not-directory' | 'acl' }
  /** The run's folder holds more than the copies right before IpXfer would start. */
  | { code: 'work-dir-unexpected'; folder: string; files: string[] }
  /** `kit`: a kit's file whose copy is not the manifest's (else a working-folder copy changed before the run). */
  | { code: 'copy-changed'; file: string; kit?: boolean }
  | { code: 'services-start-failed'; services: string[] }
  /** The files come from another server than the agent's (`unknown`: it could not be told). */
  | { code: 'server-mismatch'; source: string; agent: string | null; unknown: boolean }
  /** `at`: where it was thrown (file:line of the first frame), for whoever reads the report. */
  | { code: 'internal'; message: string; at?: string };

export type ErrorCode = ErrorDetails['code'];

const CATEGORY: Record<ErrorCode, ErrorCategory> = {
  'source-empty': 'bad-input',
  'source-not-found': 'bad-input',
  'source-unreadable': 'bad-input',
  'certificate-missing': 'bad-input',
  'certificate-invalid': 'bad-input',
  'ipxfer-missing': 'bad-input',
  'datfhs-missing': 'bad-input',
  'option-invalid': 'bad-input',
  'option-unknown': 'bad-input',
  'option-value-missing': 'bad-input',
  'profile-invalid': 'bad-input',
  'work-dir-failed': 'bad-input',
  'copy-failed': 'bad-input',
  'copy-mismatch': 'bad-input',
  'step-order': 'bad-input',
  internal: 'failed',
  // Another repair is running on this PC (exit 3, README): this PC is not ready for a second one now.
  busy: 'environment',
  'work-dir-unsafe': 'environment',
  'work-dir-unexpected': 'bad-input',
  'copy-changed': 'bad-input',
  'services-start-failed': 'failed',
  'server-mismatch': 'bad-input',
  'kit-invalid': 'bad-input',
  'certmanager-missing': 'bad-input',
  'certmanager-failed': 'failed',
  'publisher-untrusted': 'bad-input',
  'kit-newer': 'bad-input',
  'kit-file-missing': 'bad-input',
  'kit-file-changed': 'bad-input',
  'not-windows': 'environment',
  'unsupported-os': 'environment',
  'not-elevated': 'environment',
  'no-agent': 'environment',
  'ipxfer-start-failed': 'failed',
  'ipxfer-exit': 'failed',
  'not-fixed': 'failed',
  'not-verified': 'not-verified',
  timeout: 'timeout',
  cancelled: 'cancelled',
};

export class FixError extends Error {
  readonly category: ErrorCategory;
  constructor(readonly details: ErrorDetails) {
    // The English text is only for stack traces; users see messages.ts in their language.
    super(`${details.code}: ${JSON.stringify(details)}`);
    this.name = 'FixError';
    this.category = CATEGORY[details.code];
  }
  get code(): ErrorCode {
    return this.details.code;
  }
}

export function categoryOf(code: ErrorCode): ErrorCategory {
  return CATEGORY[code];
}
