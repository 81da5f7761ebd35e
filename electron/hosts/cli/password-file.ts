/**
 * `fix --password-file PATH`: the unload password from the first line of a file, for deployment
 * tools that can neither type nor pipe it. UTF-8 (with or without a BOM) or UTF-16 with a BOM (what
 * Notepad's "Unicode" and PowerShell 5's `Out-File` write); the BOM and the line break (CR, LF)
 * are removed, every other character is kept as typed. The file is only read, never deleted: its
 * life is the deployment script's (docs/fleet.md). No message ever quotes what the file holds.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { ErrorDetails } from '../../core/errors.js';
import type { Lang } from '../../core/messages.js';
import { messages } from '../../core/messages.js';

/** More than any password needs, little enough that a wrong path to a big file costs nothing. */
const READ_AT_MOST = 4096;
const LONGEST = 255;

export type PasswordFileResult = { ok: true; password: string } | { ok: false; error: ErrorDetails };

export async function readPasswordFile(file: string, lang: Lang): Promise<PasswordFileResult> {
  const m = messages(lang).fleet.passwordFile;
  const refuse = (why: string): PasswordFileResult => ({ ok: false, error: { code: 'option-invalid', option: '--password-file', value: file, expected: `${m.expected}: ${why}` } });
  let bytes: Buffer;
  try {
    // Regular files only, asked before opening: opening a FIFO (a named pipe) waits for a writer
    // that may never come, and a device may never end. Opened without waiting as well, for a path
    // swapped between the two looks; the open handle is asked again.
    if (!(await stat(file)).isFile()) return refuse(m.notFile);
    const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      if (!(await handle.stat()).isFile()) return refuse(m.notFile);
      const buffer = Buffer.alloc(READ_AT_MOST);
      const { bytesRead } = await handle.read(buffer, 0, READ_AT_MOST, 0);
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return refuse(code === 'ENOENT' ? m.missing : code === 'EISDIR' ? m.notFile : m.unreadable(code));
  }
  const text = decode(bytes);
  if (text === null) return refuse(m.encoding);
  const line = text.split(/\r\n|\n|\r/)[0]!;
  if (line === '') return refuse(m.empty);
  // A line cut by the read limit, or longer than any password: not a password file.
  if ([...line].length > LONGEST || (!/[\r\n]/.test(text) && bytes.length === READ_AT_MOST)) return refuse(m.tooLong);
  return { ok: true, password: line };
}

/** UTF-16 needs its BOM; without one the bytes must be valid UTF-8 (no NUL: UTF-16 without a BOM). */
function decode(bytes: Buffer): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2, bytes.length - (bytes.length % 2)), 'utf16-le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2, bytes.length - (bytes.length % 2)), 'utf16-be');
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // A read cut inside a multi-byte character past the first line is not the file's fault.
    const nl = body.indexOf(0x0a);
    if (nl >= 0) {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, nl));
      } catch {
        return null;
      }
    }
    return null;
  }
}
