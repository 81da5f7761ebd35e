/**
 * Windows' signature verdict when PowerShell misbehaves, as on real PCs: a TEST-ONLY stand-in
 * (tests/fixtures/windows-src/powershell-standin.c) takes the place of Wine's powershell.exe at the
 * path the product uses, and is put back afterwards. Each run asks it once for all its programs;
 * a hang ends in time with its child, garbage and a missing PowerShell each leave the verdict to the
 * shipped roots, with the reason, never a silent untrusted-root. A stand-in that answers Valid shows
 * the same call gives Windows the word when it answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lane, makeShare, processesMentioning, skipReason, type Lane } from './lane/lane.js';
import { runCli } from './lane/run-cli.js';

const toolPath = (l: Lane) => path.join(l.driveC, 'windows', 'system32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
const modeFile = (l: Lane) => path.join(l.driveC, 'lane', 'powershell-standin.txt');
const callsFile = (l: Lane) => path.join(l.driveC, 'lane', 'powershell-calls.txt');
const calls = (l: Lane) => (existsSync(callsFile(l)) ? readFileSync(callsFile(l), 'utf8').trim().split('\n').filter(Boolean) : []);

describe.skipIf(skipReason())(`Windows' verdict from a misbehaving PowerShell${skipReason() ? ` (skipped: ${skipReason()})` : ''}`, () => {
  let files: string[] = [];
  let saved = '';
  beforeAll(() => {
    const l = lane();
    const share = `${makeShare(l, 'os-verdict', { ipxfer: 'datfhs', dll: true })}\\Admin\\Utility\\IpXfer`;
    files = [`${share}\\Ipxfer_x64.exe`, `${share}\\DatFHS_x64.dll`];
    saved = `${toolPath(l)}.wine`;
    if (existsSync(toolPath(l))) renameSync(toolPath(l), saved);
  });
  afterAll(() => {
    const l = lane();
    rmSync(toolPath(l), { force: true });
    if (existsSync(saved)) renameSync(saved, toolPath(l));
    for (const f of [modeFile(l), callsFile(l)]) rmSync(f, { force: true });
  });

  /** `publisher` on both programs with the stand-in in `mode` (null: no powershell.exe at all). */
  async function publisherWith(mode: string | null) {
    const l = lane();
    rmSync(toolPath(l), { force: true });
    rmSync(callsFile(l), { force: true });
    if (mode !== null) {
      copyFileSync(path.join(l.programs, 'bin', 'powershell-standin.exe'), toolPath(l));
      writeFileSync(modeFile(l), `${mode}\r\n`);
    }
    return runCli(l, ['publisher', ...files, '--json', '--lang', 'en']);
  }

  it('hangs: ended with its child within the limit, one call, the roots judge and say Windows gave no answer in time', async () => {
    const l = lane();
    const r = await publisherWith('hang');
    expect(calls(l)).toHaveLength(1);
    // It ends: 20 s for Windows, then the tree walk (taskkill, wmic snapshots), each a Wine process
    // start on a shared machine. The 20 s limit itself is measured by the unit stand-ins
    // (tests/unit/windows-signatures.test.ts); here what counts is one call, and nothing left running.
    expect(r.ms).toBeLessThan(150_000);
    for (const f of r.json.files) expect(f).toMatchObject({ outcome: 'untrusted-root', authority: 'roots', osStatus: null, osUnavailable: 'timed-out' });
    expect(r.json.files[0].problem).toMatch(/not a known root/);
    expect(r.stderr).toContain('PowerShell gave no answer within 20 s');
    expect(processesMentioning(l, 'powershell.exe')).toEqual([]);
  }, 180_000);

  it('prints garbage: unreadable, the roots judge; missing: said so, the roots judge', async () => {
    const l = lane();
    const garbage = await publisherWith('garbage');
    expect(calls(l)).toHaveLength(1);
    for (const f of garbage.json.files) expect(f).toMatchObject({ authority: 'roots', osStatus: null, osUnavailable: 'unreadable' });
    // With the file gone Wine still starts its built-in PowerShell stub for the system32 path, so
    // here "missing" shows as the stub's error exit; a truly absent program (ENOENT) is `missing` in
    // the unit test. Either way: the roots judge, and the output says why.
    const missing = await publisherWith(null);
    for (const f of missing.json.files) expect(f).toMatchObject({ authority: 'roots', osStatus: null, osUnavailable: expect.stringMatching(/^(missing|failed)$/) });
    expect(missing.stderr).toMatch(/Windows gave no verdict \((PowerShell is not on this PC|PowerShell ended with an error)\)/);
  }, 180_000);

  it('answers Valid for both: Windows judges, from one call', async () => {
    const l = lane();
    const r = await publisherWith('valid 2');
    expect(calls(l)).toHaveLength(1);
    expect(calls(l)[0]).toMatch(/-NoProfile -NonInteractive -InputFormat None -Command /);
    for (const f of r.json.files) expect(f).toMatchObject({ outcome: 'trusted', authority: 'windows', osStatus: 'Valid', osUnavailable: null });
    expect(r.code).toBe(0);
  }, 180_000);
});
