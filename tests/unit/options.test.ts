/** One option reader for every host (base/options.ts): what a person sees when an option is mistyped. */
import { describe, expect, it } from 'vitest';
import { optionHelp, readOptions, type OptionTable } from '../../electron/base/options.js';
import { runCli } from '../fixtures/cli.js';

const TABLE = {
  source: { type: 'string', value: 'S', help: { en: 'where the files are', ja: 'ファイルの場所' } },
  'work-dir': { type: 'string', value: 'DIR', help: { en: 'working folder\nsecond line', ja: '作業フォルダー' } },
  force: { type: 'boolean', help: { en: 'repair anyway', ja: '修復する' } },
} satisfies OptionTable;

describe('readOptions', () => {
  it('names an unknown option as typed, with the nearest known one', () => {
    expect(readOptions(TABLE, ['--sourc', 'x'])).toEqual({ ok: false, problem: { kind: 'unknown', option: '--sourc', suggestion: '--source' } });
    expect(readOptions(TABLE, ['--workdir', 'x'])).toMatchObject({ ok: false, problem: { option: '--workdir', suggestion: '--work-dir' } });
    expect(readOptions(TABLE, ['--zzzzzz'])).toMatchObject({ ok: false, problem: { option: '--zzzzzz', suggestion: null } });
  });

  it('says a missing value apart from an unknown option', () => {
    expect(readOptions(TABLE, ['--source'])).toMatchObject({ ok: false, problem: { kind: 'missing-value', option: '--source' } });
  });

  it('not strict (Electron: Chromium\'s switches arrive too): its own options read, the others left alone', () => {
    const r = readOptions(TABLE, ['--no-sandbox', '--source', 'x', '--inspect=9229', '--force'], false);
    expect(r).toMatchObject({ ok: true, values: { source: 'x', force: true } });
    expect(r.ok && Object.keys(r.values).sort()).toEqual(['force', 'source']);
  });

  it('writes the help from the same table, lines aligned, in either language', () => {
    expect(optionHelp(TABLE, 'en')).toBe(
      '  --source S               where the files are\n  --work-dir DIR           working folder\n                           second line\n  --force                  repair anyway\n',
    );
    expect(optionHelp(TABLE, 'ja')).toContain('  --force                  修復する');
  });
});

describe('the browser host reads its options the same way', () => {
  it('a mistyped option is named, with the usage, exit 2', async () => {
    const { execa } = await import('execa');
    const path = await import('node:path');
    const main = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist/electron/hosts/browser/main.js');
    const r = await execa(process.execPath, [main, '--sim', 'x'], { reject: false, env: { LANG: 'en_US.UTF-8' }, timeout: 30_000 });
    expect(r.exitCode).toBe(2);
    expect(String(r.stderr)).toContain('There is no option --sim: did you mean --simulate?');
    expect(String(r.stderr)).toContain('--port N');
  });

  it('the CLI and its help agree: every option the help lists is one the CLI takes', async () => {
    const help = (await runCli(['--help', '--lang', 'en'])).stdout;
    const listed = [...help.matchAll(/^ {2}--([a-z-]+)/gm)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(20);
    for (const o of listed) {
      const r = await runCli(['fix', `--${o}`]);
      expect(r.stderr, o).not.toContain('There is no option');
    }
  }, 120_000);
});
