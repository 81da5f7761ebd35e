/**
 * Issue 18 §3 and §6 on Windows processes: the working folder under C:\ProgramData\ApexCertFix that a
 * user made first (with a planted DLL and other files in it), a file added to a run's folder before
 * IpXfer starts, an ACL read back that is not "Administrators own it, SYSTEM + Administrators only",
 * and two fix runs at once.
 *
 * What Wine cannot prove: Wine keeps no Windows ACLs on files and its icacls and PowerShell are stubs,
 * so whether icacls really makes the folder private is not shown here. The lane's test-only
 * powershell.exe answers the read-back (tests/fixtures/windows-src/powershell-acl-standin.c): with the
 * private SDDL by default, with the SDDL a scenario puts in the lane key otherwise. Where PowerShell
 * is blocked (`AclPowerShell` = blocked: it fails as Constrained Language Mode does) the product reads
 * the DACL with `icacls /save`, answered by the lane's test-only icacls.exe
 * (tests/fixtures/windows-src/icacls-standin.c) from `AclDacl`. Shown: the product asks icacls and
 * reads the ACL back through real Windows processes by either road, and refuses on a bad answer.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { wine } from '../../scripts/wine/prefix.mjs';
import { agentCertificatePath, certificate, lane, makeShare, resetAgent, runFolder, skipReason, type Lane } from './lane/lane.js';
import { runCli } from './lane/run-cli.js';

const MACHINE = 'C:\\ProgramData\\ApexCertFix';
const machineLinux = (l: Lane) => path.join(l.driveC, 'ProgramData', 'ApexCertFix');

function setAclAnswer(l: Lane, sddl: string | null): void {
  const args = sddl === null ? ['reg', 'delete', 'HKLM\\SOFTWARE\\ApexCertFixLane', '/v', 'AclSddl', '/f'] : ['reg', 'add', 'HKLM\\SOFTWARE\\ApexCertFixLane', '/v', 'AclSddl', '/d', sddl, '/f'];
  wine(l.env, args);
}

/** A value of the lane key (read by the test-only PowerShell and icacls stand-ins); null removes it. */
function setLaneValue(l: Lane, name: string, value: string | null): void {
  const args = value === null ? ['reg', 'delete', 'HKLM\\SOFTWARE\\ApexCertFixLane', '/v', name, '/f'] : ['reg', 'add', 'HKLM\\SOFTWARE\\ApexCertFixLane', '/v', name, '/d', value, '/f'];
  wine(l.env, args);
}

/** The command lines a stand-in logged since `clearCalls` (icacls-calls.txt, powershell-acl-calls.txt). */
const callsFile = (l: Lane, name: string) => path.join(l.driveC, 'lane', name);
const calls = (l: Lane, name: string) => (existsSync(callsFile(l, name)) ? readFileSync(callsFile(l, name), 'latin1').split('\n').filter(Boolean) : []);
const clearCalls = (l: Lane) => {
  for (const name of ['icacls-calls.txt', 'powershell-acl-calls.txt']) rmSync(callsFile(l, name), { force: true });
};

async function until(cond: () => boolean, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe.skipIf(skipReason())(`the working folder and one repair per PC${skipReason() ? ` (skipped: ${skipReason()})` : ''}`, () => {
  it('a ProgramData\\ApexCertFix a user made first, with a planted DLL: the run uses a new folder holding only its copies', async () => {
    const l = lane();
    const source = makeShare(l, 'planted', { ipxfer: 'datfhs', dll: true });
    resetAgent(l);
    const root = machineLinux(l);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(path.join(root, 'work'), { recursive: true });
    writeFileSync(path.join(root, 'VERSION.dll'), 'MZ planted');
    writeFileSync(path.join(root, 'work', 'VERSION.dll'), 'MZ planted');
    writeFileSync(path.join(root, 'work', 'DatFHS_x64.dll'), 'MZ planted');
    const run = runFolder(l, 'planted');
    clearCalls(l);
    const r = await runCli(l, ['fix', '--source', source, '--allow-unverified-publisher', '--reports-dir', `${run.win}\\reports`, '--json', '--lang', 'en']);
    expect(r.code).toBe(0);
    if (l.kind === 'wine') {
      // PowerShell answered the read-back: icacls only set the ACL, it was never asked to save it.
      expect(calls(l, 'powershell-acl-calls.txt').length).toBeGreaterThan(0);
      expect(calls(l, 'icacls-calls.txt').filter((c) => c.includes('/save'))).toEqual([]);
    }
    expect(r.json.outcome).toBe('fixed');
    expect(r.json.workDir.startsWith(`${MACHINE}\\work\\`)).toBe(true);
    // The run's own folder held the copies only (a fixed run's folder is removed afterwards).
    expect(r.json.files.map((f: { name: string }) => f.name).sort()).toEqual(['DatFHS_x64.dll', 'Ipxfer_x64.exe', 'OfcNTCer.dat']);
  });

  it('a DLL added to the run\'s folder before IpXfer starts: the run is refused, naming it; IpXfer never ran', async () => {
    const l = lane();
    const source = makeShare(l, 'added', { ipxfer: 'datfhs', dll: true });
    resetAgent(l);
    const run = runFolder(l, 'added');
    const work = path.join(run.linux, 'work');
    mkdirSync(work, { recursive: true });
    // Plant as soon as the run's folder appears (it is new each run: nobody can make it in advance).
    const watcher = watch(work, (_e, name) => {
      if (!name) return;
      try {
        writeFileSync(path.join(work, String(name), 'VERSION.dll'), 'MZ planted');
      } catch {
        // not a folder (yet)
      }
    });
    try {
      const r = await runCli(l, ['fix', '--source', source, '--allow-unverified-publisher', '--work-dir', `${run.win}\\work`, '--reports-dir', `${run.win}\\reports`, '--json', '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.json.error.code).toBe('work-dir-unexpected');
      expect(r.json.error.message).toContain('VERSION.dll');
      expect(r.json.run).toBeNull();
      expect(readFileSync(agentCertificatePath(l))).toEqual(certificate(l, 'old'));
    } finally {
      watcher.close();
    }
  });

  it('an ACL read back with a user\'s entry: refused before anything is copied (exit 3, work-dir-unsafe)', async (ctx) => {
    const l = lane();
    // The answer comes from the Wine prefix's PowerShell stand-in: real Windows answers for itself.
    if (l.kind === 'native') ctx.skip();
    const source = makeShare(l, 'acl', { ipxfer: 'datfhs', dll: true });
    resetAgent(l);
    setAclAnswer(l, 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1301bf;;;S-1-5-21-1-2-3-1001)');
    const run = runFolder(l, 'acl');
    const r = await runCli(l, ['fix', '--source', source, '--allow-unverified-publisher', '--work-dir', `${run.win}\\work`, '--reports-dir', `${run.win}\\reports`, '--json', '--lang', 'ja']);
    setAclAnswer(l, null);
    expect(r.code).toBe(3);
    expect(r.json.error.code).toBe('work-dir-unsafe');
    expect(r.json.error.message).toContain(MACHINE);
    expect(r.json.error.message).toContain('アクセス許可');
    expect(existsSync(path.join(run.linux, 'work')) ? readdirSync(path.join(run.linux, 'work')) : []).toEqual([]);
  });

  it('PowerShell blocked (Constrained Language Mode): the ACL is read back with icacls /save and the run is fixed; PowerShell asked once per run', async (ctx) => {
    const l = lane();
    // The stand-ins exist only in the Wine prefix: on real Windows icacls and PowerShell are Windows'.
    if (l.kind === 'native') ctx.skip();
    const source = makeShare(l, 'no-ps', { ipxfer: 'datfhs', dll: true });
    resetAgent(l);
    setLaneValue(l, 'AclPowerShell', 'blocked');
    clearCalls(l);
    const run = runFolder(l, 'no-ps');
    const r = await runCli(l, ['fix', '--source', source, '--allow-unverified-publisher', '--work-dir', `${run.win}\\work`, '--reports-dir', `${run.win}\\reports`, '--json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.outcome).toBe('fixed');
    expect(calls(l, 'powershell-acl-calls.txt')).toHaveLength(1);
    const icacls = calls(l, 'icacls-calls.txt');
    const machine = icacls.filter((c) => c.includes(`${MACHINE}"`) || c.includes(`${MACHINE} `));
    // For the machine folder: owner, grant, /save, owner again (the DACL clean), /save again.
    expect(machine.filter((c) => c.includes('/save'))).toHaveLength(2);
    expect(machine.filter((c) => c.includes('/setowner'))).toHaveLength(2);
    expect(readFileSync(agentCertificatePath(l))).toEqual(certificate(l, 'server'));
  });

  it('PowerShell blocked and the saved DACL holds a user\'s entry: refused before anything is copied (exit 3, work-dir-unsafe)', async (ctx) => {
    const l = lane();
    if (l.kind === 'native') ctx.skip();
    const source = makeShare(l, 'no-ps-acl', { ipxfer: 'datfhs', dll: true });
    resetAgent(l);
    setLaneValue(l, 'AclPowerShell', 'blocked');
    setLaneValue(l, 'AclDacl', 'D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1301bf;;;S-1-5-21-1-2-3-1001)');
    const run = runFolder(l, 'no-ps-acl');
    const r = await runCli(l, ['fix', '--source', source, '--allow-unverified-publisher', '--work-dir', `${run.win}\\work`, '--reports-dir', `${run.win}\\reports`, '--json', '--lang', 'en']);
    setLaneValue(l, 'AclPowerShell', null);
    setLaneValue(l, 'AclDacl', null);
    expect(r.code).toBe(3);
    expect(r.json.error.code).toBe('work-dir-unsafe');
    expect(r.json.error.message).toContain(MACHINE);
    expect(existsSync(path.join(run.linux, 'work')) ? readdirSync(path.join(run.linux, 'work')) : []).toEqual([]);
    expect(readFileSync(agentCertificatePath(l))).toEqual(certificate(l, 'old'));
  });

  it('two fix runs at once: the second waits, names the first, and ends busy (exit 3) at its time limit', async () => {
    const l = lane();
    const source = makeShare(l, 'two', { ipxfer: 'datfhs', dll: true });
    resetAgent(l, { hang: true });
    const a = runFolder(l, 'two-a');
    const b = runFolder(l, 'two-b');
    const holderFile = path.join(machineLinux(l), 'repair-holder.json');
    rmSync(holderFile, { force: true });
    const first = runCli(l, ['fix', '--source', source, '--allow-unverified-publisher', '--timeout', '60', '--work-dir', `${a.win}\\work`, '--reports-dir', `${a.win}\\reports`, '--json', '--lang', 'en']);
    // The holder file is written right after the lock is taken: wait until it reads whole.
    let holder: { pid: number; since: string } | null = null;
    await until(() => {
      try {
        holder = JSON.parse(readFileSync(holderFile, 'utf8'));
        return true;
      } catch {
        return false;
      }
    });
    const second = await runCli(l, ['fix', '--source', source, '--allow-unverified-publisher', '--timeout', '3', '--work-dir', `${b.win}\\work`, '--reports-dir', `${b.win}\\reports`, '--json', '--lang', 'en']);
    expect(second.code).toBe(3);
    expect(second.json.error.code).toBe('busy');
    expect(second.stderr).toContain(`Another repair is running on this PC since`);
    expect(second.stderr).toContain(`process ${holder!.pid}: waiting for it to finish (up to 3 s).`);
    expect(existsSync(path.join(b.linux, 'work')) ? readdirSync(path.join(b.linux, 'work')) : []).toEqual([]);
    const r1 = await first;
    expect(r1.code).toBe(4);
    expect(r1.json.outcome).toBe('timeout');
    expect(existsSync(holderFile)).toBe(false);
  });
});
