/**
 * The standalone apex-cert-fix-x64.exe (Node SEA, `npm run build:cli-exe` → dist/win/) on the same
 * happy path, when it has been built; every scenario runs with it under APEX_LANE_CLI=exe.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { agentCertificatePath, certificate, lane, makeShare, resetAgent, runFolder, skipReason } from './lane/lane.js';
import { CLI_EXE } from './lane/lane-info.js';
import { exeBuilt, runCli } from './lane/run-cli.js';

const why = skipReason() ?? (exeBuilt() ? null : `${CLI_EXE} not built (npm run build:cli-exe)`);

describe.skipIf(why)(`standalone exe${why ? ` (skipped: ${why})` : ''}`, () => {
  it('fix with a password ends fixed, Japanese output decoded', async () => {
    const l = lane();
    const source = makeShare(l, 'exe', { ipxfer: 'datfhs', dll: true });
    resetAgent(l, { password: 'Tr3nd!パス' });
    const run = runFolder(l, 'exe');
    const r = await runCli(l, ['fix', '--source', source, '--password-stdin', '--allow-unverified-publisher', '--work-dir', `${run.win}\\work`, '--reports-dir', `${run.win}\\reports`, '--json', '--lang', 'ja'], { stdin: 'Tr3nd!パス\n', variant: 'exe' });
    expect(r.code).toBe(0);
    expect(r.json.outcome).toBe('fixed');
    expect(r.json.run.output).toContain('完了しました。');
    expect(readFileSync(agentCertificatePath(l))).toEqual(certificate(l, 'server'));
  });
});
