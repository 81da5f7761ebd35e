import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { LineDecoder, MAX_LINE, encodingForCodePage } from '../../electron/base/line-decoder.js';

function decodeChunks(codePage: number, chunks: Buffer[]): string[] {
  const lines: string[] = [];
  const d = new LineDecoder(codePage, (l) => lines.push(l));
  for (const c of chunks) d.write(c);
  d.end();
  return lines;
}

describe('LineDecoder', () => {
  it('keeps a CP932 character that is split across two chunks', () => {
    const bytes = iconv.encode('証明書を更新しました\r\n完了\r\n', 'cp932');
    // Every possible cut, including inside each two-byte character.
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(decodeChunks(932, [bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(['証明書を更新しました', '完了']);
    }
  });

  it('a chunk of ASCII-looking bytes that finishes a character (ソ = 83 5C) is still decoded as CP932', () => {
    const bytes = iconv.encode('ソ表\n', 'cp932'); // 83 5C 95 5C 0A: trail bytes in the ASCII range
    expect(decodeChunks(932, [bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2, 3), bytes.subarray(3)])).toEqual(['ソ表']);
  });

  it('decodes byte by byte as well', () => {
    const bytes = iconv.encode('サービスを開始しています...\n', 'cp932');
    expect(decodeChunks(932, [...bytes].map((b) => Buffer.from([b])))).toEqual(['サービスを開始しています...']);
  });

  it('splits on \\r\\n, \\n and a lone \\r, even when \\r\\n is cut between chunks', () => {
    expect(decodeChunks(65001, [Buffer.from('a\r'), Buffer.from('\nb\rc\n')])).toEqual(['a', 'b', 'c']);
  });

  it('emits a last line without a line break at the end', () => {
    expect(decodeChunks(65001, [Buffer.from('first\nlast')])).toEqual(['first', 'last']);
  });

  it('UTF-8 (65001) and unknown code pages fall back sensibly', () => {
    expect(encodingForCodePage(65001)).toBe('utf8');
    expect(encodingForCodePage(932)).toBe('cp932');
    expect(encodingForCodePage(99999)).toBe('utf8');
    const euro = Buffer.from([0x80, 0x0a]);
    expect(decodeChunks(1252, [euro])).toEqual(['€']);
  });

  it('a line of exactly 64 KiB is one line; a longer one comes in pieces, each but the last marked split', () => {
    const got: [number, boolean][] = [];
    const d = new LineDecoder(65001, (l, info) => got.push([l.length, info.split]));
    d.write(Buffer.from('a'.repeat(MAX_LINE) + '\n'));
    d.write(Buffer.from('b'.repeat(MAX_LINE * 2 + 5)));
    d.write(Buffer.from('\r\nend'));
    d.end();
    expect(got).toEqual([[MAX_LINE, false], [MAX_LINE, true], [MAX_LINE, true], [5, false], [3, false]]);
  });

  it('never cuts a character in two at the 64 KiB boundary', () => {
    const lines: string[] = [];
    const d = new LineDecoder(65001, (l) => lines.push(l));
    d.write(Buffer.from('x'.repeat(MAX_LINE - 1) + '😀' + 'y'));
    d.end();
    expect(lines).toEqual(['x'.repeat(MAX_LINE - 1), '😀y']);
  });
});
