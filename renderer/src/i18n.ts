/**
 * UI text through svelte-i18n (ICU messages). The tables are the contract's (electron/contract/
 * page-messages/: one per language, typed by English's); the repair engine's own texts (errors,
 * evidence, checks) arrive already worded in the session's language; this file words the screens.
 */
import { addMessages, init, locale } from 'svelte-i18n';

import { langOf, PAGE_MESSAGES, type Lang } from '../../electron/contract/page.js';

/** Declared once (electron/base/langs.ts), and taken through the contract. */
export type { Lang };

addMessages('en', PAGE_MESSAGES.en);
addMessages('ja', PAGE_MESSAGES.ja);

/** Japanese when the browser / OS prefers it, else English. */
export function browserLang(): Lang {
  return langOf(navigator.languages ?? [navigator.language]);
}

export function startI18n(lang: Lang): void {
  // Not `initialLocale: lang`: svelte-i18n checks that with Intl.NumberFormat.supportedLocalesOf,
  // whose first call has V8 build its table of ICU locales, the largest single cost of the first
  // screen (`npm run bench`). Our two languages need no check: set directly. See warmIntl.
  init({ fallbackLocale: 'en' });
  switchLocale(lang);
}

/**
 * Builds that table while the user reads the first screen (the renderer waits for nothing then),
 * so that the first message with a number or a plural (the Server step's days left, the run's line
 * count) does not pay for it later. Once per page.
 */
export function warmIntl(lang: Lang): void {
  const warm = () => void Intl.NumberFormat.supportedLocalesOf(lang);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 0);
}

export function switchLocale(lang: Lang): void {
  locale.set(lang);
  // Set only when it changes: the same value set again is a change of the page all the same.
  if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
}
