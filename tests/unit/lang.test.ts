import { describe, expect, it } from 'vitest';
import { chosenLang, defaultLang, isLang, langOf } from '../../electron/core/lang.js';

describe('which language, when nobody named one', () => {
  it('Japanese for every way a system spells it; not for a language that merely starts with "ja"', () => {
    for (const l of ['ja', 'JA', 'ja-JP', 'ja_JP.UTF-8', 'ja_JP.eucJP', 'ja.SJIS', 'ja@cjknarrow']) expect(langOf([l]), l).toBe('ja');
    for (const l of ['en-US', 'de_DE.UTF-8', 'jam', 'jav', '', undefined, null]) expect(langOf([l]), String(l)).toBe('en');
  });

  it('a browser that lists Japanese among its languages gets Japanese', () => {
    expect(langOf(['en-US', 'ja'])).toBe('ja');
    expect(langOf([])).toBe('en');
  });

  it('the environment: LC_ALL before LC_MESSAGES before LANG; "C" and "POSIX" say nothing, so the runtime decides', () => {
    expect(defaultLang({ LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(defaultLang({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(defaultLang({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(defaultLang({ LC_MESSAGES: 'JA_jp', LANG: 'de_DE.UTF-8' })).toBe('ja');
    expect(defaultLang({ LANG: 'fr_FR.UTF-8' })).toBe('en');
    const runtime = langOf([Intl.DateTimeFormat().resolvedOptions().locale]);
    expect(defaultLang({ LANG: 'C' })).toBe(runtime);
    expect(defaultLang({ LC_ALL: 'POSIX' })).toBe(runtime);
    expect(defaultLang({})).toBe(runtime);
  });

  it('--lang wins when it names a language; anything else falls back to the system', () => {
    expect(chosenLang('en', () => 'ja')).toBe('en');
    expect(chosenLang('ja', () => 'en')).toBe('ja');
    for (const asked of ['fr', 'JA', '', undefined, 1]) expect(chosenLang(asked, () => 'ja')).toBe('ja');
    expect(isLang('ja') && isLang('en') && !isLang('jp')).toBe(true);
  });
});
