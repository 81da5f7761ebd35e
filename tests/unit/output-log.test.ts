import { describe, expect, it } from 'vitest';
import { MAX_LINE } from '../../electron/base/line-decoder.js';
import { OutputLog, OUTPUT_LIMITS } from '../../electron/core/output-log.js';
import type { Report } from '../../electron/core/report.js';
import { reportText } from '../../electron/core/report-text.js';

describe('OutputLog', () => {
  it('many short lines: the first 1,000 and the last 4,000, the middle counted', () => {
    const log = new OutputLog();
    for (let i = 1; i <= 12_000; i++) log.push({ stream: 'stdout', text: `line ${i}` });
    const s = log.snapshot();
    expect(s.lines).toHaveLength(5000);
    expect(s.lines[999]!.text).toBe('line 1000');
    expect(s.lines[1000]!.text).toBe('line 8001');
    expect(s.lines.at(-1)!.text).toBe('line 12000');
    expect(s).toMatchObject({ total: 12_000, truncated: true, gap: { at: 1000, lines: 7000 } });
  });

  it('20 MB in 64 KiB pieces: memory bounded in characters, what was dropped counted', () => {
    const log = new OutputLog();
    const piece = 'x'.repeat(MAX_LINE);
    const pieces = (20 * 1024 * 1024) / MAX_LINE;
    for (let i = 0; i < pieces; i++) log.push({ stream: 'stdout', text: piece, split: true });
    const s = log.snapshot();
    const kept = s.lines.reduce((n, l) => n + l.text.length, 0);
    expect(kept).toBeLessThanOrEqual(OUTPUT_LIMITS.headChars + OUTPUT_LIMITS.tailChars);
    expect(s.gap).toEqual({ at: OUTPUT_LIMITS.headChars / MAX_LINE, lines: pieces - s.lines.length, chars: 20 * 1024 * 1024 - kept });
    expect(s.total).toBe(pieces);
  });

  it('nothing dropped: no gap', () => {
    const log = new OutputLog();
    log.push({ stream: 'stderr', text: 'only' });
    expect(log.snapshot()).toEqual({ lines: [{ stream: 'stderr', text: 'only' }], total: 1, truncated: false, gap: null });
  });
});

function report(run: NonNullable<Report['run']>, lang: 'en' | 'ja' = 'en'): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'apex-cert-fix', version: '0' },
    mode: 'fix',
    platform: 'simulated',
    createdAt: '2025-01-01T00:00:00.000Z',
    lang,
    outcome: 'not-verified',
    error: null,
    computer: null,
    agent: null,
    source: null,
    serverBuild: null,
    server: null,
    plan: null,
    files: [],
    certificate: null,
    workDir: null,
    command: null,
    run,
    verification: null,
    guidance: null,
    publisher: null,
    kit: null,
    workDirAfter: null,
    reportError: null,
  };
}

describe('the report says what the run left out and how it ended', () => {
  const run: NonNullable<Report['run']> = {
    attempt: 1,
    exitCode: null,
    timedOut: false,
    cancelled: false,
    durationMs: 1200,
    signal: 'SIGSEGV',
    abnormal: true,
    outputHeldOpen: true,
    stillRunning: [{ pid: 4242, command: 'C:\\w\\helper.exe' }],
    output: ['first', 'last'],
    outputTotalLines: 10,
    outputTruncated: true,
    outputDropped: { after: 1, lines: 8, chars: 80 },
  };

  it('in English and Japanese', () => {
    const en = reportText(report(run));
    expect(en).toContain('exit code: -, ended abnormally (SIGSEGV), duration: 1.2 s');
    expect(en).toContain('kept its output open');
    expect(en).toContain('Still running afterwards (started by it): 4242 C:\\w\\helper.exe');
    expect(en).toMatch(/ {2}first\r\n {2}\(8 of 10 lines, 80 characters, left out in the middle\)\r\n {2}last\r\n/);
    const ja = reportText(report(run, 'ja'));
    expect(ja).toContain('異常終了（SIGSEGV）');
    expect(ja).toContain('中間の 8行・80文字を省略');
    expect(ja).toContain('終了後も実行中');
  });

  it('a Windows crash code is shown in hex', () => {
    expect(reportText(report({ ...run, signal: null, exitCode: 0xc0000005 }))).toContain('ended abnormally (0xC0000005)');
  });
});
