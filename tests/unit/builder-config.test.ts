import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

describe('electron-builder.yml', async () => {
  const config = load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

  it('passes electron-builder\'s own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('asks for administrator rights in both the installer and the portable exe (electron-builder #7566)', () => {
    expect(config.win.requestedExecutionLevel).toBe('requireAdministrator');
    expect(config.portable.requestExecutionLevel).toBe('admin');
  });

  it('builds portable and NSIS, x64 and ia32, with Japanese and English installers and the icon', async () => {
    expect(config.win.target).toEqual([
      { target: 'portable', arch: ['x64', 'ia32'] },
      { target: 'nsis', arch: ['x64', 'ia32'] },
    ]);
    expect(config.nsis.installerLanguages).toEqual(['ja_JP', 'en_US']);
    expect((await readFile(path.join(root, config.win.icon))).readUInt16LE(2)).toBe(1); // an ICO
  });

  it('turns off RunAsNode, NODE_OPTIONS and --inspect with fuses', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });

  it('a broken configuration is caught by the same validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration({ ...config, win: { ...config.win, requestedExecutionLevel: 'sometimes' } }, new DebugLogger(false))).rejects.toThrow();
  });
});
