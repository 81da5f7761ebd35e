/**
 * The page's words, one table per language (en.ts is the reference, ja.ts satisfies its shape).
 * They live in the contract because the page may import only the contract, and they are type-checked
 * by `npm run build` with the engine's. The page renders them through svelte-i18n (renderer/src/i18n.ts).
 */
import type { Lang } from '../../base/langs.js';
import { en, type PageMessages } from './en.js';
import { ja } from './ja.js';

export type { PageMessages };

export const PAGE_MESSAGES: Record<Lang, PageMessages> = { en, ja };

export function pageMessages(lang: Lang): PageMessages {
  return PAGE_MESSAGES[lang];
}
