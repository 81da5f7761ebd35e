/** The IPC channel names between the preload and the main process: one per intent, two for events. */
import type { IntentName } from '../../contract.js';

export const CHANNELS = {
  view: 'apex:view',
  output: 'apex:output',
} as const;

export const INTENT_PREFIX = 'apex:intent:';

export function intentChannel(name: IntentName): string {
  return `${INTENT_PREFIX}${name}`;
}
