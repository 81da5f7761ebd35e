/**
 * Time of check is time of use: right before IpXfer starts, the run's folder must hold exactly the
 * collected files (IpXfer loads DLLs from its own folder: anything added there would run as
 * administrator), none of them a link, and every one must still be the bytes that were copied and
 * checked (docs/architecture.md "Trust").
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { assertPlainFolder, NotPrivateError, unexpectedEntries } from '../../base/private-folder.js';
import type { CollectedFile } from '../collect.js';
import { FixError } from '../errors.js';

export async function recheckCopies(workDir: string, files: CollectedFile[], signal: AbortSignal): Promise<void> {
  let extra: string[];
  try {
    await assertPlainFolder(workDir);
    extra = await unexpectedEntries(workDir, files.map((f) => f.name));
  } catch (e) {
    if (e instanceof NotPrivateError) throw new FixError({ code: 'work-dir-unsafe', path: e.dir, problem: e.reason });
    throw new FixError({ code: 'copy-changed', file: workDir });
  }
  if (extra.length) throw new FixError({ code: 'work-dir-unexpected', folder: workDir, files: extra });
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
