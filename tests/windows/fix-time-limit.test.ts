/**
 * IpXfer that never finishes (ours stops the services, starts a helper, then waits forever): the
 * time limit must end IpXfer and its helper. Wine's taskkill refuses /T, so this exercises the
 * snapshot walk of windows-kill-tree.ts; on Windows taskkill /T does it first. docs/vendor-facts.md "IpXfer":
 * stopping part-way can leave the services stopped, and the report must show that.
 */
import { describe, expect, it } from 'vitest';
import { lane, makeShare, processesMentioning, resetAgent, runFolder, serviceState, skipReason } from './lane/lane.js';
import { runCli } from './lane/run-cli.js';

describe.skipIf(skipReason())(`fix, time limit${skipReason() ? ` (skipped: ${skipReason()})` : ''}`, () => {
  it('ends IpXfer and the helper it started (exit 4, timeout) and reports the stopped services', async () => {
    const l = lane();
    const source = makeShare(l, 'hang', { ipxfer: 'datfhs', dll: true });
    resetAgent(l, { hang: true });
    const run = runFolder(l, 'hang');
    const r = await runCli(l, ['fix', '--source', source, '--allow-unverified-publisher', '--timeout', '10', '--work-dir', `${run.win}\\work`, '--reports-dir', `${run.win}\\reports`, '--json', '--lang', 'en']);
    expect(r.code).toBe(4);
    expect(r.json.outcome).toBe('timeout');
    expect(r.json.run.timedOut).toBe(true);
    expect(r.json.run.output.some((line: string) => line.startsWith('補助プロセスを開始しました'))).toBe(true);
    // Nothing started from the working folder is left: not IpXfer, not its helper; the Windows
    // tree kill says so too (what survived would be named here).
    expect(processesMentioning(l, `${run.win}\\work`)).toEqual([]);
    expect(r.json.run.stillRunning).toEqual([]);
    const services = r.json.verification.checks.filter((c: { name: string }) => c.name === 'service');
    expect(services.map((c: { state: string }) => c.state)).toEqual(['stopped', 'stopped']);
    expect(serviceState(l, 'tmlisten')).toBe(1);
  });
});
