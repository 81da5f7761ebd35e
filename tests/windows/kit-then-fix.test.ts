/**
 * The offline kit: written to drive E: (a "USB stick") from a server share, then used as the
 * source of a fix on the PC. Wine has no SMB, so the share is a Wine drive path (S:).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { agentCertificatePath, certificate, lane, makeShare, resetAgent, runFolder, skipReason } from './lane/lane.js';
import { runCli } from './lane/run-cli.js';

describe.skipIf(skipReason())(`kit, then fix from it${skipReason() ? ` (skipped: ${skipReason()})` : ''}`, () => {
  it('kit --out E:\\ carries both IpXfers and DLLs; fix --source E:\\ApexCertFix-kit ends fixed', async () => {
    const l = lane();
    const source = makeShare(l, 'kit-source', { ipxfer: 'datfhs', dll: true, x86: true });
    const usb = path.join(l.dir, 'usb', 'ApexCertFix-kit');
    const kit = await runCli(l, ['kit', '--source', source, '--out', 'E:\\', '--json', '--lang', 'en']);
    expect(kit.code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(usb, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { name: string }) => f.name.toLowerCase()).sort()).toEqual(['datfhs.dll', 'datfhs_x64.dll', 'ipxfer.exe', 'ipxfer_x64.exe', 'ofcntcer.dat']);
    expect(manifest.serverBuild.value).toBe(12526);

    resetAgent(l);
    const run = runFolder(l, 'from-kit');
    const r = await runCli(l, ['fix', '--source', 'E:\\ApexCertFix-kit', '--allow-unverified-publisher', '--work-dir', `${run.win}\\work`, '--reports-dir', `${run.win}\\reports`, '--json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.json.outcome).toBe('fixed');
    expect(existsSync(agentCertificatePath(l))).toBe(true);
    expect(readFileSync(agentCertificatePath(l))).toEqual(certificate(l, 'server'));
  });
});
