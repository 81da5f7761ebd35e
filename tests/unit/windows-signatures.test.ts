/**
 * Windows' signature verdict as real PCs give it (or do not): one PowerShell call for all programs,
 * stdin not a pipe, a script Constrained Language Mode accepts, the answer read strictly, and after
 * the limit the whole process tree ended. Here POSIX shell stand-ins play powershell.exe (the Wine
 * lane does the same with a Windows stand-in, tests/windows/os-verdict.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { askWindowsSignatures, parseSignatureAnswer, signatureScript } from '../../electron/platform/windows-signatures.js';
import { killProcessGroup } from '../../electron/platform/kill-process-group.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'acf-os-verdict-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in powershell: records each call's arguments (one line per call), then does `body`. */
function standIn(name: string, body: string): { exe: string; calls: () => string[] } {
  const exe = path.join(dir, name);
  const log = `${exe}.calls`;
  writeFileSync(exe, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\n${body}\n`);
  chmodSync(exe, 0o755);
  return { exe, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []) };
}

/** Running (a zombie waiting for its parent to read its status has ended). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

const FILES = ['C:\\work\\IpXfer_x64.exe', "C:\\work\\O'Brien\\DatFHS_x64.dll"];

describe('the script', () => {
  it('makes no method call (Constrained Language Mode refuses them) and quotes every path literally', () => {
    const script = signatureScript(FILES);
    expect(script).not.toMatch(/\.\s*[A-Za-z]+\s*\(/); // no .ToString(), .Invoke(), ...
    expect(script).toContain("'C:\\work\\O''Brien\\DatFHS_x64.dll'");
    expect(script).toContain('-LiteralPath $f');
    expect(script).not.toMatch(/\$\(|`|"/); // no subexpressions, escapes or expandable strings
  });
});

describe('reading the answer', () => {
  it('one marked line per file, in any order, among other lines', () => {
    expect(parseSignatureAnswer('banner\r\napex-signature 1 NotSigned\r\napex-signature 0 Valid\r\n', 2)).toEqual(['Valid', 'NotSigned']);
    expect(parseSignatureAnswer('apex-signature 0 ?\n', 1)).toEqual([null]);
  });

  it('anything else is unreadable, never a guess', () => {
    for (const text of ['', 'Valid', 'apex-signature 0 Valid', 'apex-signature 0 Valid\napex-signature 0 Valid\napex-signature 1 Valid', 'apex-signature 0 Valid\napex-signature 1 Trusted', 'apex-signature 0 Valid\napex-signature 2 Valid', 'apex-signature 0 Valid extra\napex-signature 1 Valid']) {
      expect(parseSignatureAnswer(text, 2), text).toBeNull();
    }
  });
});

describe('one PowerShell call for all programs of a run', () => {
  it('a good answer: a status per file, from one call with stdin not a pipe and no profile', async () => {
    // `cat` waits for stdin to end: with a pipe left open this would hang until the limit.
    const ps = standIn('good', "cat >/dev/null\nprintf 'apex-signature 0 Valid\\r\\napex-signature 1 NotTrusted\\r\\n'");
    const verdicts = await askWindowsSignatures({ exe: ps.exe, files: FILES, killTree: killProcessGroup, timeoutMs: 10_000 });
    expect(verdicts).toEqual([{ status: 'Valid' }, { status: 'NotTrusted' }]);
    expect(ps.calls()).toHaveLength(1);
    expect(ps.calls()[0]).toMatch(/^-NoLogo -NoProfile -NonInteractive -InputFormat None -Command /);
  });

  it('a file Windows could not read: that file has no verdict, the others keep theirs', async () => {
    const ps = standIn('partial', "printf 'apex-signature 0 ?\\napex-signature 1 Valid\\n'");
    expect(await askWindowsSignatures({ exe: ps.exe, files: FILES, killTree: killProcessGroup })).toEqual([{ unavailable: 'file-unreadable' }, { status: 'Valid' }]);
  });

  it('a hanging PowerShell ends in time with everything it started, and every file says timed-out', async () => {
    const pids = path.join(dir, 'hang.pids');
    const ps = standIn('hang', `sleep 600 &\necho $! > '${pids}'\necho $$ >> '${pids}'\nwait`);
    const started = Date.now();
    const verdicts = await askWindowsSignatures({ exe: ps.exe, files: FILES, killTree: killProcessGroup, timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(verdicts).toEqual([{ unavailable: 'timed-out' }, { unavailable: 'timed-out' }]);
    expect(ps.calls()).toHaveLength(1);
    for (const pid of readFileSync(pids, 'utf8').trim().split('\n').map(Number)) expect(alive(pid), `pid ${pid}`).toBe(false);
  });

  it('garbage, an error exit, a missing or an unstartable PowerShell: each says why', async () => {
    const garbage = standIn('garbage', "printf 'Valid\\n\\377\\376 Get-AuthenticodeSignature : not recognized\\n'");
    const failing = standIn('failing', "echo 'Cannot invoke method. Method invocation is supported only on core types in this language mode.' >&2\nexit 1");
    const notExecutable = path.join(dir, 'not-executable');
    writeFileSync(notExecutable, 'MZ');
    chmodSync(notExecutable, 0o644);
    const cases = [
      [garbage.exe, 'unreadable'],
      [failing.exe, 'failed'],
      [path.join(dir, 'nowhere', 'powershell.exe'), 'missing'],
      [notExecutable, 'blocked'],
    ] as const;
    for (const [exe, reason] of cases) {
      expect(await askWindowsSignatures({ exe, files: FILES, killTree: killProcessGroup }), reason).toEqual([{ unavailable: reason }, { unavailable: reason }]);
    }
    expect(garbage.calls()).toHaveLength(1);
  });

  it('a cancel ends PowerShell at once; no files, no call', async () => {
    const ps = standIn('cancelled', 'sleep 600');
    const abort = new AbortController();
    const asked = askWindowsSignatures({ exe: ps.exe, files: FILES, killTree: killProcessGroup, signal: abort.signal, timeoutMs: 60_000 });
    abort.abort();
    const started = Date.now();
    await asked;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await askWindowsSignatures({ exe: ps.exe, files: [], killTree: killProcessGroup })).toEqual([]);
    expect(ps.calls().length).toBeLessThanOrEqual(1);
  });
});
