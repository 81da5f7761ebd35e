/**
 * Every intent's name, in the table's order, without the table's schemas: what the page needs to
 * build its API, so the page's bundle carries no validation library (the host checks arguments).
 * intents.ts holds this list equal to INTENT_TABLE's keys at compile time.
 */
export const INTENT_NAMES = [
  'hello', 'detect', 'setSource', 'allowOtherServer', 'collect', 'run', 'repair', 'cancel', 'verify', 'startServices',
  'newRepair', 'setLanguage', 'makeKit', 'listMismatchedAgents', 'exportMismatchedAgents', 'reportText', 'pickFolder',
  'openFolder', 'relaunchElevated',
] as const;
