import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SimulatedPlatform, parseProfile, ProfileError, scriptCommand } from '../../electron/platform/simulated.js';
import { fakeIpXferScript } from '../../electron/simulation/fake-ipxfer.js';
import { runProgram } from '../../electron/base/run-program.js';
import { killProcessGroup } from '../../electron/platform/kill-process-group.js';

const base = {
  arch: 'x64',
  elevated: true,
  agent: null,
  shares: { '\\\\srv\\ofcscan': '/data/pccsrv', '\\\\srv\\c$': '/data/c', '\\\\srv\\c$\\Special': '/elsewhere', 'D:\\': '/data/d' },
};

describe('simulated platform', () => {
  const p = new SimulatedPlatform(parseProfile(base, 'profile.json', '/'));

  it('maps UNC roots and drives to local folders, case-insensitively, longest root first', () => {
    expect(p.toLocalPath('\\\\SRV\\OfcScan\\Admin')).toEqual({ ok: true, path: '/data/pccsrv/Admin' });
    expect(p.toLocalPath('\\\\srv\\c$\\Program Files\\x')).toEqual({ ok: true, path: '/data/c/Program Files/x' });
    expect(p.toLocalPath('\\\\srv\\c$\\special\\y')).toEqual({ ok: true, path: '/elsewhere/y' });
    expect(p.toLocalPath('d:/kit')).toEqual({ ok: true, path: '/data/d/kit' });
  });

  it('an unmapped server is unreachable; a local path is itself', () => {
    expect(p.toLocalPath('\\\\other\\share')).toEqual({ ok: false, reason: 'unreachable' });
    expect(p.toLocalPath('/tmp/x')).toEqual({ ok: true, path: '/tmp/x' });
  });

  it('resolves share folders relative to the profile and lower-cases service names', async () => {
    const q = new SimulatedPlatform(parseProfile({ ...base, shares: { 'C:\\': 'pc' }, services: { NtRtScan: 'running' } }, '/p/profile.json', '/p'));
    expect(q.toLocalPath('C:\\x')).toEqual({ ok: true, path: path.join('/p/pc', 'x') });
    expect(await q.serviceState('ntrtscan')).toBe('running');
    expect(await q.serviceState('tmlisten')).toBe('missing');
  });

  it('names the field of a profile mistake', () => {
    expect(() => parseProfile({ ...base, elevated: 'yes' }, 'p.json', '/')).toThrow(/"elevated" must be true or false/);
    expect(() => parseProfile({ ...base, agent: { dir: '' } }, 'p.json', '/')).toThrow(ProfileError);
    expect(() => parseProfile({ ...base, services: { ntrtscan: 'up' } }, 'p.json', '/')).toThrow(/"services.ntrtscan"/);
  });
});

describe('the training stand-ins on Windows (a `#!` script is no program there)', () => {
  it('on win32 the interpreter of the `#!` line starts the script; elsewhere, and for a real program, the file itself', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acf-script-'));
    try {
      const agent = path.join(dir, 'agent');
      mkdirSync(agent);
      const ipxfer = path.join(dir, 'IpXfer_x64.exe');
      writeFileSync(ipxfer, fakeIpXferScript({ agentDir: agent, password: 'trend' }));
      // Not executable, as on Windows where a text file cannot be started at all.
      chmodSync(ipxfer, 0o644);
      const cert = path.join(dir, 'OfcNTCer.dat');
      writeFileSync(cert, 'server certificate');
      const args = ['-e', cert, '-pwd', 'trend'];
      expect(scriptCommand(ipxfer, args, 'linux')).toEqual({ file: ipxfer, args });
      const command = scriptCommand(ipxfer, args, 'win32');
      expect(command).toEqual({ file: process.execPath, args: [ipxfer, ...args] });
      const direct = await runProgram({ file: ipxfer, args, cwd: dir, onLine: () => undefined, timeoutMs: 30_000, codePage: 65001, killTree: killProcessGroup });
      expect(direct.startError).toBe('EACCES');
      const r = await runProgram({ ...command, cwd: dir, onLine: () => undefined, timeoutMs: 30_000, codePage: 65001, secrets: ['trend'], killTree: killProcessGroup });
      expect([r.startError, r.exitCode]).toEqual([null, 0]);
      expect(readFileSync(path.join(agent, 'OfcNTCer.dat'), 'utf8')).toBe('server certificate');
      // A real program (no `#!`) and a missing file are left to the OS.
      const pe = path.join(dir, 'real.exe');
      writeFileSync(pe, 'MZ\x90\x00');
      expect(scriptCommand(pe, ['-x'], 'win32')).toEqual({ file: pe, args: ['-x'] });
      expect(scriptCommand(path.join(dir, 'missing.exe'), [], 'win32')).toEqual({ file: path.join(dir, 'missing.exe'), args: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
