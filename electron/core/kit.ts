/**
 * The offline kit: the server's files for both bitnesses on a USB stick, with a manifest that
 * records where they came from and their SHA-256, so a PC without access to the server can be
 * repaired, and a changed or missing file is refused rather than run.
 *
 * Layout: `<out>/ApexCertFix-kit/` holding manifest.json, OfcNTCer.dat, IpXfer.exe, IpXfer_x64.exe
 * and the DatFHS DLLs that the server had.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CertificateInfo } from './certificate.js';
import { copyWithHash } from '../base/copy-with-hash.js';
import { FixError } from './errors.js';
import { KIT_KIND, KIT_SCHEMA_VERSION, MAX_MANIFEST_BYTES, parseKitManifest, type KitFile, type KitManifest } from './kit-manifest.js';
import { findEntry } from '../base/find-entry.js';
import type { ServerBuild } from './server-build.js';
import type { ServerFiles, SourceFile } from './server-files.js';
import type { FileArch } from './vendor-layout.js';
import { joinDisplay } from '../base/windows-path.js';

export const KIT_FOLDER = 'ApexCertFix-kit';
export const KIT_MANIFEST = 'manifest.json';
export { KIT_KIND, KIT_SCHEMA_VERSION, type KitFile, type KitManifest } from './kit-manifest.js';

/** What a kit adds to the server files it stands in for. */
async function sha256Of(file: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(file), h);
  return h.digest('hex').toUpperCase();
}

export interface MakeKitInputs {
  files: ServerFiles;
  build: ServerBuild;
  certificate: CertificateInfo;
  outDir: string;
  version: string;
  now: Date;
  signal?: AbortSignal;
}

/** Writes the kit next to where it will live, then swaps it in: a half-written kit never exists. */
export async function makeKit(i: MakeKitInputs): Promise<{ folder: string; manifest: KitManifest }> {
  const folder = path.join(i.outDir, KIT_FOLDER);
  const temp = path.join(i.outDir, `${KIT_FOLDER}.partial-${process.pid}-${Date.now()}`);
  const sources: [KitFile['role'], FileArch | null, SourceFile | null][] = [
    ['certificate', null, i.files.certificate],
    ['ipxfer', 'x86', i.files.ipxfer.x86],
    ['ipxfer', 'x64', i.files.ipxfer.x64],
    ['datfhs', 'x86', i.files.datfhs.x86],
    ['datfhs', 'x64', i.files.datfhs.x64],
  ];
  try {
    await mkdir(temp, { recursive: true });
  } catch (e) {
    throw new FixError({ code: 'work-dir-failed', path: i.outDir, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  try {
    const files: KitFile[] = [];
    for (const [role, arch, source] of sources) {
      if (!source) continue;
      let copied;
      try {
        copied = await copyWithHash(source.local, path.join(temp, source.name), () => undefined, (await stat(source.local)).mode & 0o777, i.signal);
      } catch (e) {
        if (i.signal?.aborted) throw new FixError({ code: 'cancelled' });
        throw new FixError({ code: 'copy-failed', file: source.display, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
      }
      files.push({ role, arch, name: source.name, size: copied.size, sha256: copied.sha256 });
    }
    const { serial, subject, notBefore, notAfter, sha1, sha256 } = i.certificate;
    const manifest: KitManifest = {
      kind: KIT_KIND,
      schemaVersion: KIT_SCHEMA_VERSION,
      createdAt: i.now.toISOString(),
      createdBy: { tool: 'apex-cert-fix', version: i.version },
      source: { input: i.files.input, root: i.files.root },
      serverBuild: { value: i.build.value, evidence: i.build.evidence },
      certificate: { serial, subject, notBefore, notAfter, sha1, sha256 },
      files,
    };
    await writeFile(path.join(temp, KIT_MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    await rm(folder, { recursive: true, force: true });
    await rename(temp, folder);
    return { folder, manifest };
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
}

/** The kit folder at `local` (the kit itself, or the folder holding ApexCertFix-kit), or null. */
export async function findKit(local: string): Promise<string | null> {
  const manifest = await findEntry(local, KIT_MANIFEST, 'file');
  if (manifest && (await readFile(manifest.path, 'utf8').catch(() => '')).includes(KIT_KIND)) return local;
  const child = await findEntry(local, KIT_FOLDER, 'dir');
  return child ? child.path : null;
}

/**
 * Reads a kit as server files. Every listed file must be there with its recorded size and SHA-256:
 * a kit on a stick passes through many hands.
 */
export async function readKit(display: string, local: string, input: string): Promise<Omit<ServerFiles, 'tried'>> {
  const manifestPath = joinDisplay(display, KIT_MANIFEST);
  let bytes: Buffer;
  try {
    const manifestFile = path.join(local, KIT_MANIFEST);
    // Checked before reading: a "manifest" the size of the stick is not read into memory.
    if ((await stat(manifestFile)).size > MAX_MANIFEST_BYTES) throw new FixError({ code: 'kit-invalid', file: manifestPath, problem: 'too-large', field: null });
    bytes = await readFile(manifestFile);
  } catch (e) {
    if (e instanceof FixError) throw e;
    throw new FixError({ code: 'kit-invalid', file: manifestPath, problem: 'unreadable', field: null });
  }
  const manifest = parseKitManifest(bytes, manifestPath);
  const found = new Map<string, SourceFile>();
  for (const f of manifest.files) {
    const entry = await findEntry(local, f.name, 'file');
    if (!entry) throw new FixError({ code: 'kit-file-missing', file: joinDisplay(display, f.name) });
    const s = await stat(entry.path);
    if (s.size !== f.size || (await sha256Of(entry.path)) !== f.sha256.toUpperCase()) {
      throw new FixError({ code: 'kit-file-changed', file: joinDisplay(display, entry.name) });
    }
    found.set(`${f.role}:${f.arch ?? ''}`, { name: entry.name, display: joinDisplay(display, entry.name), local: entry.path, expectedSha256: f.sha256.toUpperCase() });
  }
  const get = (key: string) => found.get(key) ?? null;
  return {
    input,
    root: display,
    rootLocal: local,
    certificate: get('certificate:'),
    ipxferFolder: display,
    ipxfer: { x86: get('ipxfer:x86'), x64: get('ipxfer:x64') },
    datfhs: { x86: get('datfhs:x86'), x64: get('datfhs:x64') },
    kit: { folder: display, createdAt: manifest.createdAt, createdFrom: manifest.source.root, createdInput: manifest.source.input, build: manifest.serverBuild.value },
  };
}
