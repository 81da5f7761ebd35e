/**
 * The scenario end to end: an IpXfer signed with a self-made "Trend Micro, Inc." certificate
 * on the share. `fix` must not run it without a confirmation, and the report must say why, with the
 * certificate chain it found.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { reportText } from '../../electron/core/report-text.js';
import { runCli } from '../fixtures/cli.js';
import { selfSignedSigner, sign, tempDir, unsignedPe } from '../fixtures/signing.js';
import { makeWorld, type World } from '../fixtures/world.js';

let world: World | null = null;
let dir: string | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('fix with an IpXfer signed by a certificate anyone can make', () => {
  it('is refused (exit 2, nothing run); the report records untrusted-root and the chain with thumbprints', async () => {
    // Our PE carries version 14.0.0.12526, so DatFHS is needed beside it (KB 1102855).
    world = await makeWorld({ tree: { ipxfer: ['x64'], datfhs: ['x64'] } });
    dir = tempDir();
    const fake = sign(unsignedPe(path.join(dir, 'ipxfer.exe')), path.join(dir, 'ipxfer-signed.exe'), selfSignedSigner('Trend Micro, Inc.', dir), 'sha256');
    await copyFile(fake, path.join(world.pccsrv, 'Admin', 'Utility', 'IpXfer', 'IpXfer_x64.exe'));
    const r = await runCli(['fix', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', world.workBase, '--reports-dir', world.reportsDir, '--json', '--lang', 'en']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.error.code).toBe('publisher-untrusted');
    expect(report.run).toBeNull();
    expect(existsSync(world.record)).toBe(false);
    const check = report.publisher.checks[0];
    expect(check).toMatchObject({ name: 'IpXfer_x64.exe', outcome: 'untrusted-root', authority: 'roots', problem: expect.stringContaining('self-signed') });
    expect(check.chain).toEqual([{ subject: 'O=Trend Micro\\, Inc., CN=Trend Micro\\, Inc.', issuer: 'O=Trend Micro\\, Inc., CN=Trend Micro\\, Inc.', sha256: expect.stringMatching(/^[0-9A-F]{64}$/) }]);
    expect(r.stderr).toMatch(/IpXfer_x64\.exe is signed, but its certificate chain does not lead to a trusted root/);
    // A refused run leaves nothing on the PC; the readable form of the same report lists the chain.
    const text = reportText(report);
    expect(text).toContain('Chain judged against the built-in roots');
    expect(text).toContain(`1. O=Trend Micro\\, Inc., CN=Trend Micro\\, Inc.  SHA-256 ${check.chain[0].sha256}`);
  });
});
