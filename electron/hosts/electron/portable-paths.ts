/**
 * Where the app keeps settings, recent sources, logs and reports. From a USB stick (the portable
 * exe sets PORTABLE_EXECUTABLE_DIR) everything stays on the stick, in `ApexCertFix-data` beside the
 * exe; a read-only stick falls back to the user's folder, and the user is told where reports went.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';

export const PORTABLE_DATA_FOLDER = 'ApexCertFix-data';

export interface DataLocation {
  dir: string;
  portable: boolean;
  /** Set when the stick could not be written and the normal folder is used instead. */
  fallbackReason: string | null;
}

export function canWrite(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function chooseDataLocation(portableExeDir: string | undefined, normalDir: string, writable: (dir: string) => boolean = canWrite): DataLocation {
  if (!portableExeDir) return { dir: normalDir, portable: false, fallbackReason: null };
  const onStick = path.join(portableExeDir, PORTABLE_DATA_FOLDER);
  if (writable(onStick)) return { dir: onStick, portable: true, fallbackReason: null };
  return { dir: normalDir, portable: false, fallbackReason: `${onStick} is not writable` };
}
