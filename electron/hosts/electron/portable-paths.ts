/**
 * Where the Electron app keeps settings, recent sources, logs, crash dumps and reports — decided in
 * plain Node (no Electron), so that it is tested here on real folders; main.ts only calls it.
 *
 * - The portable exe (electron-builder's `portable` target sets PORTABLE_EXECUTABLE_DIR to the
 *   folder the exe was started from) and the folder build (a file named `portable` beside
 *   ApexCertFix.exe) keep everything on the stick: `ApexCertFix-data\` beside the exe. An offline
 *   kit beside the exe is then offered as the source.
 * - A stick that cannot be written (write-protected, full, a read-only share) falls back to
 *   `%ProgramData%\ApexCertFix` (the app runs as administrator: it can write there), and the
 *   window says so; only when that fails too, the user's folder.
 * - Otherwise (installed): Electron's own user folder.
 * Writability is probed by really creating (and removing) a file: on Windows `access(W_OK)` only
 * reads the read-only attribute, not the medium's write protection or the folder's ACL.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The folder build's marker: a file of this name beside the exe makes it keep its data on the stick. */
export const PORTABLE_MARKER = 'portable';
export const PORTABLE_DATA_FOLDER = 'ApexCertFix-data';
/** Under %ProgramData%: the read-only stick's fallback (the CLI's default working and reports folders live here too). */
export const PROGRAM_DATA_FOLDER = 'ApexCertFix';

export interface DataLocationInput {
  /** PORTABLE_EXECUTABLE_DIR, set by the portable exe's launcher. */
  portableExecutableDir?: string | undefined;
  /** The folder of the running exe (path.dirname(process.execPath)): where the folder build's marker is looked for. */
  exeDir: string;
  /** %ProgramData% (usually C:\ProgramData); undefined off Windows. */
  programData?: string | undefined;
  /** Electron's userData: the installed app's folder, and the last resort. */
  userData: string;
}

export interface DataFallback {
  /** The data folder on the stick that could not be written. */
  tried: string;
  /** The OS error code of the failed write (EROFS, EACCES, EPERM, ENOSPC, ...). */
  code: string;
}

export interface DataLocation {
  /** Where settings, logs, crash dumps and reports go. */
  dir: string;
  /** How the app was started: from a stick (portable exe or folder build), or installed. */
  mode: 'portable-exe' | 'folder' | 'installed';
  /** The folder the app runs from when it runs from a stick (an offline kit there is offered), else null. */
  appDir: string | null;
  /** Set when the stick could not be written: the window says where the data went instead. */
  fallback: DataFallback | null;
}

/** null when `dir` (created when missing) takes a new file, else the OS error code. */
export function writeProblem(dir: string): string | null {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-probe-${process.pid}-${Date.now()}`);
    writeFileSync(probe, '', { flag: 'wx' });
    rmSync(probe, { force: true });
    return null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function chooseDataLocation(input: DataLocationInput, probe: (dir: string) => string | null = writeProblem): DataLocation {
  const portableExe = input.portableExecutableDir?.trim() ? input.portableExecutableDir : undefined;
  const mode = portableExe ? 'portable-exe' : isFile(path.join(input.exeDir, PORTABLE_MARKER)) ? 'folder' : 'installed';
  if (mode === 'installed') return { dir: input.userData, mode, appDir: null, fallback: null };
  const appDir = portableExe ?? input.exeDir;
  const onStick = path.join(appDir, PORTABLE_DATA_FOLDER);
  const code = probe(onStick);
  if (code === null) return { dir: onStick, mode, appDir, fallback: null };
  const fallback = { tried: onStick, code };
  if (input.programData) {
    const shared = path.join(input.programData, PROGRAM_DATA_FOLDER);
    if (probe(shared) === null) return { dir: shared, mode, appDir, fallback };
  }
  return { dir: input.userData, mode, appDir, fallback };
}
