/**
 * How a language is chosen when nobody named one: Japanese when the system prefers it, English
 * otherwise. The languages themselves are declared once, in base/langs.ts (the page uses them too).
 */
import { isLang, langOf, type Lang } from '../base/langs.js';

export { LANGS, isLang, langOf, type Lang } from '../base/langs.js';

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
