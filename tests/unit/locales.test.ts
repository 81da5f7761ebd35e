/** The wizard's texts: Japanese and English must say the same things, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { PAGE_MESSAGES } from '../../electron/contract/index.js';

const { en, ja } = PAGE_MESSAGES;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** The ICU arguments a text uses (`{count, plural, ...}` counts as `count`). */
const argumentsOf = (text: string) => [...new Set([...text.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]))].sort();

describe('renderer locales', () => {
  const e = flatten(en as Tree);
  const j = flatten(ja as Tree);

  it('ja and en have identical key sets', () => {
    expect([...j.keys()].sort()).toEqual([...e.keys()].sort());
  });

  it('every text is non-empty and uses the same placeholders in both languages', () => {
    for (const [key, text] of e) {
      expect(text.trim(), key).not.toBe('');
      expect(j.get(key)?.trim(), key).not.toBe('');
      expect(argumentsOf(j.get(key) ?? ''), key).toEqual(argumentsOf(text));
    }
  });
});
