#!/usr/bin/env node
/**
 * `npm run coverage`: line and branch coverage of electron/** by the unit tests, child processes
 * included (the compiled CLI runs), per folder, with the goals for electron/base and electron/core.
 * A report like `npm run bench`: a figure below its goal does not fail it; a failed build or a
 * measurement that produced nothing does (exit 1).
 *
 *   1. npm run build (source maps on);
 *   2. vitest with its v8 coverage (in-process, json in .coverage/in-process) and NODE_V8_COVERAGE
 *      set, so every child Node process writes raw V8 coverage to .coverage/raw;
 *   3. the raw coverage of dist/electron/** mapped back to electron/**.ts (scripts/coverage/);
 *   4. both merged, the table printed, .coverage/coverage-final.json and .coverage/html written.
 *
 * The raw files are large: once read, only the dist/electron part is kept (.coverage/child-v8.json).
 * Options: --report-only (redo 3 and 4 from the last run's files); anything else goes to vitest
 * (e.g. a test file, to measure that file's tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import libCoverage from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';
import { readRawCoverage, toIstanbul } from './coverage/child-coverage.mjs';
import { mergeMaps } from './coverage/merge.mjs';
import { GOAL, shortfalls, table } from './coverage/table.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.coverage');
const raw = path.join(out, 'raw');
const inProcessDir = path.join(out, 'in-process');
const inProcessJson = path.join(inProcessDir, 'coverage-final.json');
const childV8Json = path.join(out, 'child-v8.json');

const args = process.argv.slice(2);
const reportOnly = args.includes('--report-only');
const vitestArgs = args.filter((a) => a !== '--report-only');

function fail(message) {
  console.error(`coverage: ${message}`);
  process.exit(1);
}

let testsFailed = null;
if (!reportOnly) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(raw, { recursive: true });
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) fail('the build failed, nothing was measured');
  const vitest = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--coverage.enabled',
      '--coverage.provider=v8',
      '--coverage.include=electron/**',
      '--coverage.reporter=json',
      `--coverage.reportsDirectory=${inProcessDir}`,
      '--coverage.reportOnFailure',
      ...vitestArgs,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_V8_COVERAGE: raw } },
  );
  if (vitest.status !== 0) testsFailed = vitest.status ?? vitest.signal;
}
if (!existsSync(inProcessJson)) fail(`vitest wrote no coverage (${inProcessJson})`);
if (!reportOnly) {
  writeFileSync(childV8Json, JSON.stringify(readRawCoverage(raw, root)));
  rmSync(raw, { recursive: true, force: true });
}
if (!existsSync(childV8Json)) fail(`no child-process coverage (${childV8Json}); run without --report-only`);

const inProcess = libCoverage.createCoverageMap(JSON.parse(readFileSync(inProcessJson, 'utf8')));
const rawCoverage = JSON.parse(readFileSync(childV8Json, 'utf8'));
const child = await toIstanbul(rawCoverage.merged, root);
if (inProcess.files().length === 0 && child.files().length === 0) fail('no file was measured');
const merged = mergeMaps(inProcess, child);

writeFileSync(path.join(out, 'coverage-final.json'), JSON.stringify(merged.toJSON()));
const context = libReport.createContext({ dir: path.join(out, 'html'), coverageMap: merged, defaultSummarizer: 'nested' });
reports.create('html', { skipEmpty: false }).execute(context);

const summaries = new Map(
  merged.files().map((f) => [path.relative(root, f).split(path.sep).join('/'), merged.fileCoverageFor(f).toSummary()]),
);
console.log('');
console.log(`Coverage of electron/** by the unit tests: vitest in-process (${inProcess.files().length} files) + ${rawCoverage.counted} child Node`);
console.log(`processes that ran dist/electron (${child.files().length} files; ${rawCoverage.files} raw files, ${rawCoverage.vitest} of them vitest's own, not used${rawCoverage.unreadable ? `; ${rawCoverage.unreadable} cut short by a process that was stopped, not used` : ''}).`);
console.log(`Goals for electron/base and electron/core: lines ≥ ${GOAL.lines} %, branches ≥ ${GOAL.branches} %.`);
console.log('');
for (const line of table(summaries)) console.log(line);
const behind = shortfalls(summaries);
if (behind.length > 0) {
  console.log('');
  console.log('base and core files below a goal, most uncovered lines first:');
  for (const line of behind) console.log(line);
}
console.log('');
console.log('Not exercised here: Electron main and preload (hosts/electron/, run only under Electron), the Playwright tests.');
console.log(`HTML report: ${path.relative(root, path.join(out, 'html', 'index.html'))}`);
if (testsFailed !== null) console.log(`note: vitest ended with ${testsFailed} (failed tests); the figures are for the run as it went.`);
