/**
 * The agent already holds the server's certificate (someone ran IpXfer before): the plan says so,
 * and a run still ends `fixed`. Server build 8378 (the fake's version resource): no DatFHS needed.
 */
import { describe, expect, it } from 'vitest';
import { lane, makeShare, resetAgent, runFolder, skipReason } from './lane/lane.js';
import { runCli } from './lane/run-cli.js';

describe.skipIf(skipReason())(`fix, already fixed${skipReason() ? ` (skipped: ${skipReason()})` : ''}`, () => {
  it('sees the matching certificate before the run and ends fixed; no DLL for build 8378', async () => {
    const l = lane();
    const source = makeShare(l, 'already', { ipxfer: 'plain' });
    resetAgent(l, { holds: 'server' });
    const run = runFolder(l, 'already');
    const r = await runCli(l, ['fix', '--source', source, '--allow-unverified-publisher', '--work-dir', `${run.win}\\work`, '--reports-dir', `${run.win}\\reports`, '--json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.json.agent.certificateBefore.matchesServer).toBe(true);
    expect(r.json.serverBuild.value).toBe(8378);
    expect(r.json.files.map((f: { role: string }) => f.role)).toEqual(['certificate', 'ipxfer']);
    expect(r.json.outcome).toBe('fixed');
  });
});
