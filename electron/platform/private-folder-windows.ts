/**
 * Windows side of "a folder only administrators can write", for %ProgramData%\ApexCertFix and every
 * folder below it that a run uses: a reparse point (junction, symbolic link) is refused; the owner
 * becomes Administrators (S-1-5-32-544); inherited entries are removed and full control granted to
 * SYSTEM and Administrators only; any other entry left (a user who made the folder first and granted
 * himself rights) is removed; then the ACL is read back and the folder refused unless it is exactly
 * that. SIDs, not names: group names are translated on Japanese Windows, and icacls' own listing is
 * translated too, so the read-back is SDDL, which is locale-free. Two sources:
 *
 * 1. PowerShell's `(Get-Acl -LiteralPath ...).Sddl`: the owner and the DACL.
 * 2. When PowerShell gives no SDDL (blocked by AppLocker or Constrained Language Mode, missing, failing:
 *    common on managed PCs, issue 18 §1), `icacls <dir> /save <file>`: the DACL only. Microsoft's
 *    icacls help says /save "stores the DACLs for the files and folders that match the name into
 *    aclfile for later use with /restore. Note that SACLs, owner, or integrity labels are not saved."
 *    The file's layout is not documented. ASSUMED (not recorded on Windows here): UTF-16LE (with or
 *    without a BOM), for each name a line holding the name as matched (the folder's last component),
 *    then a line holding the DACL in SDDL (`D:PAI(A;OICI;FA;;;SY)...`). The parser takes the first
 *    line that reads as a DACL and also accepts UTF-8/ANSI text, so a small layout difference does not
 *    matter; anything else reads as "unreadable" and the folder is refused.
 *    The owner then cannot be read back (no locale-free source without PowerShell: `dir /q` prints
 *    translated, truncated names). It rests on `icacls /setowner`'s exit status: once the DACL reads
 *    clean, /setowner is run again and the DACL read once more, so the last owner change before the
 *    verdict is ours and the DACL at that moment gives nobody else WRITE_OWNER or WRITE_DAC. What that
 *    cannot rule out: a user who made the folder first and races both icacls calls (retaking the owner
 *    in between through a right he granted himself beforehand). Get-Acl, when it answers, rules it out.
 *
 * ASSUMED, not recorded (no real Windows here; tests/fixtures/windows has no ACL recording): that
 * `Get-Acl`'s `.Sddl` of such a folder reads `O:BAG:..D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)`. The
 * parser follows Microsoft's documented SDDL grammar (aliases or S-1-... SIDs, FA or a hex mask), not
 * one string, and accepts the ACEs in any order.
 */
import { runSystemTool } from './run-system-tool.js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { assertPlainFolder, NotPrivateError } from '../base/private-folder.js';
import { psQuote } from './relaunch-elevated.js';
import { systemToolPath } from './system-tool.js';

export const SYSTEM_SID = 'S-1-5-18';
export const ADMINISTRATORS_SID = 'S-1-5-32-544';
export const PRIVATE_FOLDER_GRANTS = [`*${SYSTEM_SID}:(OI)(CI)F`, `*${ADMINISTRATORS_SID}:(OI)(CI)F`] as const;
const TOOL_TIMEOUT_MS = 30_000;

export function icaclsOwnerArgs(dir: string): string[] {
  return [dir, '/setowner', `*${ADMINISTRATORS_SID}`, '/q'];
}

export function icaclsArgs(dir: string): string[] {
  return [dir, '/inheritance:r', '/grant:r', ...PRIVATE_FOLDER_GRANTS, '/q'];
}

/** `/remove` drops both the allow and the deny entries of one SID. */
export function icaclsRemoveArgs(dir: string, sid: string): string[] {
  return [dir, '/remove', `*${sid}`, '/q'];
}

/** `/save` writes the DACL as SDDL into `file` (the owner is not saved: see above). */
export function icaclsSaveArgs(dir: string, file: string): string[] {
  return [dir, '/save', file, '/q'];
}

export function readAclArgs(dir: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-Command', `(Get-Acl -LiteralPath ${psQuote(dir)}).Sddl`];
}

/** Well-known SDDL SID aliases (Microsoft, "SID strings") that can be turned back into SIDs for icacls. */
const ALIASES: Record<string, string> = {
  SY: SYSTEM_SID,
  BA: ADMINISTRATORS_SID,
  BU: 'S-1-5-32-545',
  BG: 'S-1-5-32-546',
  PU: 'S-1-5-32-547',
  AO: 'S-1-5-32-548',
  SO: 'S-1-5-32-549',
  PO: 'S-1-5-32-550',
  BO: 'S-1-5-32-551',
  RD: 'S-1-5-32-555',
  WD: 'S-1-1-0',
  CO: 'S-1-3-0',
  CG: 'S-1-3-1',
  OW: 'S-1-3-4',
  AN: 'S-1-5-7',
  AU: 'S-1-5-11',
  IU: 'S-1-5-4',
  NU: 'S-1-5-2',
  SU: 'S-1-5-6',
  LS: 'S-1-5-19',
  NS: 'S-1-5-20',
  PS: 'S-1-5-10',
  RC: 'S-1-5-12',
  AC: 'S-1-15-2-1',
};

export interface Ace {
  type: string;
  flags: string[];
  rights: string;
  /** The SID (aliases resolved where known; an unknown alias stays as written). */
  sid: string;
}

export interface ParsedSddl {
  owner: string | null;
  /** The DACL does not inherit from the parent (`D:P...`). */
  protected: boolean;
  aces: Ace[];
}

const sidOf = (s: string): string => ALIASES[s.toUpperCase()] ?? s.toUpperCase();

/** Reads the owner and the DACL of an SDDL string; null when it is not one. */
export function parseSddl(text: string): ParsedSddl | null {
  const sddl = text.trim();
  if (!sddl.startsWith('O:') && !sddl.startsWith('D:') && !sddl.startsWith('G:')) return null;
  const owner = /(?:^|\))?O:([A-Z]{2}|S-1-[0-9-]+)/i.exec(sddl)?.[1];
  const dacl = /D:([A-Z]*)((?:\([^)]*\))*)/i.exec(sddl);
  if (!dacl) return null;
  const aces: Ace[] = [];
  for (const m of dacl[2]!.matchAll(/\(([^)]*)\)/g)) {
    const parts = m[1]!.split(';');
    if (parts.length < 6) return null;
    aces.push({ type: parts[0]!.toUpperCase(), flags: parts[1]!.toUpperCase().match(/../g) ?? [], rights: parts[2]!.toUpperCase(), sid: sidOf(parts[5]!) });
  }
  return { owner: owner ? sidOf(owner) : null, protected: dacl[1]!.toUpperCase().includes('P'), aces };
}

/** Full control: `FA`, or its mask written in hex. */
function isFullControl(rights: string): boolean {
  return rights === 'FA' || (/^0X[0-9A-F]+$/.test(rights) && (Number.parseInt(rights.slice(2), 16) & 0x1f01ff) === 0x1f01ff);
}

/** The text of an `icacls /save` file: UTF-16LE with or without a BOM; UTF-8/ANSI accepted too. */
export function decodeIcaclsSave(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[1] === 0 && bytes[0] !== 0) return bytes.toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * The DACL in the file `icacls <dir> /save <file>` writes (layout ASSUMED, see the top of this file):
 * UTF-16LE (BOM or not; UTF-8/ANSI accepted too), a name line, then the SDDL line. Null when no line
 * reads as a DACL. The owner is not in it: `owner` stays null.
 */
export function parseIcaclsSave(bytes: Buffer): ParsedSddl | null {
  // A name never holds ':' (Windows refuses it in file names): the name line cannot pass for a DACL.
  for (const line of decodeIcaclsSave(bytes).split(/\r?\n|\r/)) {
    const t = line.trim();
    if (!/^D:[A-Z]*\(/i.test(t) && !/^D:[A-Z]*$/i.test(t)) continue;
    const acl = parseSddl(t);
    return acl ? { ...acl, owner: null } : null;
  }
  return null;
}

/** Who read the ACL back: PowerShell (owner and DACL) or `icacls /save` (the DACL only). */
export type AclSource = 'get-acl' | 'icacls-save';

/**
 * Why an ACL is not "Administrators own it; SYSTEM and Administrators, full control, nothing else"
 * (null: it is). With `ownerSetByIcacls` (read back by icacls /save, which holds no owner) the owner
 * is taken from `/setowner`'s exit status instead (see the top of this file).
 */
export function aclProblem(acl: ParsedSddl | null, o: { ownerSetByIcacls?: boolean } = {}): string | null {
  if (!acl) return 'unreadable';
  if (!(o.ownerSetByIcacls && acl.owner === null) && acl.owner !== ADMINISTRATORS_SID) return `owner ${acl.owner ?? 'unknown'}`;
  if (!acl.protected) return 'inherits';
  for (const ace of acl.aces) {
    if (ace.sid !== SYSTEM_SID && ace.sid !== ADMINISTRATORS_SID) return `entry for ${ace.sid}`;
    if (ace.type !== 'A') return `${ace.type} entry for ${ace.sid}`;
  }
  for (const sid of [SYSTEM_SID, ADMINISTRATORS_SID]) {
    const full = acl.aces.some((a) => a.sid === sid && isFullControl(a.rights) && a.flags.includes('OI') && a.flags.includes('CI') && !a.flags.includes('IO'));
    if (!full) return `no full control for ${sid}`;
  }
  return null;
}

/** The SIDs of entries that must go (icacls can remove them by SID). */
export function foreignSids(acl: ParsedSddl): string[] {
  return [...new Set(acl.aces.map((a) => a.sid).filter((sid) => sid !== SYSTEM_SID && sid !== ADMINISTRATORS_SID && sid.startsWith('S-1-')))];
}

async function icacls(args: string[]): Promise<void> {
  const r = await runSystemTool(systemToolPath('icacls'), args, TOOL_TIMEOUT_MS);
  if (r.exitCode !== 0) {
    const e = new Error(`icacls exit ${r.exitCode ?? r.notStarted ?? 'failed'}`) as NodeJS.ErrnoException;
    e.code = `icacls-${r.exitCode ?? 'failed'}`;
    throw e;
  }
}

/**
 * PowerShell was found not to answer in this process (blocked, missing, failing): later read-backs go
 * straight to icacls instead of waiting for it again at every folder level.
 */
let powershellSilent = false;

interface ReadBack {
  text: string;
  acl: ParsedSddl | null;
  source: AclSource;
}

async function readAclWithPowerShell(dir: string): Promise<ReadBack | null> {
  if (powershellSilent) return null;
  const r = await runSystemTool(systemToolPath('powershell'), readAclArgs(dir), TOOL_TIMEOUT_MS);
  const text = r.exitCode === 0 ? r.bytes.toString('latin1').trim() : '';
  const acl = parseSddl(text);
  if (!acl) {
    // No SDDL at all (Constrained Language Mode, AppLocker, a stub, an error): PowerShell cannot
    // judge here. An SDDL that is not private is an answer, and is judged as one.
    powershellSilent = true;
    return null;
  }
  return { text, acl, source: 'get-acl' };
}

async function readAclWithIcacls(dir: string): Promise<ReadBack> {
  // A fresh folder of this (elevated) process's own temp: icacls writes the file, we read it once.
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'acf-acl-'));
  try {
    const file = path.join(tmp, 'acl.txt');
    const r = await runSystemTool(systemToolPath('icacls'), icaclsSaveArgs(dir, file), TOOL_TIMEOUT_MS);
    const bytes = r.exitCode === 0 ? await readFile(file).catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
    const acl = parseIcaclsSave(bytes);
    const text = bytes.length ? decodeIcaclsSave(bytes).replace(/\s+/g, ' ').trim() : `icacls /save exit ${r.exitCode ?? 'failed'}, no file`;
    return { text, acl, source: 'icacls-save' };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function readAcl(dir: string): Promise<ReadBack> {
  return (await readAclWithPowerShell(dir)) ?? (await readAclWithIcacls(dir));
}

/** For tests: forget that PowerShell did not answer. */
export function resetAclReadBack(): void {
  powershellSilent = false;
}

export async function makeWindowsFolderPrivate(dir: string): Promise<void> {
  await assertPlainFolder(dir);
  await icacls(icaclsOwnerArgs(dir));
  await icacls(icaclsArgs(dir));
  let read = await readAcl(dir);
  const extra = read.acl ? foreignSids(read.acl) : [];
  if (extra.length) {
    for (const sid of extra) await icacls(icaclsRemoveArgs(dir, sid));
    read = await readAcl(dir);
  }
  if (read.source === 'icacls-save' && read.acl && !aclProblem(read.acl, { ownerSetByIcacls: true })) {
    // The owner was not read back: set it once more now that nobody else holds a right in the DACL,
    // and read the DACL again after it (see the top of this file).
    await icacls(icaclsOwnerArgs(dir));
    read = await readAcl(dir);
  }
  const problem = aclProblem(read.acl, { ownerSetByIcacls: read.source === 'icacls-save' });
  if (problem) throw new NotPrivateError(dir, 'acl', `${problem} (${read.source}): ${read.text || 'no answer'}`);
  // Swapped for a junction while the ACL was being set: refused all the same.
  await assertPlainFolder(dir);
}
