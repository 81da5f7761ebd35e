/**
 * The one way this tool writes CSV (summarize --csv, mismatched-agents --out FILE.csv, the wizard's export):
 * UTF-8 with a BOM (Excel then reads Japanese right), CRLF, every cell quoted, and every cell
 * neutralised against formula injection as OWASP advises ("CSV Injection"): a cell that begins
 * with `=`, `+`, `-`, `@`, a tab or a carriage return (or with `'` before one) gets a leading
 * `'`, so a spreadsheet shows
 * it as text instead of running it (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3`, DDE). Host names, error
 * texts and columns of CertificateManager's list all come from PCs or shares anyone may write to.
 */

/**
 * Cells a spreadsheet would read as a formula; and cells that already begin with quotes before
 * such a character, so that `restoreCell` can tell the writer's quote from one that was there.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * A cell as it was before `neutraliseCell`, for reading our own exports back: the `'` is dropped
 * only where the writer added it (before a formula character, or before quotes and one).
 */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function csvBytes(rows: readonly (readonly string[])[]): Buffer {
  const q = (s: string) => `"${neutraliseCell(s).replace(/"/g, '""')}"`;
  const lines = rows.map((r) => r.map(q).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
