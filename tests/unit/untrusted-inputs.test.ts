/**
 * Everything a PC or a share can write, read back by the tool: report files with odd outcomes,
 * agents lists with a stray quote or host names holding line breaks, cells that a spreadsheet
 * would run as formulas, control characters meant for the terminal, a huge OfcNTCer.dat. Real
 * files, the real CLI as a child process; every file the tool writes is read back.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { agentsToCsv, parseAgentsCsv } from '../../electron/core/mismatched-agents.js';
import { neutraliseCell } from '../../electron/base/csv-write.js';
import { forTerminal, oneLine } from '../../electron/base/terminal-text.js';
import { fakeReport, writeFakeReport } from '../fixtures/fleet-reports.js';
import { writeServerTree } from '../../electron/simulation/server-tree.js';
import { SessionContext } from '../../electron/core/session/context.js';
import { RepairSession } from '../../electron/core/session/repair-session.js';
import { describeState } from '../../electron/core/session-text.js';
import { runCli } from '../fixtures/cli.js';
import { makeWorld, type World } from '../fixtures/world.js';

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));
let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'acf-untrusted-'));
  temps.push(dir);
  return dir;
}

const at = (h: number) => new Date(Date.UTC(2026, 2, 2, h));
/** A report as a PC writes it, with any field changed to what a hostile share could hold. */
async function planted(dir: string, name: string, change: (doc: Record<string, unknown>) => void): Promise<void> {
  const doc = fakeReport({ hostname: name.replace(/\W/g, '-'), createdAt: at(9), outcome: 'fixed' });
  change(doc);
  await writeFile(path.join(dir, `${name}.json`), JSON.stringify(doc));
}

/** Every cell of a CSV file the tool wrote, as a spreadsheet reads it (BOM dropped). */
async function cells(file: string): Promise<string[][]> {
  const bytes = await readFile(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.subarray(3).toString('utf8'), { relax_column_count: true }) as string[][];
}
const FORMULA = /^[=+\-@\t\r]/;

describe('summarize: report outcomes that are names every object has', () => {
  it('constructor, __proto__ and toString are skipped as invalid; the other PCs are counted (exit 0)', async () => {
    const dir = await folder();
    await writeFakeReport(dir, { hostname: 'WS-OK', createdAt: at(9), outcome: 'fixed' });
    for (const outcome of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) await planted(dir, `pc-${outcome}`, (d) => (d.outcome = outcome));
    const r = await runCli(['summarize', dir, '--json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.counts).toEqual({ fixed: 1 });
    expect(doc.pcs.map((p: { hostname: string }) => p.hostname)).toEqual(['WS-OK']);
    expect(doc.skippedByReason.invalid).toBe(4);
    expect(doc.skipped.every((s: { reason: string; detail: string }) => s.reason === 'invalid' && s.detail === 'outcome')).toBe(true);
    const human = await runCli(['summarize', dir, '--lang', 'en']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('1 PCs, from 1 reports');
    expect(human.stderr).toBe('');
  });
});

describe('summarize --agents: a list that is not valid CSV', () => {
  it('a stray quote after a quoted cell: exit 2 naming the file and line, no stack trace, nothing written', async () => {
    const dir = await folder();
    await writeFakeReport(dir, { hostname: 'PC-1', createdAt: at(9), outcome: 'fixed' });
    const list = path.join(dir, 'agents.csv');
    await writeFile(list, 'Host Name,IP Address\r\nPC-0,10.0.0.9\r\nPC-1,"10.0.0.1" x\r\n');
    const targets = path.join(dir, 'targets.txt');
    for (const json of [false, true]) {
      const r = await runCli(['summarize', dir, '--agents', list, '--targets-out', targets, '--lang', 'en', ...(json ? ['--json'] : [])]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`The agents list ${list} is not valid CSV at line 3`);
      expect(r.stderr).not.toMatch(/Unexpected error|\n\s+at |CsvError|TypeError/);
      if (json) expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'bad-input', error: { code: 'list-not-csv' } });
    }
    expect(existsSync(targets)).toBe(false);
    const ja = await runCli(['summarize', dir, '--agents', list, '--lang', 'ja']);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toContain('3行目が正しいCSVではありません');
  });
});

describe('summarize --targets-out: host names with line breaks or control characters', () => {
  it('are never written: listed as skipped (escaped), and the count printed equals the lines written', async () => {
    const dir = await folder();
    const list = path.join(dir, 'agents.csv');
    await writeFile(list, 'Host Name,IP Address\r\nWS-1,10.0.0.1\r\n"WS-2\r\ncalc.exe",10.0.0.2\r\n"WS-3\u001b[2J",10.0.0.3\r\n"WS-4\u0007",10.0.0.4\r\nWS-5,10.0.0.5\r\n');
    const targets = path.join(dir, 'targets.txt');
    const r = await runCli(['summarize', dir, '--agents', list, '--targets-out', targets, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const written = await readFile(targets, 'utf8');
    expect(written).toBe('WS-1\r\nWS-5\r\n');
    const lines = written.split('\r\n').filter(Boolean).length;
    expect(r.stdout).toContain(`${lines} hosts to repair written to ${targets}`);
    expect(r.stdout).toContain('3 names in the agents list hold a line break or another control character and were skipped');
    expect(r.stdout).toContain('WS-2\\r\\ncalc.exe');
    expect(r.stdout).toContain('WS-3\\x1B[2J');
    expect(r.stdout).not.toMatch(/[\u0007\u001b\r]/);
  });
});

describe('every CSV the tool writes neutralises formula cells (OWASP)', () => {
  const HOSTILE = ['=HYPERLINK("http://x","click")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', "'=already"];

  it('the cell rule: a leading quote before = + - @ tab CR, nothing else changed', () => {
    expect(HOSTILE.map(neutraliseCell)).toEqual(HOSTILE.map((c) => (FORMULA.test(c) || c.startsWith("'=") ? `'${c}` : c)));
    expect(neutraliseCell('WS-001')).toBe('WS-001');
    expect(neutraliseCell('a=b')).toBe('a=b');
  });

  it('agents --out / the wizard export (agentsToCsv): read back, no cell starts a formula; our reader gets the values back', async () => {
    const table = { headers: ['Host Name', '=cmd|"/c calc"!A1'], rows: HOSTILE.map((c, i) => [`WS-${i}`, c]) };
    const file = path.join(await folder(), 'agents.csv');
    await writeFile(file, agentsToCsv(table));
    for (const row of await cells(file)) for (const cell of row) expect(cell).not.toMatch(FORMULA);
    const back = parseAgentsCsv(await readFile(file));
    expect(back.rows.map((r) => r[1])).toEqual(HOSTILE);
  });

  it('agents --out FILE.csv (the real CLI) from a CertificateManager list holding formulas', async () => {
    world = await makeWorld();
    await writeServerTree(world.pccsrv, { certificate: world.server.der, certificateManager: { list: Buffer.from('Host Name,Comment\r\nWS-1,=1+1\r\nWS-2,"@SUM(A1)"\r\n') } });
    const out = path.join(world.dir, 'agents.csv');
    const r = await runCli(['agents', '--simulate', world.profile, '--server-dir', world.pccsrv, '--out', out, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const read = await cells(out);
    expect(read[1]).toEqual(['WS-1', "'=1+1"]);
    expect(read[2]).toEqual(['WS-2', "'@SUM(A1)"]);
  });

  it('summarize --csv: host names and error codes from reports; missing values are empty cells', async () => {
    const dir = await folder();
    await planted(dir, 'formula-host', (d) => ((d.computer as { hostname: string }).hostname = '=HYPERLINK("http://evil","x")'));
    await planted(dir, 'formula-error', (d) => {
      d.outcome = 'failed';
      d.error = { code: '-2+3+cmd|"/c calc"!A0', message: 'x' };
    });
    await planted(dir, 'WS-003', (d) => Object.assign(d, { verification: null, agent: null }));
    const csv = path.join(dir, 'fleet.csv');
    const r = await runCli(['summarize', dir, '--csv', csv, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const rows = await cells(csv);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(FORMULA);
    expect(rows.some((row) => row[0] === `'=HYPERLINK("http://evil","x")`)).toBe(true);
    expect(rows.some((row) => row[5] === `'-2+3+cmd|"/c calc"!A0`)).toBe(true);
    expect(rows.flat().filter((c) => c === '-' || c === "'-")).toEqual([]);
    expect(rows.find((row) => row[0] === 'WS-003')?.[4]).toBe('');
  });
});

describe('text printed to a terminal carries no raw control characters', () => {
  it('the rules: ESC, BEL, CR, C1 and bidi controls escaped; a message keeps its line feeds', () => {
    expect(oneLine('a\u001b[31mb\u0007c\rd\ne\u009bf\u202eg')).toBe('a\\x1B[31mb\\x07c\\rd\\ne\\x9Bf\\u202Eg');
    expect(forTerminal('line 1\n\tline 2\u001b]0;title\u0007')).toBe('line 1\n\tline 2\\x1B]0;title\\x07');
  });

  it('summarize: host names and error codes from reports are shown escaped', async () => {
    const dir = await folder();
    await planted(dir, 'esc-host', (d) => ((d.computer as { hostname: string }).hostname = 'PC-\u001b]0;pwned\u0007-1\rFAKE'));
    await planted(dir, 'esc-error', (d) => {
      d.outcome = 'failed';
      d.error = { code: 'x\u001b[2J', message: 'x' };
    });
    const r = await runCli(['summarize', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stdout).toContain('PC-\\x1B]0;pwned\\x07-1\\rFAKE');
    expect(r.stdout).toContain('x\\x1B[2J');
  });

  it("fix: IpXfer's output with ESC, BEL and CR is shown escaped", async () => {
    world = await makeWorld({ behaviour: { lines: ['\u001b[31mred\u0007 text', 'ok'] } });
    const r = await runCli(['fix', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', world.workBase, '--reports-dir', world.reportsDir, '--allow-unverified-publisher', '--lang', 'en']);
    expect(r.stdout).toContain('  | \\x1B[31mred\\x07 text');
    expect(r.stdout + r.stderr).not.toMatch(/[\u0007\u001b]/);
  });
});

describe('OfcNTCer.dat over 1 MiB', () => {
  it('is refused by its size before it is read, naming the file (a 1.9 GB file costs nothing)', async () => {
    world = await makeWorld();
    const cert = path.join(world.pccsrv, 'Pccnt', 'Common', 'OfcNTCer.dat');
    await truncate(cert, 1_900_000_000); // sparse: no disk space, no time
    const ctx = new SessionContext({ platform: world.platform, lang: 'en', workBase: world.workBase, reportsDir: world.reportsDir, settleMs: 0 });
    const s = new RepairSession(ctx);
    const heapBefore = process.memoryUsage().rss;
    const started = Date.now();
    expect(await s.setSource('\\\\srv')).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(200 * 1024 * 1024);
    expect(s.state.error?.details).toMatchObject({ code: 'certificate-invalid', reason: 'too-large' });
    expect(s.state.error?.message).toMatch(/OfcNTCer\.dat is not a usable certificate \(the file is larger than 1 MiB/);
    s.setLanguage('ja');
    expect(s.state.error?.message).toContain('1 MiBを超えて');
    await s.dispose();
    // The limit itself: a certificate padded to exactly 1 MiB is read, one byte more is not.
    await truncate(cert, 1024 * 1024);
    const s2 = new RepairSession(ctx);
    expect(await s2.setSource('\\\\srv')).toBe(true);
    await s2.dispose();
    await truncate(cert, 1024 * 1024 + 1);
    const s3 = new RepairSession(ctx);
    expect(await s3.setSource('\\\\srv')).toBe(false);
    expect(s3.state.error?.details).toMatchObject({ code: 'certificate-invalid', reason: 'too-large' });
    await s3.dispose();
  });
});

describe('what is said when no report could be saved', () => {
  it('the central copy fails and the local report too: the message does not point at a local report', async () => {
    world = await makeWorld({});
    const blocked = path.join(world.dir, 'blocked');
    await writeFile(blocked, 'a file where the reports folder should be');
    const r = await runCli(['fix', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', world.workBase, '--reports-dir', path.join(blocked, 'reports'), '--report-copy', path.join(world.dir, 'no-such-share'), '--allow-unverified-publisher', '--lang', 'en']);
    expect(r.code).toBe(6);
    expect(r.stdout).toContain('The central copy of the report could not be written');
    expect(r.stdout).not.toContain('the local report has it');
    expect(r.stdout).toContain('no report was saved on this PC either');
  });

  it('a stop before IpXfer (a copy failing): the ticket says why there is no report; an unsaved report says where and why', async () => {
    world = await makeWorld({});
    const ctx = new SessionContext({ platform: world.platform, lang: 'en', workBase: path.join(world.dir, 'work-is-a-file'), reportsDir: world.reportsDir, settleMs: 0 });
    await writeFile(path.join(world.dir, 'work-is-a-file'), 'x');
    const s = new RepairSession(ctx);
    expect(await s.detect()).toBe(true);
    expect(await s.setSource('\\\\srv')).toBe(true);
    expect(await s.collect()).toBe(false);
    const ticket = describeState(s.state, 'en', new Date()).ticket ?? '';
    expect(ticket).toContain('Report: none (a repair that stops before IpXfer runs writes no report on this PC).');
    expect(describeState(s.state, 'ja', new Date()).ticket).toContain('IpXferを実行する前に止まったため');
    await s.dispose();

    const blocked = path.join(world.dir, 'blocked');
    await mkdir(path.join(world.dir, 'w2'), { recursive: true });
    await writeFile(blocked, 'x');
    const ctx2 = new SessionContext({ platform: world.platform, lang: 'en', workBase: path.join(world.dir, 'w2'), reportsDir: path.join(blocked, 'reports'), settleMs: 0 });
    const s2 = new RepairSession(ctx2);
    await s2.detect();
    await s2.setSource('\\\\srv');
    await s2.collect();
    await s2.run(null, { allowUnverifiedPublisher: true });
    expect(s2.state.reportError).not.toBeNull();
    expect(describeState(s2.state, 'en', new Date()).ticket).toMatch(/Report: not saved in .*blocked.reports \(/);
    await s2.dispose();
  });
});
