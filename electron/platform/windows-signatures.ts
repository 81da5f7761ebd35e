/**
 * Windows' own Authenticode verdict (Get-AuthenticodeSignature's Status) on every program of a
 * run, from ONE PowerShell process. What real PCs do to PowerShell decides the shape:
 * - AppLocker / software restriction policies may refuse to start it: `blocked`;
 * - Constrained Language Mode refuses method calls (`.ToString()`): the script calls none, a
 *   `[string]` conversion names the status;
 * - on a closed network Windows may wait on certificate revocation lists, and a piped standard input
 *   is a known cause of hangs: stdin is ignored (`-InputFormat None`, no pipe), and after
 *   OS_VERDICT_LIMIT_MS the whole process tree ends: `timed-out`;
 * - its output is read strictly (one marked line per file, a known status name): anything else is
 *   `unreadable`, never a guess.
 * Any of these leaves the verdict to the shipped roots (core/trust/publisher.ts), with the reason.
 */
import { execa } from 'execa';
import type { OsVerdict, OsVerdictUnavailable } from './platform.js';

/** How long Windows may take for all programs of a run together. */
export const OS_VERDICT_LIMIT_MS = 20_000;

const MARK = 'apex-signature';

/** Get-AuthenticodeSignature's Status values (System.Management.Automation.SignatureStatus). */
export const SIGNATURE_STATUSES = ['Valid', 'UnknownError', 'NotSigned', 'HashMismatch', 'NotTrusted', 'NotSupportedFileFormat', 'Incompatible'] as const;

/** A PowerShell single-quoted string: only `'` (and its typographic forms) needs doubling. */
function quote(s: string): string {
  return `'${s.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/**
 * The script: no method calls (Constrained Language Mode refuses them), one line per file with its
 * index (file names, possibly Japanese, never come back through the console's code page), `?` when
 * Windows could not read that file.
 */
export function signatureScript(files: readonly string[]): string {
  const list = files.map(quote).join(', ');
  return [
    `$files = @(${list})`,
    '$i = 0',
    `foreach ($f in $files) { try { $t = [string](Get-AuthenticodeSignature -LiteralPath $f -ErrorAction Stop).Status } catch { $t = '?' }; '${MARK} ' + $i + ' ' + $t; $i = $i + 1 }`,
  ].join('; ');
}

/**
 * Reads the answer: exactly one marked line per file (`apex-signature <index> <Status>`), each
 * index once, each status a known name or `?`. Lines without the mark are ignored (a policy banner);
 * a marked line of any other shape, a missing or repeated index: null (unreadable).
 */
export function parseSignatureAnswer(text: string, count: number): (string | null)[] | null {
  const out: (string | null | undefined)[] = new Array(count).fill(undefined);
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith(MARK)) continue;
    const m = /^apex-signature (\d{1,4}) ([A-Za-z]+|\?)$/.exec(line);
    if (!m) return null;
    const i = Number(m[1]);
    if (i >= count || out[i] !== undefined) return null;
    const status = m[2]!;
    if (status !== '?' && !(SIGNATURE_STATUSES as readonly string[]).includes(status)) return null;
    out[i] = status === '?' ? null : status;
  }
  if (out.some((s) => s === undefined)) return null;
  return out as (string | null)[];
}

export interface AskWindows {
  /** powershell.exe by absolute path (system-tool.ts); tests pass a stand-in. */
  exe: string;
  files: readonly string[];
  /** Ends the process and what it started (the platform's kill-tree). */
  killTree: (pid: number) => Promise<unknown>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** One PowerShell call for all `files`; a verdict per file, in order. */
export async function askWindowsSignatures(o: AskWindows): Promise<OsVerdict[]> {
  const none = (reason: OsVerdictUnavailable): OsVerdict[] => o.files.map(() => ({ unavailable: reason }));
  if (o.files.length === 0) return [];
  const args = ['-NoLogo', '-NoProfile', '-NonInteractive', '-InputFormat', 'None', '-Command', signatureScript(o.files)];
  const child = execa(o.exe, args, {
    reject: false,
    windowsHide: true,
    stdin: 'ignore',
    encoding: 'latin1',
    // POSIX (tests): its own process group, so the tree can be ended as one.
    detached: process.platform !== 'win32',
    maxBuffer: 1024 * 1024,
  });
  let timedOut = false;
  let ending: Promise<unknown> | null = null;
  const end = () => {
    if (ending || child.pid === undefined) return;
    ending = o.killTree(child.pid).catch(() => undefined).finally(() => child.kill('SIGKILL'));
  };
  const timer = setTimeout(() => {
    timedOut = true;
    end();
  }, o.timeoutMs ?? OS_VERDICT_LIMIT_MS);
  const onAbort = () => end();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const r = await child;
    if (ending) await ending;
    if (timedOut) return none('timed-out');
    // Ended by a cancel (the caller stops waiting anyway) or by something else: no answer.
    if (ending || r.signal) return none('failed');
    const code = (r as { code?: string }).code;
    // Not started at all: absent, or refused by the OS (AppLocker, software restriction policies).
    if (r.failed && r.exitCode === undefined) return none(code === 'ENOENT' ? 'missing' : 'blocked');
    if (r.exitCode !== 0) return none('failed');
    const statuses = parseSignatureAnswer(String(r.stdout), o.files.length);
    if (!statuses) return none('unreadable');
    return statuses.map((status) => (status ? { status } : { unavailable: 'file-unreadable' }));
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
  }
}
