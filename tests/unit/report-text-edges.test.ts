/**
 * The readable report for the cases a normal run does not produce, from report documents as the
 * tool writes them: unknown facts shown as "-" or "unknown" (never "null"), an expired server
 * certificate flagged, a crash of IpXfer worded with its Windows status code, output cut in the
 * middle said where, programs judged by different authorities each said so, a chain whose issuer
 * is not carried named, and the list of files headed by whether anything was copied.
 */
import { describe, expect, it } from 'vitest';
import { messages, type Lang } from '../../electron/core/messages.js';
import type { PublisherEntry, Report } from '../../electron/core/report.js';
import { reportText } from '../../electron/core/report-text.js';
import { fakeReport } from '../fixtures/fleet-reports.js';

const base = (lang: Lang = 'en'): Report => ({
  ...(fakeReport({ hostname: 'PC-042', createdAt: new Date('2026-03-02T09:15:00Z'), outcome: 'failed' }) as unknown as Report),
  lang,
  workDirAfter: null,
  reportError: null,
});
const lines = (r: Report) => reportText(r).replace(/^\ufeff/, '').split('\r\n');
const RUN: NonNullable<Report['run']> = {
  attempt: 1,
  exitCode: 0,
  timedOut: false,
  cancelled: false,
  durationMs: 8_400,
  signal: null,
  abnormal: false,
  outputHeldOpen: false,
  stillRunning: [],
  output: ['line 1', 'line 2', 'line 5000'],
  outputTotalLines: 5000,
  outputTruncated: true,
  outputDropped: null,
};

function publisher(o: Partial<PublisherEntry>): PublisherEntry {
  return { name: 'IpXfer_x64.exe', role: 'ipxfer', outcome: 'trusted', osStatus: null, signer: 'CN=Trend Micro, Inc.', digestAlgorithm: 'sha256', authority: 'roots', osUnavailable: null, problem: null, chain: [], chainMissingIssuer: null, signedAt: null, ...o };
}

describe('facts the tool could not learn', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: shown as "-" or "unknown", never "null" or "undefined"`, () => {
      const m = messages(lang);
      const r: Report = {
        ...base(lang),
        outcome: null,
        error: null,
        computer: { hostname: 'PC-042', arch: null, detectedArch: null, elevated: false, codePage: 932 },
        agent: { dir: 'C:\\Program Files (x86)\\Trend Micro\\Security Agent', server: null, programVersion: null, build: null, certificateBefore: null },
        source: { input: 'E:\\', root: null, tried: [{ path: 'E:\\', result: 'not-a-server-folder' }] },
        serverBuild: { value: null, evidence: [], needsDatFhs: false },
        run: null,
        verification: null,
        command: null,
        publisher: null,
        guidance: null,
      };
      const text = reportText(r);
      expect(text).not.toMatch(/null|undefined|NaN/);
      const l = lines(r);
      expect(l).toContain(`${m.label.outcome}: -`);
      expect(l).toContain(`${m.label.arch}: ${m.label.unknown}`);
      expect(l).toContain(`${m.label.elevated}: ${m.label.no}`);
      expect(l).toContain(`${m.label.agent}: C:\\Program Files (x86)\\Trend Micro\\Security Agent (${m.label.agentServer} -, ${m.label.build} -)`);
      expect(l).toContain(`${m.label.source}: -  (E:\\)`);
      expect(l).toContain(`  - E:\\: ${m.tried['not-a-server-folder']}`);
      expect(l).toContain(`${m.label.serverBuild}: ${m.label.unknown}`);
    });
  }

  it('no agent and no computer: "not installed", and no computer lines', () => {
    const l = lines({ ...base(), agent: null, computer: null });
    expect(l).toContain('Agent: not installed');
    expect(l.some((x) => x.startsWith('Computer:'))).toBe(false);
  });
});

describe('the server certificate and the files', () => {
  it('an expired server certificate is flagged beside its date', () => {
    const r = base();
    const expired = { ...r, certificate: { ...r.certificate!, notAfter: '2025-01-09T00:00:00.000Z', daysLeft: -417 } };
    expect(lines(expired).find((x) => x.startsWith('Server certificate:'))).toMatch(/valid until 2025-01-0\d .*\(EXPIRED\)$/);
    expect(lines(r).find((x) => x.startsWith('Server certificate:'))).not.toContain('EXPIRED');
  });

  it('nothing copied yet: "Files to copy" when ready, "Files a repair would copy (nothing was copied)" after a stop', () => {
    const ready: Report = { ...base(), outcome: 'ready', error: null, files: [], run: null, verification: null, command: null };
    expect(lines(ready)).toContain('Files to copy:');
    const stopped: Report = { ...ready, outcome: 'bad-input' };
    expect(lines(stopped)).toContain('Files a repair would copy (nothing was copied):');
    expect(lines(stopped)).toContain('  - IpXfer_x64.exe: 64 ビット Windows 用の IpXfer');
  });

  it('after the run removed the working folder: the copies listed under the folder they were in; a file not planned has no reason', () => {
    const r = base();
    const folder = r.workDir!;
    const after: Report = {
      ...r,
      workDir: null,
      workDirAfter: { path: folder, removed: true },
      files: [...r.files, { role: 'datfhs', name: 'extra.dll', source: '\\\\APEXSRV\\ofcscan\\extra.dll', copy: `${folder}\\extra.dll`, size: 10, sha256: 'AB'.repeat(32) }],
    };
    const l = lines(after);
    expect(l).toContain(`Files copied (Working folder ${folder}):`);
    expect(l).toContain('  - extra.dll');
    expect(l).toContain(messages('en').workDirAfter(folder, true));
    const unknown = lines({ ...after, workDirAfter: null });
    expect(unknown).toContain('Files copied (Working folder -):');
  });
});

describe('the run', () => {
  it('a crash is "ended abnormally" with the Windows status code in hex; a signal is named; neither: "-"', () => {
    const crash = lines({ ...base(), run: { ...RUN, exitCode: -1073741819, abnormal: true } });
    expect(crash).toContain('exit code: -1073741819, ended abnormally (0xC0000005), duration: 8.4 s');
    const killed = lines({ ...base(), run: { ...RUN, exitCode: null, signal: 'SIGKILL', abnormal: true } });
    expect(killed).toContain('exit code: -, ended abnormally (SIGKILL), duration: 8.4 s');
    const unknown = lines({ ...base(), run: { ...RUN, exitCode: null, signal: null, abnormal: true } });
    expect(unknown).toContain('exit code: -, ended abnormally (-), duration: 8.4 s');
  });

  it('output held open, programs still running, and output cut in the middle are said where they happened', () => {
    const r = base('ja');
    const m = messages('ja');
    const l = lines({ ...r, run: { ...RUN, outputHeldOpen: true, stillRunning: [{ pid: 4242, command: 'TmListen.exe' }], outputDropped: { after: 2, lines: 4997, chars: 300_000 } } });
    expect(l).toContain(m.label.outputHeldOpen);
    expect(l).toContain(`${m.label.stillRunning}: 4242 TmListen.exe`);
    const cut = l.indexOf(`  ${m.label.outputCut(4997, 5000, 300_000)}`);
    expect(cut).toBeGreaterThan(0);
    expect(l[cut - 1]).toBe('  line 2');
    expect(l[cut + 1]).toBe('  line 5000');
  });

  it('the command quotes the arguments that hold spaces, and only those', () => {
    const l = lines({ ...base(), command: { executable: 'C:\\Work Folder\\IpXfer_x64.exe', args: ['-e', 'C:\\Work Folder\\OfcNTCer.dat', '-pwd', '********'], cwd: 'C:\\Work Folder' } });
    expect(l).toContain('Command: "C:\\Work Folder\\IpXfer_x64.exe" -e "C:\\Work Folder\\OfcNTCer.dat" -pwd ********');
  });
});

describe('who signed the programs', () => {
  it('judged by different authorities: each program says by whom; a missing issuer and a timestamp are named', () => {
    const r: Report = {
      ...base(),
      publisher: {
        checks: [
          publisher({ authority: 'windows', osStatus: 'Valid', chain: [{ subject: 'CN=Trend Micro, Inc.', issuer: 'CN=Some CA', sha256: 'A'.repeat(64) }], chainMissingIssuer: 'CN=Some CA', signedAt: '2024-05-01T00:00:00.000Z' }),
          publisher({ name: 'DatFHS_x64.dll', role: 'datfhs', outcome: 'a-future-outcome', signer: null, authority: 'roots' }),
        ],
        allTrusted: false,
        override: true,
      },
    };
    const l = lines(r);
    expect(l).toContain('  - IpXfer_x64.exe: signed by Trend Micro, Inc. (CN=Trend Micro, Inc.)');
    expect(l).toContain('    Chain judged by Windows (Windows: Valid), signed at (timestamp) 2024-05-01T00:00:00.000Z');
    expect(l).toContain(`      1. CN=Trend Micro, Inc.  SHA-256 ${'A'.repeat(64)}`);
    expect(l).toContain('      issuer not carried in the signature: CN=Some CA');
    expect(l).toContain('  - DatFHS_x64.dll: a-future-outcome');
    expect(l).toContain('    Chain judged against the built-in roots');
    expect(l).toContain('  ! Run although not verified as Trend Micro\'s: the user confirmed it.');
  });

  it('judged the same way for every program: said once, after the list', () => {
    const r: Report = { ...base(), publisher: { checks: [publisher({}), publisher({ name: 'DatFHS_x64.dll' })], allTrusted: true, override: false } };
    const l = lines(r);
    expect(l.filter((x) => x.includes('Chain judged against the built-in roots'))).toEqual(['  Chain judged against the built-in roots']);
    expect(l.some((x) => x.startsWith('  !'))).toBe(false);
  });
});
