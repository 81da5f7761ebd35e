/**
 * `apex-cert-fix summarize DIR... [--agents LIST [--targets-out FILE]] [--csv FILE] [--json]`:
 * the fleet view of the reports below the folders (docs/fleet.md). Exit 0 when summarized (skipped
 * files included: they are listed), 2 for a folder or list that cannot be used or an output that
 * cannot be written. Nothing is written unless every input was usable.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Parsed } from './args.js';
import { csvBytes } from '../../base/csv-write.js';
import { forTerminal, oneLine } from '../../base/terminal-text.js';
import { messages, outcomeWord } from '../../core/messages.js';
import { FleetError, type FleetRow, type FleetSummary } from '../../core/fleet/fleet-types.js';
import { nonAsciiHosts, targetsText } from '../../core/fleet/fleet-view.js';
import { summarizeReports } from '../../core/fleet/summarize.js';
import type { Lang } from '../../core/messages.js';

/** How many skipped files and target hosts are named on screen (all are in --json and the files). */
const SHOWN = 20;

export async function summarizeCommand(args: Parsed, say: (text: string) => void): Promise<number> {
  const m = messages(args.lang).fleet;
  try {
    const summary = await summarizeReports(args.files, { agentsList: args.agents ?? null });
    if (args.csv) await output(args.csv, csvBytes([m.summary.headers, ...summary.pcs.map((r) => tableRow(r, args.lang, r.file, ''))]));
    if (args.targetsOut && summary.agents) await output(args.targetsOut, targetsText(summary.agents.targets));
    printSummary(summary, args, say);
    if (args.json) process.stdout.write(JSON.stringify({ mode: 'summarize', outcome: 'ready', error: null, ...summary }, null, 2) + '\n');
    return 0;
  } catch (e) {
    if (!(e instanceof FleetError)) throw e;
    const message = m.error(e.details);
    process.stderr.write(forTerminal(message) + '\n');
    if (args.json) process.stdout.write(JSON.stringify({ schemaVersion: 1, mode: 'summarize', outcome: 'bad-input', error: { code: e.details.code, message } }, null, 2) + '\n');
    return 2;
  }
}

async function output(file: string, content: string | Buffer): Promise<void> {
  try {
    await writeFile(file, content);
  } catch (e) {
    throw new FleetError({ code: 'output-failed', path: file, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Local time, to the minute: what a person compares with "when did we push it". */
function when(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** One PC's row: `none` for a missing value ('-' on screen, an empty cell in the CSV). */
function tableRow(r: FleetRow, lang: Lang, file: string, none = '-'): string[] {
  return [r.hostname, outcomeWord(lang, r.outcome), when(r.createdAt), r.serverSerial ?? none, r.agentSerialAfter ?? none, r.errorCode ?? none, file];
}

/** Columns line up in a console: East Asian wide characters take two cells. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const padTo = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

function printTable(headers: string[], rows: string[][], say: (text: string) => void): void {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : padTo(c, widths[i]!))).join('  ');
  say(line(headers));
  for (const r of rows) say(line(r));
}

function printSummary(s: FleetSummary, args: Parsed, say: (text: string) => void): void {
  const m = messages(args.lang).fleet;
  say(m.summary.title(s.pcs.length, s.files.read));
  for (const [outcome, n] of Object.entries(s.counts).sort((a, b) => b[1] - a[1])) say(`  ${padTo(outcomeWord(args.lang, outcome), 24)} ${n}`);
  // With --json the document carries the table; the console keeps to the counts.
  if (!args.json) {
    say('');
    // What reports say is shown escaped: a host name or error code may hold any character.
    if (s.pcs.length) printTable(m.summary.headers, s.pcs.map((r) => tableRow(r, args.lang, path.basename(r.file)).map(oneLine)), say);
    else say(m.summary.none);
  }
  if (s.files.skipped) {
    say('');
    say(m.summary.skipped(s.files.skipped));
    for (const f of s.skipped.slice(0, SHOWN)) say(`  ${oneLine(f.file)}: ${m.skip[f.reason]}${f.detail ? ` (${oneLine(f.detail)})` : ''}`);
    if (s.files.skipped > SHOWN) say(m.summary.skippedMore(s.files.skipped - SHOWN));
  }
  const a = s.agents;
  if (!a) return;
  say('');
  say(m.summary.agents(a.total, a.repaired, a.targets.length));
  if (a.expectedSerial && a.rows.some((r) => r.status === 'stale')) say(m.summary.stale(a.expectedSerial));
  const left = new Set(a.targets);
  const word = (r: (typeof a.rows)[number]) => (r.status === 'stale' ? m.summary.staleRow : r.report ? outcomeWord(args.lang, r.outcome) : m.summary.noReport);
  for (const r of a.rows.filter((r) => left.has(r.host)).slice(0, SHOWN)) say(`  ${oneLine(r.host)}: ${oneLine(word(r))}`);
  if (a.targets.length > SHOWN) say(m.summary.skippedMore(a.targets.length - SHOWN));
  const odd = nonAsciiHosts(a.targets);
  if (odd.length) say(m.summary.nonAscii(odd.map(oneLine)));
  if (a.skippedHosts.length) say(m.summary.hostsSkipped(a.skippedHosts.map(oneLine)));
  if (args.targetsOut) say(m.summary.targetsWritten(a.targets.length, args.targetsOut));
}
