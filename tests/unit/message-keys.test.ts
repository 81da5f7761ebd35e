/**
 * One way to word things: every table (the engine's with its fleet and CLI sections, the errors,
 * the page's) has the same keys in every language, and every key the code looks up by name is in
 * every language. The compiler already refuses a table that misses a key (base/wording.ts); this
 * test also catches the page's keys, which the code names as strings (`$_('run.heading')`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keysOf } from '../../electron/base/wording.js';
import { LANGS, PAGE_MESSAGES } from '../../electron/contract/index.js';
import { MESSAGES } from '../../electron/core/messages.js';
import { enErrors } from '../../electron/core/messages/en.js';
import { jaErrors } from '../../electron/core/messages/ja.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), ext) : ext.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

/** Every key the page's code names: `$_('a.b')`, `t('a.b')`, and templates (`$_(\`busy.${op}\`)`) as patterns. */
function pageKeysUsed(): { key: string; pattern: RegExp; file: string }[] {
  const out: { key: string; pattern: RegExp; file: string }[] = [];
  for (const file of files(path.join(ROOT, 'renderer/src'), /\.(svelte|ts)$/)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\$_|\$t|\bt)\(\s*(['"`])([a-z_]+\.[^'"`]*?)\1/g)) {
      const key = m[2]!;
      const pattern = new RegExp(`^${key.split(/\$\{[^}]*\}/).map((p) => p.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^.]+')}$`);
      out.push({ key, pattern, file: path.relative(ROOT, file) });
    }
  }
  return out;
}

describe('one table per language, the same keys in each', () => {
  it('the engine table (with its fleet and cli sections) has the same keys in every language', () => {
    const en = keysOf(MESSAGES.en).sort();
    expect(en).toContain('fleet.summary.title');
    expect(en).toContain('cli.expected.command');
    for (const lang of LANGS) expect(keysOf(MESSAGES[lang]).sort(), lang).toEqual(en);
  });

  it('every error code has words in every language', () => {
    expect(Object.keys(jaErrors).sort()).toEqual(Object.keys(enErrors).sort());
  });

  it('the page table has the same keys in every language', () => {
    const en = keysOf(PAGE_MESSAGES.en).sort();
    for (const lang of LANGS) expect(keysOf(PAGE_MESSAGES[lang]).sort(), lang).toEqual(en);
  });

  it('every key the page names is in every language', () => {
    const used = pageKeysUsed();
    expect(used.length).toBeGreaterThan(100);
    expect(used.some((u) => u.key.includes('${'))).toBe(true);
    for (const lang of LANGS) {
      const keys = keysOf(PAGE_MESSAGES[lang]);
      const missing = used.filter((u) => !keys.some((k) => u.pattern.test(k))).map((u) => `${u.file}: ${u.key}`);
      expect(missing, lang).toEqual([]);
    }
  });

  it('a key missing in one language is found (the check is not vacuous)', () => {
    const { now_at: _dropped, ...app } = PAGE_MESSAGES.ja.app;
    expect(keysOf({ ...PAGE_MESSAGES.ja, app })).not.toContain('app.now_at');
    expect(keysOf(PAGE_MESSAGES.en)).toContain('app.now_at');
  });
});
