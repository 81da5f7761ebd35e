/**
 * Turns a child's byte stream into text lines as they arrive, in linear time and bounded memory.
 * - The decoder keeps state between chunks, so a CP932 character split across two reads survives
 *   (Japanese Windows writes console output in the OEM code page, 932).
 * - A line longer than MAX_LINE is emitted in pieces of MAX_LINE characters, each but the last
 *   marked `split` (a 20 MB line without a break must not be held, nor rescanned per chunk).
 * - Secrets are found in the decoded stream before it is cut into lines, so neither a chunk
 *   boundary nor a `\r` redraw nor a piece boundary splits one out of sight; every line or piece
 *   that holds part of one is replaced as a whole (redactor.ts says why). Text that could still
 *   become a secret waits for the next chunk; nothing else waits. As a secret may be wrapped onto
 *   the next line, a line that ends with the start of one (even its first letter) waits too, until
 *   the next chunk or the end of the output.
 */
import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';
import { encodingForCodePage } from './code-page.js';
import { MASK, Redactor } from './redactor.js';

export { encodingForCodePage };

/** Longest line emitted in one piece, in UTF-16 code units (64 Ki). */
export const MAX_LINE = 64 * 1024;

const BREAK = /[\r\n]/g;

export interface LineInfo {
  /** The line goes on in the next one: it was cut at MAX_LINE. */
  split: boolean;
}

export class LineDecoder {
  private readonly decoder: ReturnType<typeof iconv.getDecoder>;
  /** The last chunk ended on an ASCII byte, so the decoder holds no half character. */
  private cleanBoundary = true;
  /** Decoded text not emitted yet; it starts at a line (or piece) start. */
  private text = '';
  /** No line break in `text` before this index. */
  private breakFrom = 0;
  /** Occurrences starting before this index in `text` are all in `hits`. */
  private scanFrom = 0;
  /** Occurrences of a secret, [start, end) in `text`. */
  private hits: [number, number][] = [];

  constructor(
    codePage: number,
    private readonly onLine: (line: string, info: LineInfo) => void,
    private readonly redactor: Redactor | null = null,
  ) {
    this.decoder = iconv.getDecoder(encodingForCodePage(codePage));
  }

  write(chunk: Buffer): void {
    if (chunk.length === 0) return;
    // Every OEM code page is ASCII-compatible: pure ASCII between clean boundaries skips the
    // (pure-JS) multi-byte decoder, which keeps up with floods of progress lines.
    const text = this.cleanBoundary && isAscii(chunk) ? chunk.toString('latin1') : this.decoder.write(chunk);
    this.cleanBoundary = chunk[chunk.length - 1]! < 0x80;
    this.push(text, false);
  }

  /** Flushes the decoder and the last line without a line break. */
  end(): void {
    this.push(this.decoder.end() ?? '', true);
  }

  private push(added: string, final: boolean): void {
    this.text += added;
    const text = this.text;
    // Up to `safe`, every occurrence that could touch a line is known.
    let safe = text.length;
    if (this.redactor?.active) {
      if (!final) safe = this.redactor.pendingStart(text, this.scanFrom);
      for (const hit of this.redactor.matches(text, this.scanFrom, safe)) this.hits.push(hit);
      this.scanFrom = safe;
    }
    let start = 0;
    for (;;) {
      const br = this.findBreak(start, final);
      let end: number;
      let next: number;
      let split = false;
      if (br && br.at - start <= MAX_LINE) [end, next] = [br.at, br.at + br.length];
      else if (text.length - start > MAX_LINE) {
        end = start + MAX_LINE;
        // Never cut between the two halves of a surrogate pair.
        if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
        next = end;
        split = true;
      } else if (final && start < text.length) [end, next] = [text.length, text.length];
      else break;
      if (end > safe) break;
      this.emit(start, end, split);
      start = next;
    }
    this.consume(start);
  }

  /** The next \r\n, \n or lone \r at or after `from`; a \r at the very end may still be half of \r\n. */
  private findBreak(from: number, final: boolean): { at: number; length: number } | null {
    const text = this.text;
    BREAK.lastIndex = Math.max(from, this.breakFrom);
    const m = BREAK.exec(text);
    if (!m) {
      this.breakFrom = text.length;
      return null;
    }
    if (m[0] === '\r') {
      if (m.index + 1 < text.length) return { at: m.index, length: text[m.index + 1] === '\n' ? 2 : 1 };
      if (!final) {
        this.breakFrom = m.index;
        return null;
      }
    }
    return { at: m.index, length: 1 };
  }

  private emit(start: number, end: number, split: boolean): void {
    // A hit overlapping the line, or (for an empty line) running across it.
    const hidden = this.hits.some(([a, b]) => a < Math.max(end, start + 1) && b > start);
    this.onLine(hidden ? MASK : this.text.slice(start, end), { split });
  }

  private consume(n: number): void {
    if (n === 0) return;
    this.text = this.text.slice(n);
    this.breakFrom = Math.max(0, this.breakFrom - n);
    this.scanFrom = Math.max(0, this.scanFrom - n);
    this.hits = this.hits.filter(([, b]) => b > n).map(([a, b]) => [a - n, b - n]);
  }
}
