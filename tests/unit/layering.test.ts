/** DESIGN.md's dependency rules, checked on the import lines of every source file. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => (m[1] ?? m[2])!);
}

describe('layers', () => {
  it('core imports no electron, no platform implementation and no UI', () => {
    for (const file of files('electron/core', /\.ts$/)) {
      for (const spec of imports(file)) {
        expect(spec, `${path.relative(root, file)} imports ${spec}`).not.toMatch(/^electron$|platform\/(windows|simulated|choose-platform|kill-process-group|relaunch-elevated)|renderer|svelte/);
      }
    }
  });

  it('the renderer imports no Node and no engine code: only the API contract', () => {
    for (const file of files('renderer/src', /\.(ts|svelte)$/)) {
      for (const spec of imports(file)) {
        const ok = spec.startsWith('./') || spec.startsWith('../') ? !spec.includes('electron/') || /electron\/api$/.test(spec) : /^(svelte|svelte-i18n)(\/|$)/.test(spec);
        expect(ok, `${path.relative(root, file)} imports ${spec}`).toBe(true);
      }
    }
  });

  it('only hosts wire a platform implementation to the session', () => {
    const wiring = files('electron', /\.ts$/)
      .filter((f) => !f.includes(`${path.sep}platform${path.sep}`) && !f.includes(`${path.sep}simulation${path.sep}`))
      .filter((f) => imports(f).some((s) => /platform\/(windows|simulated|choose-platform)\.js$/.test(s)))
      .map((f) => path.relative(root, f))
      .sort();
    expect(wiring).toEqual(['electron/browser-main.ts', 'electron/cli-publisher.ts', 'electron/cli.ts', 'electron/main.ts'].map((f) => f.split('/').join(path.sep)));
  });
});
