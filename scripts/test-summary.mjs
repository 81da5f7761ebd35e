// Prints one closing line for the whole `npm test` (vitest, the Wine lane, Playwright): "tests: N passed, N failed, N skipped".
// The tests must leave the working tree as it was before the run (scripts/tree-check.mjs): a file
// they added or changed is named and counts as one failure.
import { readFileSync } from 'node:fs';
import { changedSinceRecord, SNAPSHOT_FILE } from './tree-check.mjs';

const read = (f) => {
  try {
    return JSON.parse(readFileSync(f, 'utf8'));
  } catch {
    return null;
  }
};
const unit = read('.test-summary/vitest.json');
const wine = read('.test-summary/windows.json');
// The unit tests and the Wine lane are two vitest runs: counted together.
const v = unit || wine ? Object.fromEntries(['numPassedTests', 'numFailedTests', 'numPendingTests', 'numTodoTests'].map((k) => [k, (unit?.[k] ?? 0) + (wine?.[k] ?? 0)])) : null;
const p = read('.test-summary/playwright.json');
const passed = (v?.numPassedTests ?? 0) + (p?.stats?.expected ?? 0) + (p?.stats?.flaky ?? 0);
const changed = changedSinceRecord();
if (changed === null) console.log(`tree: not checked: nothing was recorded before the run (${SNAPSHOT_FILE}; npm test records it)`);
else if (changed.length) {
  console.log(`tree: the tests changed the working tree (counted as 1 failed); they must work in temporary folders only:\n${changed.map((f) => `  ${f}`).join('\n')}`);
}
const failed = (v?.numFailedTests ?? 0) + (p?.stats?.unexpected ?? 0) + (changed?.length ? 1 : 0);
const skipped = (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + (p?.stats?.skipped ?? 0);
const flaky = p?.stats?.flaky ?? 0;
if (flaky) console.log(`note: ${flaky} browser test(s) passed only on retry (flaky): see the output above`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || (!v && !p) ? 1 : 0;
