/**
 * The contract as the page bundles it: the view, the intents' names and types, the client, the
 * host frame reader and the page's words. No schemas and no validation library: the page is
 * untrusted anyway and the host checks every request (contract/index.ts has all of it, for hosts).
 */
export { LANGS, isLang, langOf, type Lang } from '../base/langs.js';
export * from './view.js';
export type { IntentName, IntentArgs, IntentResult, WizardIntents } from './intents.js';
export { INTENT_NAMES } from './intent-names.js';
export type { RequestFrame, ReplyFrame, EventFrame, HostFrame, AnyIntentResult } from './frames.js';
export { readHostFrame } from './host-frame.js';
export * from './client.js';
export { PAGE_MESSAGES, pageMessages, type PageMessages } from './page-messages/index.js';
export type { Wording } from '../base/wording.js';
