/**
 * The Windows working folder's ACL (issue 18 §3): what is asked of icacls, and the read-back that
 * refuses a folder unless Administrators own it and only SYSTEM and Administrators have (full)
 * access, inheritance off. No real Windows here and no recording of `(Get-Acl).Sddl` in
 * tests/fixtures/windows: the strings below are written from Microsoft's documented SDDL grammar
 * (owner `O:`, DACL flags `P`/`AI`, ACE `(type;flags;rights;;;sid)`, aliases SY/BA/BU/WD/CO), not
 * recorded output. The `icacls /save` files in tests/fixtures/windows (`icacls-save-*.txt`) are
 * constructed too (UTF-16LE, name line then DACL line: the layout is not documented by Microsoft).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aclProblem, foreignSids, icaclsArgs, icaclsOwnerArgs, icaclsRemoveArgs, icaclsSaveArgs, parseIcaclsSave, parseSddl, readAclArgs } from '../../electron/platform/private-folder-windows.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/windows');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

const DIR = 'C:\\ProgramData\\ApexCertFix';
const GOOD = 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)';

describe('the commands', () => {
  it('owner Administrators by SID, inheritance removed, SYSTEM + Administrators full control, and removal by SID', () => {
    expect(icaclsOwnerArgs(DIR)).toEqual([DIR, '/setowner', '*S-1-5-32-544', '/q']);
    expect(icaclsArgs(DIR)).toEqual([DIR, '/inheritance:r', '/grant:r', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F', '/q']);
    expect(icaclsRemoveArgs(DIR, 'S-1-5-21-1-2-3-1001')).toEqual([DIR, '/remove', '*S-1-5-21-1-2-3-1001', '/q']);
  });
  it('without PowerShell the DACL is saved by icacls into a file (SDDL, not icacls\' translated listing)', () => {
    expect(icaclsSaveArgs(DIR, 'C:\\Temp\\acf-acl-1\\acl.txt')).toEqual([DIR, '/save', 'C:\\Temp\\acf-acl-1\\acl.txt', '/q']);
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

describe('the read-back without PowerShell (icacls /save: the DACL only)', () => {
  it('reads the DACL of the saved file (UTF-16LE, name line then SDDL line); the owner is not in it', () => {
    const acl = parseIcaclsSave(fixture('icacls-save-private.txt'));
    expect(acl).toEqual({ owner: null, protected: true, aces: [
      { type: 'A', flags: ['OI', 'CI'], rights: 'FA', sid: 'S-1-5-18' },
      { type: 'A', flags: ['OI', 'CI'], rights: 'FA', sid: 'S-1-5-32-544' },
    ] });
  });
  it('accepts the private DACL only with the owner set by icacls\' exit status; without that word the unknown owner refuses', () => {
    const acl = parseIcaclsSave(fixture('icacls-save-private.txt'));
    expect(aclProblem(acl, { ownerSetByIcacls: true })).toBeNull();
    expect(aclProblem(acl)).toBe('owner unknown');
  });
  it('an owner in the text still counts: a DACL line never vouches for a wrong owner', () => {
    expect(aclProblem({ ...parseIcaclsSave(fixture('icacls-save-private.txt'))!, owner: 'S-1-5-21-1-2-3-1001' }, { ownerSetByIcacls: true })).toBe('owner S-1-5-21-1-2-3-1001');
  });
  it('a user\'s entry is found and named for removal, as from Get-Acl', () => {
    const acl = parseIcaclsSave(fixture('icacls-save-user-entry.txt'))!;
    expect(aclProblem(acl, { ownerSetByIcacls: true })).toBe('entry for S-1-5-21-1-2-3-1001');
    expect(foreignSids(acl)).toEqual(['S-1-5-21-1-2-3-1001']);
  });
  it('the same layout with a BOM, in UTF-8, or with LF line ends reads alike', () => {
    const text = 'ApexCertFix\r\nD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)\r\n';
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), Buffer.from(text, 'utf8'), Buffer.from(text.replace(/\r/g, ''), 'utf16le')]) {
      expect(aclProblem(parseIcaclsSave(bytes), { ownerSetByIcacls: true })).toBeNull();
    }
  });
  it.each([
    ['an empty file (Wine\'s stub, a failed /save)', Buffer.alloc(0)],
    ['a name line only', Buffer.from('ApexCertFix\r\n', 'utf16le')],
    ['icacls\' error text', Buffer.from('ApexCertFix: Access is denied.\r\nSuccessfully processed 0 files; Failed processing 1 files\r\n', 'utf16le')],
    ['a null DACL (everyone, full access)', Buffer.from('ApexCertFix\r\nD:NO_ACCESS_CONTROL\r\n', 'utf16le')],
  ])('refuses as unreadable: %s', (_what, bytes) => {
    expect(aclProblem(parseIcaclsSave(bytes), { ownerSetByIcacls: true })).toBe('unreadable');
  });
  it('a DACL that still inherits, or lacks full control, is refused as from Get-Acl', () => {
    expect(aclProblem(parseIcaclsSave(Buffer.from('ApexCertFix\r\nD:AI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)\r\n', 'utf16le')), { ownerSetByIcacls: true })).toBe('inherits');
    expect(aclProblem(parseIcaclsSave(Buffer.from('ApexCertFix\r\nD:P(A;OICI;FA;;;SY)\r\n', 'utf16le')), { ownerSetByIcacls: true })).toBe('no full control for S-1-5-32-544');
  });
});
