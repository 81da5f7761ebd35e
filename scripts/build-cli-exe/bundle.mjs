/**
 * The CLI as one CommonJS file, the form Node 22's single executable application runs as `main`
 * (its `require` there loads built-in modules only, so every npm package must be inside).
 * rolldown reads the TypeScript sources directly: the exe does not depend on `npm run build`.
 */
import { build } from 'rolldown';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The CLI's entry module (the package's `bin`): it only calls `main()`. */
export const CLI_ENTRY = 'electron/hosts/cli/bin.ts';

/**
 * package-root.ts finds package.json by walking up from its own file. Inside the exe there is no
 * such folder (`__filename` is the exe), so the bundle gets the version as a constant instead.
 */
function versionBakedIn(version) {
  return {
    name: 'apex-version-baked-in',
    load(id) {
      if (path.basename(id) !== 'package-root.ts') return null;
      return [
        `export function packageVersion() { return ${JSON.stringify(version)}; }`,
        `export function packageRoot() { throw new Error('the standalone exe has no package folder'); }`,
      ].join('\n');
    },
  };
}

/** Bundles the CLI into `outFile`; returns its bytes. */
export async function bundleCli({ root, outFile }) {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  await build({
    cwd: root,
    input: path.join(root, CLI_ENTRY),
    platform: 'node',
    plugins: [versionBakedIn(version)],
    logLevel: 'warn',
    output: { format: 'cjs', file: outFile, codeSplitting: false, sourcemap: false },
  });
  return readFileSync(outFile);
}
