import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { SimulatedPlatform, parseProfile, ProfileError } from '../../electron/platform/simulated.js';

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
