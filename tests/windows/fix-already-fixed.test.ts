/**
 * The agent already holds the server's certificate and its services run (seen through real reg.exe
 * and sc.exe): nothing is copied or run, outcome `already-fixed`, exit 0. Server build 8378 (the
 * fake's version resource): no DatFHS needed.
 */
import { describe, expect, it } from 'vitest';
import { lane, makeShare, processesMentioning, resetAgent, runFolder, skipReason } from './lane/lane.js';
import { runCli } from './lane/run-cli.js';

describe.skipIf(skipReason())(`fix, already fixed${skipReason() ? ` (skipped: ${skipReason()})` : ''}`, () => {
  it('sees the matching certificate and running services: already-fixed, IpXfer not run', async () => {
    const l = lane();
    const source = makeShare(l, 'already', { ipxfer: 'plain' });
    resetAgent(l, { holds: 'server' });
    const run = runFolder(l, 'already');
    const r = await runCli(l, ['fix', '--source', source, '--allow-unverified-publisher', '--work-dir', `${run.win}\\work`, '--reports-dir', `${run.win}\\reports`, '--json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.json.agent.certificateBefore.matchesServer).toBe(true);
    expect(r.json.serverBuild.value).toBe(8378);
    expect(r.json.outcome).toBe('already-fixed');
    expect(r.json.run).toBeNull();
    expect(processesMentioning(l, `${run.win}\\work`)).toEqual([]);
  });
});
