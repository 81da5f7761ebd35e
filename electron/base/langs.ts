/**
 * The languages the tool speaks, and how one is picked from preferred locales. Pure and free of
 * Node: the page uses it through the contract (its first guess before the host's answer arrives),
 * the hosts through core/lang.ts.
 */
export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return (LANGS as readonly unknown[]).includes(value);
}

/** Japanese when any preferred locale is ("ja", "ja-JP", "ja_JP.UTF-8"), English otherwise. */
export function langOf(locales: readonly (string | null | undefined)[]): Lang {
  return locales.some((l) => !!l && /^ja(?:$|[-_.@])/i.test(l)) ? 'ja' : 'en';
}
