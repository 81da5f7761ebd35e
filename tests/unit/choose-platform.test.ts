import { describe, expect, it } from 'vitest';
import { choosePlatform } from '../../electron/platform/choose-platform.js';
import { WindowsPlatform } from '../../electron/platform/windows.js';
import { messages } from '../../electron/core/messages.js';
import { makeWorld } from '../fixtures/world.js';

describe('choosing the platform', () => {
  it('Windows on Windows, the simulation only when asked, a refusal elsewhere', async () => {
    expect(choosePlatform(undefined, 'win32')).toMatchObject({ ok: true, platform: { kind: 'windows' } });
    expect(choosePlatform(undefined, 'linux')).toEqual({ ok: false, error: { code: 'not-windows' } });
    const world = await makeWorld();
    expect(choosePlatform(world.profile, 'win32')).toMatchObject({ ok: true, platform: { kind: 'simulated' } });
    await world.cleanup();
  });

  it('the Windows platform uses UNC paths as they are and explains an unseen drive letter', () => {
    const w = new WindowsPlatform();
    expect(w.toLocalPath('\\\\srv\\ofcscan')).toEqual({ ok: true, path: '\\\\srv\\ofcscan' });
    // No such drive here (nor on a PC where the user mapped Z: without elevation).
    expect(w.toLocalPath('Z:\\PCCSRV')).toEqual({ ok: false, reason: 'mapped-drive' });
    expect(messages('en').tried['mapped-drive']).toContain('use \\\\server\\share');
    expect(messages('ja').tried['mapped-drive']).toContain('\\\\サーバ名\\共有名');
  });
});
