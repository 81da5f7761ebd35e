/** A Windows code page number as the iconv-lite encoding that decodes it (UTF-8 when unknown). */
import iconv from 'iconv-lite';

export function encodingForCodePage(codePage: number): string {
  if (codePage === 65001) return 'utf8';
  const name = `cp${codePage}`;
  return iconv.encodingExists(name) ? name : 'utf8';
}
