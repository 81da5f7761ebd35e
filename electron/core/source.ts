/**
 * Step "source": turns what a person typed into the server's PCCSRV folder and the files in it.
 * It accepts every form in the issue (\\server, \\server\ofcscan, an install folder, PCCSRV itself,
 * a folder inside PCCSRV) and remembers every place it looked, so an error can list them.
 */
import type { Platform } from '../platform/platform.js';
import { FixError, type TriedPlace } from './errors.js';
import { findEntry, findPath, folderState } from '../base/find-entry.js';
import {
  CERTIFICATE_PATH,
  DATFHS_NAME,
  INSTALL_FOLDERS,
  IPXFER_FOLDER,
  IPXFER_NAME,
  PCCSRV_FOLDER,
  PCCSRV_SHARE,
  PCCSRV_SUBFOLDERS,
} from './vendor-layout.js';
import { bareServerName, isWindowsPath, joinDisplay, normalizeWindowsPath, parentDisplay } from '../base/windows-path.js';
import path from 'node:path';
import { findKit, readKit } from './kit.js';
import type { ServerFiles, SourceFile } from './server-files.js';

/** Quotes pasted from Explorer's "Copy as path" and stray spaces are not part of the path. */
export function cleanSourceInput(input: string): string {
  let s = input.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).trim();
  return isWindowsPath(s) ? normalizeWindowsPath(s) : s;
}

/** The places a bare `\\server` is probed, in order (docs/architecture.md "The flow"). */
export function probeOrder(server: string): string[] {
  const unc = `\\\\${server}`;
  return [
    `${unc}\\${PCCSRV_SHARE}`,
    ...INSTALL_FOLDERS.map((parts) => `${unc}\\c$\\${parts.join('\\')}\\${PCCSRV_FOLDER}`),
  ];
}

type Inspection = { result: TriedPlace['result']; files?: Omit<ServerFiles, 'input' | 'tried'> };

async function inspectFolder(platform: Platform, display: string): Promise<Inspection> {
  const local = platform.toLocalPath(display);
  if (!local.ok) return { result: local.reason === 'mapped-drive' ? 'mapped-drive' : local.reason === 'invalid' ? 'not-found' : 'unreachable' };
  const state = await folderState(local.path);
  if (state === 'not-a-folder') return { result: 'not-found' };
  if (state !== 'dir') return { result: state };
  try {
    const files = await readServerFiles(display, local.path);
    const complete = files.certificate !== null && (files.ipxfer.x64 !== null || files.ipxfer.x86 !== null);
    const partial = files.certificate !== null || files.ipxfer.x64 !== null || files.ipxfer.x86 !== null;
    return { result: complete ? 'server-folder' : partial ? 'incomplete' : 'not-a-server-folder', files };
  } catch {
    return { result: 'no-access' };
  }
}

async function readServerFiles(root: string, rootLocal: string): Promise<Omit<ServerFiles, 'input' | 'tried'>> {
  const certEntry = await findPath(rootLocal, CERTIFICATE_PATH, 'file');
  const certificate = certEntry ? { name: certEntry.name, display: joinDisplay(root, ...certEntry.names), local: certEntry.path } : null;
  const ipxferDir = await findPath(rootLocal, IPXFER_FOLDER, 'dir');
  const ipxferFolder = joinDisplay(root, ...(ipxferDir?.names ?? IPXFER_FOLDER));
  const inFolder = async (name: string): Promise<SourceFile | null> => {
    const entry = ipxferDir ? await findEntry(ipxferDir.path, name, 'file') : null;
    return entry ? { name: entry.name, display: joinDisplay(ipxferFolder, entry.name), local: entry.path } : null;
  };
  return {
    root,
    rootLocal,
    certificate,
    ipxferFolder,
    ipxfer: { x86: await inFolder(IPXFER_NAME.x86), x64: await inFolder(IPXFER_NAME.x64) },
    datfhs: { x86: await inFolder(DATFHS_NAME.x86), x64: await inFolder(DATFHS_NAME.x64) },
  };
}

/** The candidates for a typed folder: its PCCSRV child, itself, then up from a folder inside PCCSRV. */
async function folderCandidates(platform: Platform, display: string): Promise<string[]> {
  const candidates: string[] = [];
  const local = platform.toLocalPath(display);
  if (local.ok) {
    const child = await findEntry(local.path, PCCSRV_FOLDER, 'dir').catch(() => null);
    if (child) candidates.push(joinDisplay(display, child.name));
  }
  candidates.push(display);
  let current = display;
  for (let level = 0; level < 3; level++) {
    const name = isWindowsPath(current) ? current.split('\\').at(-1)! : path.basename(current);
    const parent = parentDisplay(current);
    if (!parent || !PCCSRV_SUBFOLDERS.has(name.toLowerCase())) break;
    candidates.push(parent);
    current = parent;
  }
  return candidates;
}

export async function resolveSource(platform: Platform, input: string): Promise<ServerFiles> {
  const cleaned = cleanSourceInput(input);
  if (cleaned === '') throw new FixError({ code: 'source-empty' });
  const server = bareServerName(cleaned);
  const tried: TriedPlace[] = [];
  let fallback: Inspection['files'] | undefined;

  // An offline kit (the folder itself, or the folder holding ApexCertFix-kit, e.g. a stick's root).
  if (server === null) {
    const local = platform.toLocalPath(cleaned);
    const kit = local.ok ? await findKit(local.path).catch(() => null) : null;
    if (kit) {
      const display = kit === (local.ok && local.path) ? cleaned : joinDisplay(cleaned, path.basename(kit));
      const files = await readKit(display, kit, input);
      return { ...files, tried: [{ path: display, result: 'kit' }] };
    }
  }
  const candidates = server !== null ? probeOrder(server) : await folderCandidates(platform, cleaned);
  for (const candidate of candidates) {
    const inspection = await inspectFolder(platform, candidate);
    tried.push({ path: candidate, result: inspection.result });
    if (inspection.result === 'server-folder') return { input, ...inspection.files!, tried };
    if (inspection.result === 'incomplete' && !fallback) fallback = inspection.files;
    // A folder the user named that does not exist: its parents are not what they meant.
    if (server === null && candidate === cleaned && inspection.result !== 'not-a-server-folder' && inspection.result !== 'incomplete') break;
  }
  // A place with some of the files beats none: the next steps name exactly what is missing there.
  if (fallback) return { input, ...fallback, tried };
  throw new FixError({ code: 'source-not-found', input: cleaned, tried });
}
