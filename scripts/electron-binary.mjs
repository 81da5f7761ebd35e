// Where the Electron binary is, or null, WITHOUT require('electron'): that entry point tries to
// download a missing binary, and these machines must not reach out (nor wait for it to fail).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function electronBinary() {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const rel = readFileSync(pathFile, 'utf8').trim();
  const full = process.env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel) : path.join(dir, 'dist', rel);
  return existsSync(full) ? full : null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const binary = electronBinary();
  console.log(binary ?? 'not installed');
  process.exitCode = binary ? 0 : 1;
}
