/**
 * The IPC channel names between the preload and the main process. The sandboxed preload cannot
 * import this file, so it asks the main process for the intent list once (CHANNELS.intents) and
 * uses only these names; tests/unit/ipc-contract.test.ts holds both sides to it.
 */
import { INTENTS, type IntentName } from '../../contract.js';

export const CHANNELS = {
  /** sendSync: the list of intents, so the preload needs no copy of it. */
  intents: 'apex:intents',
  view: 'apex:view',
  output: 'apex:output',
} as const;

export const INTENT_PREFIX = 'apex:intent:';

export function intentChannel(name: IntentName): string {
  return `${INTENT_PREFIX}${name}`;
}

export function allChannels(): string[] {
  return [...Object.values(CHANNELS), ...INTENTS.map(intentChannel)];
}
