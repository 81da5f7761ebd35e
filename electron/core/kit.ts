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
import { FixError, type KitProblem } from './errors.js';
import { findEntry } from '../base/find-entry.js';
import type { BuildEvidence, ServerBuild } from './server-build.js';
import type { ServerFiles, SourceFile } from './server-files.js';
import type { FileArch } from './vendor-layout.js';
import { joinDisplay } from '../base/windows-path.js';

export const KIT_FOLDER = 'ApexCertFix-kit';
export const KIT_MANIFEST = 'manifest.json';
export const KIT_KIND = 'apex-cert-fix-kit';
export const KIT_SCHEMA_VERSION = 1;

/** What is wrong with a manifest, as a code (worded by messages.ts). */

export interface KitFile {
  role: 'certificate' | 'ipxfer' | 'datfhs';
  arch: FileArch | null;
  name: string;
  size: number;
  sha256: string;
}

export interface KitManifest {
  kind: typeof KIT_KIND;
  schemaVersion: number;
  createdAt: string;
  createdBy: { tool: 'apex-cert-fix'; version: string };
  source: { input: string; root: string };
  serverBuild: { value: number | null; evidence: BuildEvidence[] };
  certificate: Pick<CertificateInfo, 'serial' | 'subject' | 'notBefore' | 'notAfter' | 'sha1' | 'sha256'>;
  files: KitFile[];
}

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
        copied = await copyWithHash(source.local, path.join(temp, source.name), () => undefined, (await stat(source.local)).mode & 0o777);
      } catch (e) {
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

function checkManifest(raw: unknown, file: string): KitManifest {
  const bad = (problem: KitProblem): never => {
    throw new FixError({ code: 'kit-invalid', file, problem });
  };
  if (typeof raw !== 'object' || raw === null) bad('not-object');
  const m = raw as Partial<KitManifest>;
  if (m.kind !== KIT_KIND) bad('not-a-kit');
  if (typeof m.schemaVersion !== 'number') bad('no-version');
  if (m.schemaVersion! > KIT_SCHEMA_VERSION) throw new FixError({ code: 'kit-newer', file, version: m.schemaVersion!, supported: KIT_SCHEMA_VERSION });
  if (!Array.isArray(m.files) || m.files.length === 0) bad('no-files');
  for (const f of m.files!) {
    if (typeof f?.name !== 'string' || f.name.includes('/') || f.name.includes('\\') || typeof f.sha256 !== 'string' || typeof f.size !== 'number') {
      bad('bad-entry');
    }
  }
  return m as KitManifest;
}

/**
 * Reads a kit as server files. Every listed file must be there with its recorded size and SHA-256:
 * a kit on a stick passes through many hands.
 */
export async function readKit(display: string, local: string, input: string): Promise<Omit<ServerFiles, 'tried'>> {
  const manifestPath = joinDisplay(display, KIT_MANIFEST);
  let manifest: KitManifest;
  try {
    manifest = checkManifest(JSON.parse(await readFile(path.join(local, KIT_MANIFEST), 'utf8')), manifestPath);
  } catch (e) {
    if (e instanceof FixError) throw e;
    throw new FixError({ code: 'kit-invalid', file: manifestPath, problem: e instanceof SyntaxError ? 'not-json' : 'unreadable' });
  }
  const found = new Map<string, SourceFile>();
  for (const f of manifest.files) {
    const entry = await findEntry(local, f.name, 'file');
    if (!entry) throw new FixError({ code: 'kit-file-missing', file: joinDisplay(display, f.name) });
    const s = await stat(entry.path);
    if (s.size !== f.size || (await sha256Of(entry.path)) !== f.sha256.toUpperCase()) {
      throw new FixError({ code: 'kit-file-changed', file: joinDisplay(display, entry.name) });
    }
    found.set(`${f.role}:${f.arch ?? ''}`, { name: entry.name, display: joinDisplay(display, entry.name), local: entry.path });
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
    kit: { folder: display, createdAt: manifest.createdAt, createdFrom: manifest.source.root, build: manifest.serverBuild.value },
  };
}
