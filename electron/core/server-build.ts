/**
 * Step "server build": which build the server runs decides whether the DatFHS DLL must go with
 * IpXfer (KB 1102855: build 12526 and later). Which source is exact is not known (docs/vendor-facts.md "Server
 * build": U), so every clue is kept as evidence in a fixed order of trust and the user can override.
 */
import { open } from 'node:fs/promises';
import * as ResEdit from 'resedit';
import type { ServerFiles } from './server-files.js';
import { DATFHS_FROM_BUILD, DATFHS_NAME, type FileArch } from './vendor-layout.js';

export type BuildEvidence =
  | { kind: 'override'; build: number }
  | { kind: 'pe-version'; file: string; version: string; build: number }
  | { kind: 'kit-manifest'; build: number; from: string }
  | { kind: 'datfhs-present'; file: string }
  | { kind: 'datfhs-absent'; name: string; folder: string }
  | { kind: 'agent-build'; build: number };

export interface ServerBuild {
  /** The build we act on, or null when no trusted clue gives one. */
  value: number | null;
  evidence: BuildEvidence[];
  /** Whether the plan takes the DatFHS DLL. */
  needsDatFhs: boolean;
}

/** Large enough for any IpXfer / DatFHS we have heard of; a bigger file is not read for its version. */
const MAX_PE_BYTES = 64 * 1024 * 1024;

/**
 * The build in a FileVersion such as 14.0.0.12526: the last part that looks like a build number.
 * Apex One / OfficeScan builds are four or five digits (8378, 12380, 12526).
 */
export function buildFromVersion(parts: readonly number[]): number | null {
  for (const part of [...parts].reverse()) if (part >= 1000 && part <= 99999) return part;
  return null;
}

/** FileVersion of a PE file's version resource, e.g. "14.0.0.12526"; null when it has none. */
export async function readPeFileVersion(file: string): Promise<number[] | null> {
  let bytes: Buffer;
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_PE_BYTES || size < 64) return null;
    bytes = Buffer.alloc(size);
    await handle.read(bytes, 0, size, 0);
  } finally {
    await handle.close();
  }
  if (bytes.readUInt16LE(0) !== 0x5a4d) return null; // "MZ": anything else is not a PE file
  try {
    const exe = ResEdit.NtExecutable.from(bytes, { ignoreCert: true });
    const resources = ResEdit.NtExecutableResource.from(exe, true);
    const [info] = ResEdit.Resource.VersionInfo.fromEntries(resources.entries);
    if (!info) return null;
    const v = info.fixedInfo;
    const parts = [v.fileVersionMS >>> 16, v.fileVersionMS & 0xffff, v.fileVersionLS >>> 16, v.fileVersionLS & 0xffff];
    return parts.every((p) => p === 0) ? null : parts;
  } catch {
    return null; // a malformed PE is simply no evidence
  }
}

export interface BuildInputs {
  files: ServerFiles;
  fileArch: FileArch;
  override: number | null;
  agentBuild: number | null;
}

export async function detectServerBuild({ files, fileArch, override, agentBuild }: BuildInputs): Promise<ServerBuild> {
  const evidence: BuildEvidence[] = [];
  let value: number | null = null;
  if (override !== null) {
    evidence.push({ kind: 'override', build: override });
    value = override;
  }
  // The IpXfer we will run first, then the rest of the folder: the first version that names a build.
  const other: FileArch = fileArch === 'x64' ? 'x86' : 'x64';
  for (const file of [files.ipxfer[fileArch], files.datfhs[fileArch], files.ipxfer[other], files.datfhs[other]]) {
    if (!file) continue;
    const version = await readPeFileVersion(file.local).catch(() => null);
    const build = version ? buildFromVersion(version) : null;
    if (version && build !== null) {
      evidence.push({ kind: 'pe-version', file: file.display, version: version.join('.'), build });
      value ??= build;
      break;
    }
  }
  // A kit remembers the build it was made for (itself from an override or a file version).
  if (files.kit && files.kit.build !== null) {
    evidence.push({ kind: 'kit-manifest', build: files.kit.build, from: files.kit.createdFrom });
    value ??= files.kit.build;
  }
  const dll = files.datfhs[fileArch];
  evidence.push(dll ? { kind: 'datfhs-present', file: dll.display } : { kind: 'datfhs-absent', name: DATFHS_NAME[fileArch], folder: files.ipxferFolder });
  if (agentBuild !== null) evidence.push({ kind: 'agent-build', build: agentBuild });

  // Known build: the KB rule. Unknown: a DLL shipped beside IpXfer is taken, since a newer IpXfer needs it.
  const needsDatFhs = value !== null ? value >= DATFHS_FROM_BUILD : dll !== null;
  return { value, evidence, needsDatFhs };
}
