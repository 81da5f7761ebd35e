/**
 * Linux ↔ Wine paths in the lane: C: is the prefix's drive_c, S: the shares, E: the "USB stick", Z: is /.
 * In the native lane (Windows) the "Linux" path is the Windows path: driveC is C:\\, S: and E: are subst drives.
 */
import path from 'node:path';

export interface Drives {
  dir: string;
  driveC: string;
}

export function toWindows(lane: Drives, linux: string): string {
  const rel = (root: string) => path.relative(root, linux).split(path.sep).join('\\');
  // path.relative across Windows drives gives an absolute path, which is not inside.
  const inside = (root: string) => {
    const r = path.relative(root, linux);
    return !r.startsWith('..') && !path.isAbsolute(r);
  };
  // Shares and the stick first: natively (driveC is C:\\) the lane folder may itself be on C:.
  if (inside(path.join(lane.dir, 'shares'))) return `S:\\${rel(path.join(lane.dir, 'shares'))}`;
  if (inside(path.join(lane.dir, 'usb'))) return `E:\\${rel(path.join(lane.dir, 'usb'))}`;
  if (inside(lane.driveC)) return `C:\\${rel(lane.driveC)}`;
  if (process.platform === 'win32') return linux; // native: already a Windows path (the repo on D:, say)
  return `Z:${linux.split('/').join('\\')}`;
}

export function toLinux(lane: Drives, windows: string): string {
  const [drive, ...rest] = windows.split('\\');
  const root = { 'C:': lane.driveC, 'S:': path.join(lane.dir, 'shares'), 'E:': path.join(lane.dir, 'usb'), 'Z:': '/' }[drive!.toUpperCase()];
  if (!root && process.platform === 'win32') return windows;
  if (!root) throw new Error(`no Linux path for ${windows}`);
  return path.join(root, ...rest.filter(Boolean));
}
