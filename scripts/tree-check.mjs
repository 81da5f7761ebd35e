// The tests leave the working tree as they found it. `npm test` records the tree's state first
// (`node scripts/tree-check.mjs record`) and scripts/test-summary.mjs compares at the end: a file the
// run added, changed or removed (untracked ones included) turns the run red and is named. The
// comparison is with the state BEFORE the run, so a developer's own uncommitted work is not blamed.
// With git: `git status --porcelain` plus each listed file's content hash; without git: every file
// outside the build outputs. Ignored files (dist/, .test-summary/, ...) are not part of the tree.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Not part of the tree when git cannot say so: build outputs and tools' folders (as in .gitignore). */
const SKIP = new Set(['.git', 'node_modules', 'dist', 'test-results', 'playwright-report', 'tmp', '.test-summary', '.cache', '.coverage']);

function hashOf(file) {
  try {
    return statSync(file).isFile() ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'not a file';
  } catch {
    return 'missing';
  }
}

function withGit(root) {
  try {
    // -z: names exactly as they are (no quoting); untracked files one by one, not their folder.
    return execFileSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

function walk(root, dir = '', out = {}) {
  for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (!dir && SKIP.has(e.name)) continue;
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) walk(root, rel, out);
    else out[rel] = hashOf(path.join(root, rel));
  }
  return out;
}

/** The tree's state: path → status and content hash (only the paths git reports, or every file without git). */
export function snapshot(root = ROOT) {
  const status = withGit(root);
  if (status === null) return { git: false, files: walk(root) };
  const files = {};
  const entries = status.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!e) continue;
    const code = e.slice(0, 2);
    const file = e.slice(3);
    if (code[0] === 'R' || code[0] === 'C') i++; // a rename's second name (the old one) follows
    files[file] = `${code} ${hashOf(path.join(root, file))}`;
  }
  return { git: true, files };
}

/** The files whose state differs between two snapshots, sorted. */
export function changedFiles(before, after) {
  const names = new Set([...Object.keys(before.files), ...Object.keys(after.files)]);
  return [...names].filter((f) => before.files[f] !== after.files[f]).sort();
}

export const SNAPSHOT_FILE = '.test-summary/tree-before.json';

/** Records the tree's state before the run. */
export function record(root = ROOT) {
  mkdirSync(path.join(root, '.test-summary'), { recursive: true });
  writeFileSync(path.join(root, SNAPSHOT_FILE), JSON.stringify(snapshot(root)));
}

/** What the run changed, or null when nothing was recorded before it. */
export function changedSinceRecord(root = ROOT) {
  const file = path.join(root, SNAPSHOT_FILE);
  if (!existsSync(file)) return null;
  return changedFiles(JSON.parse(readFileSync(file, 'utf8')), snapshot(root));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[3] ? path.resolve(process.argv[3]) : ROOT;
  if (process.argv[2] === 'record') record(root);
  else if (process.argv[2] === 'compare') {
    const changed = changedSinceRecord(root);
    if (changed === null) {
      console.error(`tree: nothing was recorded before the run (${SNAPSHOT_FILE})`);
      process.exitCode = 1;
    } else if (changed.length) {
      console.error(`tree: the tests changed the working tree; they must work in temporary folders only:\n${changed.map((f) => `  ${f}`).join('\n')}`);
      process.exitCode = 1;
    } else console.log('tree: unchanged by the tests');
  } else {
    console.error('usage: node scripts/tree-check.mjs record|compare [ROOT]');
    process.exitCode = 2;
  }
}
