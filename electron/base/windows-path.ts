/**
 * Windows path spelling, understood the same way on every host (tests run on Linux, where
 * `path.win32` is the only correct tool for `\\server\share` and `C:\` paths).
 */
import path from 'node:path';

/** True for `\\server...`, `//server...` and `C:\...` / `C:/...`. */
export function isWindowsPath(p: string): boolean {
  return /^(\\\\|\/\/)[^\\/]/.test(p) || /^[A-Za-z]:([\\/]|$)/.test(p);
}

/** Backslashes everywhere, no trailing separator (but `C:\` keeps its own). */
export function normalizeWindowsPath(p: string): string {
  let s = p.replace(/\//g, '\\');
  const unc = s.startsWith('\\\\');
  s = (unc ? '\\\\' : '') + s.slice(unc ? 2 : 0).replace(/\\{2,}/g, '\\');
  if (/^[A-Za-z]:\\?$/.test(s)) return s.slice(0, 2) + '\\';
  return s.replace(/\\+$/, '');
}

/**
 * Components of a Windows path with its root first: `\\srv\share\a` → [`\\srv`, `share`, `a`],
 * `C:\a` → [`C:`, `a`]. Empty for anything that is not a Windows path.
 */
export function splitWindowsPath(p: string): string[] {
  const s = p.trim();
  if (!isWindowsPath(s)) return [];
  const n = normalizeWindowsPath(s);
  if (n.startsWith('\\\\')) {
    const [server = '', ...rest] = n.slice(2).split('\\');
    return ['\\\\' + server, ...rest.filter((x) => x !== '')];
  }
  return n.split('\\').filter((x) => x !== '');
}

/** `\\server` alone (no share): the form that makes us probe the server's usual shares. */
export function bareServerName(p: string): string | null {
  const parts = splitWindowsPath(p);
  if (parts.length === 1 && parts[0]!.startsWith('\\\\')) return parts[0]!.slice(2);
  return null;
}

/** Joins in the style of the base: Windows spelling stays Windows, a local POSIX path stays POSIX. */
export function joinDisplay(base: string, ...parts: string[]): string {
  return isWindowsPath(base) ? path.win32.join(normalizeWindowsPath(base), ...parts) : path.join(base, ...parts);
}

/** The parent in the style of the path; null at a root (`\\srv\share`, `C:\`, `/`). */
export function parentDisplay(p: string): string | null {
  if (isWindowsPath(p)) {
    const parts = splitWindowsPath(p);
    const minimum = parts[0]!.startsWith('\\\\') ? 2 : 1;
    if (parts.length <= minimum) return null;
    const up = parts.slice(0, -1);
    return up.length === 1 ? up[0] + '\\' : up.join('\\');
  }
  const up = path.dirname(p);
  return up === p ? null : up;
}
