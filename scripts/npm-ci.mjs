#!/usr/bin/env node
/**
 * `npm ci` for `npm run setup` (scripts/setup.sh), saying true things about Node versions.
 *
 * Electron 45 and the tools that build the Windows apps declare Node >= 22.12 (PACKAGING below);
 * the rest of the project (the build, the tests, the training mode, the CLI) runs on Node 20.19+
 * (package.json `engines` and `devEngines`). On an older Node, npm prints an EBADENGINE warning for
 * each of those packages, which reads as if the setup were broken. This passes npm's output through
 * unchanged, except that those warnings become one note saying what they mean: which packages, what
 * they declare, and which commands need the newer Node. An EBADENGINE warning for any other
 * package is printed as npm wrote it. Only Node's built-in modules: it runs before node_modules exists.
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Used only to run the Electron app and to build the Windows apps; each declares Node >= 22.12. */
export const PACKAGING = {
  electron: 'Electron',
  '@electron/get': "Electron's download",
  '@electron-internal/extract-zip': "Electron's download",
  '@electron/rebuild': "electron-builder's rebuild of native modules",
  'node-abi': "electron-builder's rebuild of native modules",
};

const nameOf = (spec) => spec.slice(0, spec.lastIndexOf('@') > 0 ? spec.lastIndexOf('@') : undefined);

/**
 * Splits npm's stderr into what is printed as it is and the EBADENGINE warnings of PACKAGING.
 * @param {string} text npm's stderr
 * @returns {{ passed: string, packaging: { pkg: string, required: string }[] }}
 */
export function settleEngineWarnings(text) {
  const lines = text.split('\n');
  const passed = [];
  const packaging = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^npm warn EBADENGINE Unsupported engine \{$/.test(lines[i])) {
      passed.push(lines[i]);
      continue;
    }
    // The block: "{", package, required, current, "}".
    let end = i + 1;
    while (end < lines.length && !/^npm warn EBADENGINE \}$/.test(lines[end])) end++;
    const block = lines.slice(i, end + 1);
    const pkg = /package: '([^']+)'/.exec(block.join('\n'))?.[1];
    const required = /required: \{ node: '([^']+)' \}/.exec(block.join('\n'))?.[1];
    if (pkg && required && nameOf(pkg) in PACKAGING && end < lines.length) packaging.push({ pkg, required });
    else passed.push(...block);
    i = end;
  }
  return { passed: passed.join('\n'), packaging };
}

/** The note that stands for the packaging warnings. */
export function packagingNote(packaging, nodeVersion = process.version) {
  const ranges = [...new Set(packaging.map((p) => p.required.replace(/\s+/g, '')))].join(' or ');
  return [
    `setup: note: Node ${nodeVersion} here. ${packaging.map((p) => p.pkg).join(', ')} declare Node ${ranges}`,
    "  (npm's EBADENGINE warnings for them are left out). They serve only Electron itself and electron-builder:",
    '  `npm start` under Electron and `npm run dist:win` need Node 22.12 or later. The build, the tests, the',
    '  training mode and the CLI need Node 20.19 or later (README, "Node versions").',
  ].join('\n');
}

async function main() {
  // Under `npm run setup`, the npm that runs us; else the one on PATH.
  const [cmd, args] = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const child = spawn(cmd, [...args, 'ci', '--no-audit', '--no-fund', ...process.argv.slice(2)], { stdio: ['inherit', 'inherit', 'pipe'] });
  child.stderr.setEncoding('utf8');
  // Whole lines are passed on as they come; an EBADENGINE block is held until it ends.
  const packaging = [];
  let held = [];
  let partial = '';
  const line = (l) => {
    if (held.length === 0 && !l.startsWith('npm warn EBADENGINE Unsupported engine {')) return void process.stderr.write(l + '\n');
    held.push(l);
    if (held.length > 1 && l === 'npm warn EBADENGINE }') {
      const settled = settleEngineWarnings(held.join('\n'));
      if (settled.passed) process.stderr.write(settled.passed + '\n');
      packaging.push(...settled.packaging);
      held = [];
    }
  };
  child.stderr.on('data', (d) => {
    const lines = (partial + d).split('\n');
    partial = lines.pop();
    for (const l of lines) line(l);
  });
  const code = await new Promise((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  if (partial) line(partial);
  if (held.length > 0) process.stderr.write(held.join('\n') + '\n');
  if (packaging.length > 0) console.error(packagingNote(packaging));
  process.exitCode = code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
