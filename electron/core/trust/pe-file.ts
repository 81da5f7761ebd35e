/**
 * A Windows program (PE) read in pieces, never whole: its headers, its certificate table (data
 * directory 4) and the Authenticode digest — the file without its checksum, the table's directory
 * entry and the table itself — hashed range by range (Microsoft's Authenticode PE format).
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** Bytes by offset: a file handle, or a buffer (tests, fuzzing). */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes at `offset`: fewer at the end of the source. */
  read(offset: number, length: number): Promise<Buffer>;
}

export interface PeLayout {
  checksumOffset: number;
  certDirOffset: number;
  certTable: { offset: number; size: number } | null;
}

/** Not a PE file at all (a script, a text file). */
export class NotPeError extends Error {}
/** A PE whose certificate table is cut off or unreadable: copied incompletely, or corrupted. */
export class DamagedError extends Error {}

/** A real certificate table holds a few signatures (tens of KB): more is not a signature. */
const MAX_TABLE = 16 * 1024 * 1024;
const CHUNK = 1024 * 1024;

export function bufferSource(buf: Buffer): ByteSource {
  return { size: buf.length, read: async (offset, length) => buf.subarray(offset, Math.min(buf.length, offset + length)) };
}

function handleSource(fh: FileHandle, size: number): ByteSource {
  return {
    size,
    async read(offset, length) {
      const end = Math.min(size, offset + length);
      const out = Buffer.alloc(Math.max(0, end - offset));
      let got = 0;
      while (got < out.length) {
        const { bytesRead } = await fh.read(out, got, out.length - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return out.subarray(0, got);
    },
  };
}

export type Opened = { kind: 'file'; source: ByteSource; close: () => Promise<void> } | { kind: 'not-a-file' };

/**
 * Opens a regular file for reading. Non-blocking, so a FIFO answers at once instead of waiting
 * for a writer; a FIFO, device or folder is reported, not read.
 */
export async function openRegularFile(file: string): Promise<Opened> {
  const fh = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  const st = await fh.stat();
  if (!st.isFile()) {
    await fh.close();
    return { kind: 'not-a-file' };
  }
  return { kind: 'file', source: handleSource(fh, st.size), close: () => fh.close() };
}

/** Where the checksum and the certificate table are, from the PE headers. */
export async function readPeLayout(src: ByteSource): Promise<PeLayout> {
  const dos = await src.read(0, 0x40);
  if (dos.length < 0x40 || dos.readUInt16LE(0) !== 0x5a4d) throw new NotPeError('no MZ header');
  const pe = dos.readUInt32LE(0x3c);
  // Signature, file header and optional header up to the end of the data directories.
  const h = await src.read(pe, 24 + 240);
  if (h.length < 24 || h.readUInt32LE(0) !== 0x00004550) throw new NotPeError('no PE header');
  if (h.length < 26) throw new NotPeError('truncated optional header');
  const magic = h.readUInt16LE(24);
  if (magic !== 0x10b && magic !== 0x20b) throw new NotPeError('unknown optional header');
  const pe32plus = magic === 0x20b;
  const opt = 24;
  const numberOfDirs = opt + (pe32plus ? 108 : 92);
  const certDir = opt + (pe32plus ? 112 : 96) + 4 * 8;
  if (certDir + 8 > h.length) throw new NotPeError('truncated data directories');
  const layout = { checksumOffset: pe + opt + 64, certDirOffset: pe + certDir, certTable: null };
  if (h.readUInt32LE(numberOfDirs) < 5) return layout;
  const offset = h.readUInt32LE(certDir);
  const size = h.readUInt32LE(certDir + 4);
  if (offset === 0 || size === 0) return layout;
  // From here on the file says it is signed: a table we cannot read is damage, not "no PE".
  if (offset + size > src.size) throw new DamagedError(`certificate table cut off: it ends at byte ${offset + size}, the file at ${src.size}`);
  if (offset < layout.certDirOffset + 8) throw new DamagedError('certificate table overlaps the headers');
  if (size > MAX_TABLE) throw new DamagedError(`certificate table of ${size} bytes`);
  return { ...layout, certTable: { offset, size } };
}

/** The PKCS#7 blobs in the certificate table (WIN_CERT_TYPE_PKCS_SIGNED_DATA entries, 8-byte aligned). */
export async function readSignatureBlobs(src: ByteSource, table: { offset: number; size: number }): Promise<Buffer[]> {
  const buf = await src.read(table.offset, table.size);
  const blobs: Buffer[] = [];
  let at = 0;
  while (at + 8 <= buf.length) {
    const length = buf.readUInt32LE(at);
    const type = buf.readUInt16LE(at + 6);
    if (length < 8 || at + length > buf.length) {
      // Zero padding after the last entry is fine; anything else is a broken entry.
      if (buf.subarray(at).every((b) => b === 0)) break;
      throw new DamagedError(`certificate table entry at ${table.offset + at} is cut off`);
    }
    if (type === 0x0002) blobs.push(buf.subarray(at + 8, at + length));
    at += (length + 7) & ~7;
  }
  if (blobs.length === 0) throw new DamagedError('certificate table holds no signature');
  return blobs;
}

/** Authenticode digests of the file for each algorithm, in one streamed pass. */
export async function peDigests(src: ByteSource, layout: PeLayout, algorithms: Iterable<string>): Promise<Map<string, Buffer>> {
  const hashes = [...new Set(algorithms)].map((a) => [a, createHash(a)] as const);
  const tableStart = layout.certTable ? layout.certTable.offset : src.size;
  const tableEnd = layout.certTable ? layout.certTable.offset + layout.certTable.size : src.size;
  const ranges: [number, number][] = [
    [0, layout.checksumOffset],
    [layout.checksumOffset + 4, layout.certDirOffset],
    [layout.certDirOffset + 8, tableStart],
    [tableEnd, src.size],
  ];
  for (const [from, to] of ranges) {
    for (let at = from; at < to; ) {
      const chunk = await src.read(at, Math.min(CHUNK, to - at));
      if (chunk.length === 0) throw new DamagedError('the file got shorter while it was read');
      for (const [, h] of hashes) h.update(chunk);
      at += chunk.length;
    }
  }
  return new Map(hashes.map(([a, h]) => [a, h.digest()]));
}
