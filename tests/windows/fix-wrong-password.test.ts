/**
 * A wrong unload password (docs/vendor-facts.md "IpXfer": behaviour U; ours refuses with exit 3): the product must
 * say "not fixed" from the agent's certificate, not trust the exit code, and keep the agent as it was.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { agentCertificatePath, certificate, lane, makeShare, resetAgent, runFolder, serviceState, skipReason } from './lane/lane.js';
import { runCli } from './lane/run-cli.js';

// The CLI takes no test root, by design (core/trust/publisher.ts: only as an API parameter), and
// on Windows the OS judges the root, which Wine cannot: the lane's programs run knowingly here.
// The trust check with the test root is covered in publisher.test.ts.
const UNVERIFIED = '--allow-unverified-publisher';

describe.skipIf(skipReason())(`fix, wrong password${skipReason() ? ` (skipped: ${skipReason()})` : ''}`, () => {
  // --settle 5: the verdict is the point here, not the minute of re-reading a real agent may need.
  it('is not fixed (exit 1, ipxfer-exit), the agent keeps its old certificate and its services', async () => {
    const l = lane();
    const source = makeShare(l, 'wrong-password', { ipxfer: 'datfhs', dll: true });
    resetAgent(l, { password: 'Right-0ne!' });
    const run = runFolder(l, 'wrong-password');
    const r = await runCli(l, ['fix', '--source', source, '--password-stdin', UNVERIFIED, '--settle', '5', '--work-dir', `${run.win}\\work`, '--reports-dir', `${run.win}\\reports`, '--json', '--lang', 'en'], { stdin: 'Wr0ng-one!\n' });
    expect(r.code).toBe(1);
    expect(r.json.outcome).toBe('failed');
    expect(r.json.verification.verdict).toBe('not-fixed');
    expect(r.json.error.code).toBe('ipxfer-exit');
    expect(r.json.run.exitCode).toBe(3);
    expect(r.json.run.output).toContain('アンロードパスワードが正しくありません。');
    expect(r.json.guidance).toMatch(/AutoPcc\.exe/);
    expect(readFileSync(agentCertificatePath(l))).toEqual(certificate(l, 'old'));
    expect(serviceState(l, 'ntrtscan')).toBe(4);
  });
});
