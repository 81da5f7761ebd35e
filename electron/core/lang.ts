/**
 * The languages the tool speaks, and how one is chosen when nobody named one: Japanese when the
 * system prefers it, English otherwise. Declared once; the hosts and the page all choose here.
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

/** The system's language from the environment (LC_ALL, LC_MESSAGES, LANG), else the runtime's locale. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const locale = fromEnv !== '' && fromEnv !== 'C' && fromEnv !== 'POSIX' ? fromEnv : Intl.DateTimeFormat().resolvedOptions().locale;
  return langOf([locale]);
}

/** The language asked for (`--lang`), when it is one; else the system's. */
export function chosenLang(asked: unknown, system: () => Lang = defaultLang): Lang {
  return isLang(asked) ? asked : system();
}
