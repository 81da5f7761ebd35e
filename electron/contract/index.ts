/**
 * The renderer's only door: the intents it may send (one table, with their schemas), the view it
 * is shown, and the frames in between. It imports nothing but base/langs.ts, base/wording.ts and zod (and holds the page's words, page-messages/), so the page
 * (and the sandboxed preload) can bundle it: nothing of core, nothing of Node.
 */
export { LANGS, isLang, langOf, type Lang } from '../base/langs.js';
export * from './view.js';
export * from './intents.js';
export * from './frames.js';
export * from './client.js';
export { readHostFrame } from './host-frame.js';
export { INTENT_NAMES } from './intent-names.js';
export { PAGE_MESSAGES, pageMessages, type PageMessages } from './page-messages/index.js';
export type { Wording } from '../base/wording.js';
