/**
 * Time of check is time of use: right before IpXfer starts, every collected file is hashed again
 * and must still be the bytes that were copied and checked (docs/architecture.md "Trust").
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { CollectedFile } from '../collect.js';
import { FixError } from '../errors.js';

export async function recheckCopies(files: CollectedFile[], signal: AbortSignal): Promise<void> {
  for (const f of files) {
    const hash = createHash('sha256');
    try {
      await pipeline(createReadStream(f.copy), hash, { signal });
    } catch (e) {
      if (signal.aborted) throw new FixError({ code: 'cancelled' });
      throw new FixError({ code: 'copy-changed', file: f.copy });
    }
    if (hash.digest('hex').toUpperCase() !== f.sha256) throw new FixError({ code: 'copy-changed', file: f.copy });
  }
}
