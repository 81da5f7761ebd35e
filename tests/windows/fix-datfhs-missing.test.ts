/**
 * KB 1102855: from server build 12526 IpXfer needs the DatFHS DLL beside it. The build comes from
 * the fake IpXfer's real version resource (14.0.0.12526); without the DLL on the share the product
 * refuses before copying or running anything (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lane, makeShare, resetAgent, runFolder, skipReason } from './lane/lane.js';
import { runCli } from './lane/run-cli.js';

describe.skipIf(skipReason())(`fix, DatFHS missing${skipReason() ? ` (skipped: ${skipReason()})` : ''}`, () => {
  it('build 12526 read from the PE version, no DLL: refused before running (datfhs-missing)', async () => {
    const l = lane();
    const source = makeShare(l, 'no-dll', { ipxfer: 'datfhs', dll: false });
    resetAgent(l);
    const run = runFolder(l, 'no-dll');
    const r = await runCli(l, ['fix', '--source', source, '--allow-unverified-publisher', '--work-dir', `${run.win}\\work`, '--reports-dir', `${run.win}\\reports`, '--json', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.json.outcome).toBe('bad-input');
    expect(r.json.error.code).toBe('datfhs-missing');
    expect(r.json.serverBuild.value).toBe(12526);
    expect(r.json.run).toBeNull();
    const work = path.join(run.linux, 'work');
    expect(existsSync(work) ? readdirSync(work, { recursive: true }) : []).toEqual([]);
  });
});
