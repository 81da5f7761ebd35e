/**
 * Where the Electron app keeps its data (electron/hosts/electron/portable-paths.ts), on real folders:
 * the portable exe (PORTABLE_EXECUTABLE_DIR), the folder build's `portable` marker, a read-only
 * stick (a folder the OS really refuses to write: chmod 0555, or `chattr +i` when the tests run as
 * root, for whom permission bits mean nothing), the %ProgramData% fallback, and the installed app.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chooseDataLocation, PORTABLE_DATA_FOLDER, PORTABLE_MARKER, PROGRAM_DATA_FOLDER, writeProblem } from '../../electron/hosts/electron/portable-paths.js';
import { messages } from '../../electron/core/messages.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `acf-${name}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Makes `dir` refuse new files for real; undone after the test. */
function makeReadOnly(dir: string): void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', dir]);
    cleanups.push(() => execFileSync('chattr', ['-i', dir]));
  } else {
    chmodSync(dir, 0o555);
    cleanups.push(() => chmodSync(dir, 0o755));
  }
}

/** A PC: an exe folder (the stick), %ProgramData% and Electron's userData, all real folders. */
function pc() {
  const root = tempDir('pc');
  const stick = path.join(root, 'E', 'ApexCertFix 1.0 ヘルプデスク');
  const programData = path.join(root, 'ProgramData');
  const userData = path.join(root, 'AppData', 'ApexCertFix');
  for (const d of [stick, programData]) mkdirSync(d, { recursive: true });
  return { root, stick, programData, userData };
}

describe('the data folder', () => {
  it('installed (no PORTABLE_EXECUTABLE_DIR, no marker): Electron\'s user folder, nothing written on the way', () => {
    const p = pc();
    expect(chooseDataLocation({ exeDir: p.stick, programData: p.programData, userData: p.userData })).toEqual({ dir: p.userData, mode: 'installed', appDir: null, fallback: null });
    expect(readdirSync(p.stick)).toEqual([]);
    expect(readdirSync(p.programData)).toEqual([]);
  });

  it('the portable exe on a writable stick: ApexCertFix-data beside the exe, the probe file gone', () => {
    const p = pc();
    const r = chooseDataLocation({ portableExecutableDir: p.stick, exeDir: path.join(p.root, 'Temp', 'unpacked'), programData: p.programData, userData: p.userData });
    expect(r).toEqual({ dir: path.join(p.stick, PORTABLE_DATA_FOLDER), mode: 'portable-exe', appDir: p.stick, fallback: null });
    expect(readdirSync(p.stick)).toEqual([PORTABLE_DATA_FOLDER]);
    expect(readdirSync(r.dir)).toEqual([]);
  });

  it('the folder build: a file named "portable" beside the exe keeps the data beside it', () => {
    const p = pc();
    writeFileSync(path.join(p.stick, PORTABLE_MARKER), '');
    const r = chooseDataLocation({ exeDir: p.stick, programData: p.programData, userData: p.userData });
    expect(r).toEqual({ dir: path.join(p.stick, PORTABLE_DATA_FOLDER), mode: 'folder', appDir: p.stick, fallback: null });
    expect(existsSync(r.dir)).toBe(true);
  });

  it('a folder named "portable" is not the marker; an empty PORTABLE_EXECUTABLE_DIR is not set', () => {
    const p = pc();
    mkdirSync(path.join(p.stick, PORTABLE_MARKER));
    expect(chooseDataLocation({ portableExecutableDir: '', exeDir: p.stick, programData: p.programData, userData: p.userData }).mode).toBe('installed');
  });

  it('a read-only stick: %ProgramData%\\ApexCertFix, with the folder tried and the OS error, and nothing left on the stick', () => {
    const p = pc();
    writeFileSync(path.join(p.stick, PORTABLE_MARKER), '');
    makeReadOnly(p.stick);
    const r = chooseDataLocation({ exeDir: p.stick, programData: p.programData, userData: p.userData });
    expect(r.dir).toBe(path.join(p.programData, PROGRAM_DATA_FOLDER));
    expect(r.mode).toBe('folder');
    expect(r.appDir).toBe(p.stick); // a kit on the stick is still offered: reading works
    expect(r.fallback?.tried).toBe(path.join(p.stick, PORTABLE_DATA_FOLDER));
    expect(['EACCES', 'EPERM', 'EROFS']).toContain(r.fallback?.code);
    expect(readdirSync(p.stick)).toEqual([PORTABLE_MARKER]);
    expect(existsSync(r.dir)).toBe(true);
  });

  it('a read-only data folder already on the stick (made earlier, then write-protected) is refused the same way', () => {
    const p = pc();
    const data = path.join(p.stick, PORTABLE_DATA_FOLDER);
    mkdirSync(data);
    makeReadOnly(data);
    const r = chooseDataLocation({ portableExecutableDir: p.stick, exeDir: p.root, programData: p.programData, userData: p.userData });
    expect(r.dir).toBe(path.join(p.programData, PROGRAM_DATA_FOLDER));
    expect(r.fallback?.tried).toBe(data);
  });

  it('a read-only stick and an unwritable %ProgramData%: the user\'s folder, still saying why', () => {
    const p = pc();
    writeFileSync(path.join(p.stick, PORTABLE_MARKER), '');
    makeReadOnly(p.stick);
    makeReadOnly(p.programData);
    const r = chooseDataLocation({ exeDir: p.stick, programData: p.programData, userData: p.userData });
    expect(r.dir).toBe(p.userData);
    expect(r.fallback?.tried).toBe(path.join(p.stick, PORTABLE_DATA_FOLDER));
  });

  it('off Windows there is no %ProgramData%: a read-only stick falls back to the user\'s folder', () => {
    const p = pc();
    makeReadOnly(p.stick);
    const r = chooseDataLocation({ portableExecutableDir: p.stick, exeDir: p.root, userData: p.userData });
    expect(r.dir).toBe(p.userData);
    expect(r.fallback).not.toBeNull();
  });

  it('the probe names the OS error and leaves no file behind', () => {
    const p = pc();
    expect(writeProblem(p.stick)).toBeNull();
    expect(readdirSync(p.stick)).toEqual([]);
    const file = path.join(p.root, 'a-file');
    writeFileSync(file, '');
    expect(writeProblem(path.join(file, 'below'))).toBe('ENOTDIR');
  });

  it('the window\'s words for the fallback, in both languages, name both folders', () => {
    for (const lang of ['en', 'ja'] as const) {
      const text = messages(lang).label.dataFallback('E:\\ApexCertFix-data', 'C:\\ProgramData\\ApexCertFix');
      expect(text).toContain('E:\\ApexCertFix-data');
      expect(text).toContain('C:\\ProgramData\\ApexCertFix');
      expect(messages(lang).label.dataTitle('C:\\ProgramData\\ApexCertFix')).toContain('C:\\ProgramData\\ApexCertFix');
    }
    expect(messages('ja').label.dataFallback('E:\\x', 'C:\\y')).not.toMatch(/EROFS|EACCES|stick/);
  });
});
