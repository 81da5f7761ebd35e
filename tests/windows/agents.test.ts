/**
 * `mismatched-agents` (also `agents`) on the server: the fake CertificateManager.exe (`-l <csv>`) writes a CP932 list with
 * Japanese headers (the real list's format is unknown, docs/vendor-facts.md "Certificates": U); the product runs
 * it from PCCSRV\Admin\Utility\CertificateManager and reads the list.
 */
import { describe, expect, it } from 'vitest';
import { lane, makeShare, skipReason } from './lane/lane.js';
import { runCli } from './lane/run-cli.js';

describe.skipIf(skipReason())(`agents${skipReason() ? ` (skipped: ${skipReason()})` : ''}`, () => {
  it('runs CertificateManager -l and lists the two agents (CP932, Japanese headers)', async () => {
    const l = lane();
    const server = makeShare(l, 'server', { ipxfer: 'datfhs', dll: true, certificateManager: true });
    // The feature's name, and its former one that scripts may still use: the same list.
    for (const command of ['mismatched-agents', 'agents']) {
      const r = await runCli(l, [command, '--server-dir', server, '--json', '--lang', 'ja']);
      expect(r.code, command).toBe(0);
      expect(r.json.encoding).toBe('cp932');
      expect(r.json.headers).toEqual(['コンピュータ名', 'IPアドレス', 'ドメイン', 'GUID']);
      expect(r.json.count).toBe(2);
      expect(JSON.stringify(r.json.agents)).toContain('PC-営業-01');
    }
  });
});
