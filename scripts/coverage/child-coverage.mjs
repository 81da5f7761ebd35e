/**
 * Raw V8 coverage written by child Node processes (NODE_V8_COVERAGE) → istanbul coverage of
 * `electron/**` sources, through the source maps tsc wrote next to `dist/electron/**.js`.
 * Kept: scripts under dist/electron/ that have a .map whose sources are under electron/.
 * Dropped: node internals, node_modules, and whole files written by vitest's own processes
 * (their project modules are vite-transformed, not dist/; the in-process provider counts them).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mergeProcessCovs } from '@bcoe/v8-coverage';
import convert from 'ast-v8-to-istanbul';
import libCoverage from 'istanbul-lib-coverage';
import { parseAstAsync } from 'vitest/node';

const isVitestProcess = (result) => result.some((r) => r.url.includes('/node_modules/vitest/'));

/** Reads every raw file; returns the merged V8 coverage of dist/electron scripts and counts. */
export function readRawCoverage(rawDir, root) {
  const distUrl = pathToFileURL(path.join(root, 'dist', 'electron')).href + '/';
  const processes = [];
  let files = 0;
  let vitest = 0;
  let unreadable = 0;
  for (const name of readdirSync(rawDir).filter((n) => n.endsWith('.json'))) {
    files++;
    let result;
    try {
      ({ result } = JSON.parse(readFileSync(path.join(rawDir, name), 'utf8')));
      if (!Array.isArray(result)) throw new Error('no result');
    } catch {
      // A process stopped while V8 wrote its file (a test kills programs on purpose): counted, not used.
      unreadable++;
      continue;
    }
    if (isVitestProcess(result)) {
      vitest++;
      continue;
    }
    const ours = result.filter((r) => r.url.startsWith(distUrl) && /\.[cm]?js$/.test(r.url));
    if (ours.length > 0) processes.push({ result: ours });
  }
  return { merged: mergeProcessCovs(processes), files, vitest, unreadable, counted: processes.length };
}

/** Converts merged V8 script coverage to an istanbul CoverageMap keyed by absolute .ts paths. */
export async function toIstanbul(merged, root) {
  const sourceRoot = path.join(root, 'electron') + path.sep;
  const map = libCoverage.createCoverageMap({});
  for (const script of merged.result) {
    const file = fileURLToPath(script.url);
    if (!existsSync(`${file}.map`)) continue; // e.g. the rolldown-bundled preload
    const code = readFileSync(file, 'utf8');
    const sourceMap = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
    sourceMap.sources = sourceMap.sources.map((s) => new URL(s, script.url).href);
    const sources = sourceMap.sources.map((s) => fileURLToPath(s));
    if (!sources.every((s) => s.startsWith(sourceRoot) && existsSync(s))) continue;
    // tsc leaves sourcesContent out; with it, `/* v8 ignore */` comments in the .ts are honoured.
    sourceMap.sourcesContent = sources.map((s) => readFileSync(s, 'utf8'));
    const data = await convert({
      code,
      sourceMap,
      ast: parseAstAsync(code),
      coverage: { url: script.url, functions: script.functions },
      wrapperLength: 0,
    });
    map.merge(data); // same code and map for every script → identical structure, plain merge
  }
  return map;
}
