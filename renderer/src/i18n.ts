/**
 * UI text through svelte-i18n (ICU messages). The tables are the contract's (electron/contract/
 * page-messages/: one per language, typed by English's); the repair engine's own texts (errors,
 * evidence, checks) arrive already worded in the session's language; this file words the screens.
 */
import { addMessages, init, locale } from 'svelte-i18n';

import { langOf, PAGE_MESSAGES, type Lang } from '../../electron/contract/index.js';

/** Declared once (electron/base/langs.ts), and taken through the contract. */
export type { Lang };

addMessages('en', PAGE_MESSAGES.en);
addMessages('ja', PAGE_MESSAGES.ja);

/** Japanese when the browser / OS prefers it, else English. */
export function browserLang(): Lang {
  return langOf(navigator.languages ?? [navigator.language]);
}

export function startI18n(lang: Lang): void {
  init({ fallbackLocale: 'en', initialLocale: lang });
  document.documentElement.lang = lang;
}

export function switchLocale(lang: Lang): void {
  locale.set(lang);
  document.documentElement.lang = lang;
}
