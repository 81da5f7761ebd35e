/**
 * Who signed the lane's real PE files (osslsigncode, the lane's test CA), checked by the product
 * running in Windows Node: the CLI's `publisher` (on Windows the OS judges the root, and Wine has
 * no verdict: its PowerShell is a stub without Get-AuthenticodeSignature), and the trust check's
 * API with the test root as its parameter.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lane, makeShare, skipReason } from './lane/lane.js';
import { runCli } from './lane/run-cli.js';
import { runWine } from './lane/run-wine.js';
import { toWindows } from './lane/wine-paths.js';
import { laneFileUrl } from './lane/lane-info.js';

describe.skipIf(skipReason())(`publisher${skipReason() ? ` (skipped: ${skipReason()})` : ''}`, () => {
  it('CLI: the signed fake is intact and signed "Trend Micro, Inc." but without a Windows verdict not trusted; unsigned is unsigned', async () => {
    const l = lane();
    const signed = `${makeShare(l, 'signed', { ipxfer: 'datfhs', dll: true })}\\Admin\\Utility\\IpXfer`;
    const unsigned = `${makeShare(l, 'unsigned', { ipxfer: 'unsigned' })}\\Admin\\Utility\\IpXfer\\Ipxfer_x64.exe`;
    const r = await runCli(l, ['publisher', `${signed}\\Ipxfer_x64.exe`, `${signed}\\DatFHS_x64.dll`, unsigned, '--json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const [exe, dll, plain] = r.json.files;
    for (const f of [exe, dll]) {
      expect(f.isPe).toBe(true);
      expect(f.signatures[0].digestMatched).toBe(true);
      expect(f.signatures[0].signatureValid).toBe(true);
      expect(f.signatures[0].signer.subject).toMatch(/O=Trend Micro\\?, Inc\./);
      // Wine has no verdict; Windows has one, and does not trust the lane's test root either.
      if (l.kind === 'wine') expect(f.osStatus).toBeNull();
      else expect(f.osStatus).not.toBeNull();
      expect(f.outcome).toBe('untrusted-root');
    }
    expect(plain.outcome).toBe('unsigned');
  });

  it('API: trusted with the test root as parameter, not with the shipped roots; a changed byte is tampered', async () => {
    const l = lane();
    const dir = path.join(l.dir, 'shares', 'signed', 'PCCSRV', 'Admin', 'Utility', 'IpXfer');
    const tampered = path.join(l.dir, 'shares', 'signed', 'Ipxfer_x64-tampered.exe');
    copyFileSync(path.join(dir, 'Ipxfer_x64.exe'), tampered);
    const bytes = readFileSync(tampered);
    bytes[0x400] = bytes[0x400]! ^ 0xff; // in the code, covered by the signed digest
    writeFileSync(tampered, bytes);
    const dist = laneFileUrl(l, path.join(l.repo, 'dist', 'electron', 'core', 'trust', 'publisher.js'));
    const files = [path.join(dir, 'Ipxfer_x64.exe'), path.join(dir, 'DatFHS_x64.dll'), tampered].map((f) => toWindows(l, f));
    const r = await runWine(l.env, [l.nodeExe, toWindows(l, path.join(l.repo, 'tests', 'windows', 'probe-publisher.mjs')), dist, toWindows(l, path.join(l.programs, 'ca', 'root.der')), ...files]);
    expect(r.code, r.stderr.toString()).toBe(0);
    const [exe, dll, changed] = JSON.parse(r.stdout.toString('utf8'));
    expect([exe.withTestRoot, exe.withShippedRoots]).toEqual(['trusted', 'untrusted-root']);
    expect([dll.withTestRoot, dll.withShippedRoots]).toEqual(['trusted', 'untrusted-root']);
    expect(changed.withTestRoot).toBe('tampered');
  });
});
