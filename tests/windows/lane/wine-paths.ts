/** Linux ↔ Wine paths in the lane: C: is the prefix's drive_c, S: the shares, E: the "USB stick", Z: is /. */
import path from 'node:path';

export interface Drives {
  dir: string;
  driveC: string;
}

export function toWindows(lane: Drives, linux: string): string {
  const rel = (root: string) => path.relative(root, linux).split(path.sep).join('\\');
  const inside = (root: string) => !path.relative(root, linux).startsWith('..');
  if (inside(lane.driveC)) return `C:\\${rel(lane.driveC)}`;
  if (inside(path.join(lane.dir, 'shares'))) return `S:\\${rel(path.join(lane.dir, 'shares'))}`;
  if (inside(path.join(lane.dir, 'usb'))) return `E:\\${rel(path.join(lane.dir, 'usb'))}`;
  return `Z:${linux.split('/').join('\\')}`;
}

export function toLinux(lane: Drives, windows: string): string {
  const [drive, ...rest] = windows.split('\\');
  const root = { 'C:': lane.driveC, 'S:': path.join(lane.dir, 'shares'), 'E:': path.join(lane.dir, 'usb'), 'Z:': '/' }[drive!.toUpperCase()];
  if (!root) throw new Error(`no Linux path for ${windows}`);
  return path.join(root, ...rest.filter(Boolean));
}
