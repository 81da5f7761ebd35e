/**
 * Looks up names the way Windows does: case-insensitively (the KB itself spells `Ipxfer_x64.exe`,
 * shares hold `IPXFER_X64.EXE`). Listing the folder makes it work on case-sensitive file systems too.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export type EntryKind = 'file' | 'dir';

export interface FoundEntry {
  /** The name as it is on disk. */
  name: string;
  path: string;
}

export type LookupFailure = 'not-found' | 'no-access' | 'unreachable';

export class LookupError extends Error {
  constructor(
    readonly failure: LookupFailure,
    readonly errno: string,
  ) {
    super(`${failure} (${errno})`);
  }
}

export function failureOf(e: unknown): LookupFailure {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'not-found';
  if (code === 'EACCES' || code === 'EPERM') return 'no-access';
  return 'unreachable';
}

/** The child of `dir` called `name` in any case, of the given kind; null when there is none. */
export async function findEntry(dir: string, name: string, kind: EntryKind): Promise<FoundEntry | null> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    const failure = failureOf(e);
    if (failure === 'not-found') return null;
    throw new LookupError(failure, (e as NodeJS.ErrnoException).code ?? 'unknown');
  }
  const wanted = name.toLowerCase();
  // An exact spelling wins on a case-sensitive disk that holds both.
  const candidates = names.filter((n) => n.toLowerCase() === wanted).sort((a, b) => Number(b === name) - Number(a === name));
  for (const candidate of candidates) {
    const full = path.join(dir, candidate);
    try {
      const s = await stat(full);
      if (kind === 'file' ? s.isFile() : s.isDirectory()) return { name: candidate, path: full };
    } catch {
      // A dangling link or a racing delete: try the next spelling.
    }
  }
  return null;
}

/**
 * Follows `segments` below `dir`, each case-insensitively; the last one must be of `kind`.
 * `names` are the segments as spelled on disk, so what is shown matches what the server has.
 */
export async function findPath(dir: string, segments: readonly string[], kind: EntryKind): Promise<(FoundEntry & { names: string[] }) | null> {
  let current: FoundEntry = { name: path.basename(dir), path: dir };
  const names: string[] = [];
  for (const [i, segment] of segments.entries()) {
    const next = await findEntry(current.path, segment, i === segments.length - 1 ? kind : 'dir');
    if (!next) return null;
    names.push(next.name);
    current = next;
  }
  return { ...current, names };
}

/** Is `p` an existing folder? Failures other than "not there" are reported, not swallowed. */
export async function folderState(p: string): Promise<'dir' | LookupFailure | 'not-a-folder'> {
  try {
    const s = await stat(p);
    return s.isDirectory() ? 'dir' : 'not-a-folder';
  } catch (e) {
    return failureOf(e);
  }
}
