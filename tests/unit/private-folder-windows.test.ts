/**
 * The Windows working folder's ACL (issue 18 §3): what is asked of icacls, and the read-back that
 * refuses a folder unless Administrators own it and only SYSTEM and Administrators have (full)
 * access, inheritance off. No real Windows here and no recording of `(Get-Acl).Sddl` in
 * tests/fixtures/windows: the strings below are written from Microsoft's documented SDDL grammar
 * (owner `O:`, DACL flags `P`/`AI`, ACE `(type;flags;rights;;;sid)`, aliases SY/BA/BU/WD/CO), not
 * recorded output.
 */
import { describe, expect, it } from 'vitest';
import { aclProblem, foreignSids, icaclsArgs, icaclsOwnerArgs, icaclsRemoveArgs, parseSddl, readAclArgs } from '../../electron/platform/private-folder-windows.js';

const DIR = 'C:\\ProgramData\\ApexCertFix';
const GOOD = 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)';

describe('the commands', () => {
  it('owner Administrators by SID, inheritance removed, SYSTEM + Administrators full control, and removal by SID', () => {
    expect(icaclsOwnerArgs(DIR)).toEqual([DIR, '/setowner', '*S-1-5-32-544', '/q']);
    expect(icaclsArgs(DIR)).toEqual([DIR, '/inheritance:r', '/grant:r', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F', '/q']);
    expect(icaclsRemoveArgs(DIR, 'S-1-5-21-1-2-3-1001')).toEqual([DIR, '/remove', '*S-1-5-21-1-2-3-1001', '/q']);
  });
  it('the read-back is Get-Acl .Sddl on the literal path (quotes doubled, no wildcard expansion)', () => {
    expect(readAclArgs("C:\\Program'Data\\x")).toEqual(['-NoProfile', '-NonInteractive', '-Command', "(Get-Acl -LiteralPath 'C:\\Program''Data\\x').Sddl"]);
  });
});

describe('the read-back', () => {
  it('accepts exactly: owner Administrators, protected, SYSTEM and Administrators with full control (any order, SIDs or aliases, hex mask)', () => {
    expect(aclProblem(parseSddl(GOOD))).toBeNull();
    expect(aclProblem(parseSddl('O:S-1-5-32-544G:S-1-5-18D:P(A;OICI;0x1f01ff;;;S-1-5-32-544)(A;OICI;FA;;;S-1-5-18)\r\n'))).toBeNull();
  });
  it.each([
    ['a user still owns it', 'O:S-1-5-21-1-2-3-1001G:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)', 'owner S-1-5-21-1-2-3-1001'],
    ['it still inherits', 'O:BAG:SYD:AI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)', 'inherits'],
    ['an explicit entry of the user who made it', 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1301bf;;;S-1-5-21-1-2-3-1001)', 'entry for S-1-5-21-1-2-3-1001'],
    ['Users may create files', 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;CI;DCLCRPCR;;;BU)', 'entry for S-1-5-32-545'],
    ['CREATOR OWNER', 'O:BAG:SYD:PAI(A;OICIIO;FA;;;CO)(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)', 'entry for S-1-3-0'],
    ['a deny entry, even for Administrators', 'O:BAG:SYD:PAI(D;OICI;FA;;;BA)(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)', 'D entry for S-1-5-32-544'],
    ['Administrators without full control', 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;0x1200a9;;;BA)', 'no full control for S-1-5-32-544'],
    ['SYSTEM not inherited by what is inside', 'O:BAG:SYD:PAI(A;;FA;;;SY)(A;OICI;FA;;;BA)', 'no full control for S-1-5-18'],
    ['nothing came back (a PowerShell that does not run)', '', 'unreadable'],
    ['words instead of SDDL', 'Get-Acl : Access denied', 'unreadable'],
  ])('refuses when %s', (_what, sddl, problem) => {
    expect(aclProblem(parseSddl(sddl))).toBe(problem);
  });
  it('names the entries icacls must remove, by SID (aliases resolved)', () => {
    expect(foreignSids(parseSddl('O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;WD)(A;OICI;FA;;;S-1-5-21-1-2-3-1001)(D;;FA;;;S-1-5-21-1-2-3-1001)')!)).toEqual(['S-1-1-0', 'S-1-5-21-1-2-3-1001']);
  });
});
