/** Copy a file and hash exactly the bytes written, in one pass over the source. */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const CHUNK = 1024 * 1024;

/** Copies `from` to `to` and returns the SHA-256 of exactly the bytes written. */
export async function copyWithHash(
  from: string,
  to: string,
  onBytes: (n: number) => void,
  mode = 0o644,
  signal?: AbortSignal,
): Promise<{ size: number; sha256: string; sourceBytesRead: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  const source = createReadStream(from, { highWaterMark: CHUNK });
  await pipeline(source, tap, createWriteStream(to, { flags: 'wx', mode }), { signal });
  // The stream's own count: on a slow share, reading each source byte once is what counts.
  return { size, sha256: hash.digest('hex').toUpperCase(), sourceBytesRead: source.bytesRead };
}

