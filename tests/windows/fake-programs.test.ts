/**
 * The lane's own programs are honest about what the product relies on: the DatFHS-importing IpXfer
 * does not start without the DLL beside it (the Windows loader refuses, STATUS_DLL_NOT_FOUND), and
 * the signed ones carry an intact Authenticode signature from the test CA.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { lane, skipReason } from './lane/lane.js';
import { runWine } from './lane/run-wine.js';

const STATUS_DLL_NOT_FOUND = 0xc0000135;

describe.skipIf(skipReason())(`lane programs${skipReason() ? ` (skipped: ${skipReason()})` : ''}`, () => {
  it('IpXfer built for 12526 does not start without DatFHS_x64.dll beside it, and does with it', async () => {
    const l = lane();
    const dir = path.join(l.driveC, 'lane', 'loader');
    mkdirSync(dir, { recursive: true });
    copyFileSync(path.join(l.programs, 'x64', 'IpXfer_x64.exe'), path.join(dir, 'IpXfer_x64.exe'));
    // cmd reports the exit status; `-x` makes the fake stop at its argument check (exit 2).
    const probe = () => runWine(l.env, ['cmd', '/c', 'C:\\lane\\loader\\IpXfer_x64.exe -x & echo status=%errorlevel%']);
    const without = (await probe()).stdout.toString('latin1');
    expect(Number(/status=(-?\d+)/.exec(without)?.[1]) >>> 0).toBe(STATUS_DLL_NOT_FOUND);
    copyFileSync(path.join(l.programs, 'x64', 'DatFHS_x64.dll'), path.join(dir, 'DatFHS_x64.dll'));
    expect((await probe()).stdout.toString('latin1')).toMatch(/status=2\b/);
  });

  // osslsigncode is a Linux tool: on Windows (the native lane) the programs come signed from the Linux job, checked there.
  it.skipIf(process.platform === 'win32')('the signed IpXfer and DatFHS verify against the test root; the unsigned copy has no signature', () => {
    const l = lane();
    const root = path.join(l.programs, 'ca', 'root.pem');
    for (const file of ['x64/IpXfer_x64.exe', 'x64/DatFHS_x64.dll', 'x86/IpXfer.exe', 'x64-plain/IpXfer_x64.exe']) {
      expect(execFileSync('osslsigncode', ['verify', '-in', path.join(l.programs, file), '-CAfile', root], { encoding: 'utf8' }), file).toMatch(/Signature verification: ok/);
    }
    expect(() => execFileSync('osslsigncode', ['verify', '-in', path.join(l.programs, 'unsigned', 'IpXfer_x64.exe'), '-CAfile', root], { stdio: 'pipe' })).toThrow();
  });
});
