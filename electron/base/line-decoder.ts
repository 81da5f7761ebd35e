/**
 * Turns a child's byte stream into text lines as they arrive. The decoder keeps state between
 * chunks, so a CP932 character split across two reads survives (Japanese Windows writes console
 * output in the OEM code page, 932).
 */
import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';

export function encodingForCodePage(codePage: number): string {
  if (codePage === 65001) return 'utf8';
  const name = `cp${codePage}`;
  return iconv.encodingExists(name) ? name : 'utf8';
}

export class LineDecoder {
  private readonly decoder: ReturnType<typeof iconv.getDecoder>;
  private pending = '';
  /** The last chunk ended on an ASCII byte, so the decoder holds no half character. */
  private cleanBoundary = true;

  constructor(
    codePage: number,
    private readonly onLine: (line: string) => void,
  ) {
    this.decoder = iconv.getDecoder(encodingForCodePage(codePage));
  }

  write(chunk: Buffer): void {
    if (chunk.length === 0) return;
    // Every OEM code page is ASCII-compatible: pure ASCII between clean boundaries skips the
    // (pure-JS) multi-byte decoder, which keeps up with floods of progress lines.
    const text = this.cleanBoundary && isAscii(chunk) ? chunk.toString('latin1') : this.decoder.write(chunk);
    this.cleanBoundary = chunk[chunk.length - 1]! < 0x80;
    this.push(text);
  }

  /** Flushes the decoder and the last line without a line break. */
  end(): void {
    this.push(this.decoder.end() ?? '');
    if (this.pending !== '') {
      const last = this.pending.replace(/\r$/, '');
      this.pending = '';
      this.onLine(last);
    }
  }

  private push(text: string): void {
    if (text === '') return;
    this.pending += text;
    // \r\n, \n, or a lone \r (progress redraws); a \r at the very end may still be half of \r\n.
    const re = /\r\n|\n|\r(?=[^\n])/g;
    let start = 0;
    for (let m = re.exec(this.pending); m; m = re.exec(this.pending)) {
      this.onLine(this.pending.slice(start, m.index));
      start = m.index + m[0].length;
    }
    this.pending = this.pending.slice(start);
  }
}
