/**
 * The unsigned exe of one arch: node.exe without its signature, the blob injected, our version
 * resource and icon. Cached in .cache/cli-exe/ under a hash of everything that decides its bytes,
 * so an unchanged rebuild costs a copy instead of minutes of postject and resedit.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { injectBlob, stripSignature } from './sea.mjs';
import { setVersionAndIcon } from './version-resource.mjs';
import { NODE_VERSION, windowsNode } from '../windows-node.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const exeName = (arch) => `apex-cert-fix-${arch}.exe`;

/** Everything besides the bundle that decides the bytes: this step's code, the tools, Node, icon, version. */
function recipe(root, arch, version) {
  const files = ['unsigned-exe.mjs', 'bundle.mjs', 'sea.mjs', 'version-resource.mjs'].map((f) => path.join(here, f));
  files.push(path.join(root, 'scripts', 'windows-node.mjs'), path.join(root, 'build', 'icon.ico'));
  const tools = ['postject', 'resedit'].map((m) => JSON.parse(readFileSync(path.join(root, 'node_modules', m, 'package.json'), 'utf8')).version);
  return [arch, NODE_VERSION, version, ...tools, ...files.map((f) => readFileSync(f))];
}

/**
 * @param blobFor makes the SEA blob on first need (a cache hit needs none)
 * @returns {Promise<{ file: string, fromCache: boolean }>} the cached file: copy it, never change it
 */
export async function unsignedExe({ root, arch, version, bundle, blobFor, cacheDir }) {
  const key = recipe(root, arch, version).reduce((h, p) => h.update(p), createHash('sha256').update(bundle)).digest('hex').slice(0, 24);
  const cached = path.join(cacheDir, `${key}-${arch}.exe`);
  if (existsSync(cached)) return { file: cached, fromCache: true };
  const work = mkdtempSync(path.join(cacheDir, `build-${arch}-`));
  try {
    const exe = path.join(work, exeName(arch));
    stripSignature(windowsNode(arch === 'x64' ? 'win-x64' : 'win-x86'), exe);
    await injectBlob(exe, await blobFor());
    setVersionAndIcon(exe, { version, fileName: exeName(arch), nodeVersion: NODE_VERSION, icon: path.join(root, 'build', 'icon.ico') });
    // One cached exe per arch: each is ~90 MB.
    for (const old of readdirSync(cacheDir)) if (old.endsWith(`-${arch}.exe`)) rmSync(path.join(cacheDir, old), { force: true });
    renameSync(exe, cached);
    return { file: cached, fromCache: false };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
