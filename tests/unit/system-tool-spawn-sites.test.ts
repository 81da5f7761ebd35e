/**
 * Every program electron/ starts is named by a path, never by a literal name Windows would look up
 * in the current folder first (docs/vendor-facts.md "Windows commands"): Windows tools come from system-tool.ts,
 * IpXfer and CertificateManager from the working folder. The Wine lane shows the same at run time
 * (tests/windows/planted-tools.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const electron = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../electron');
const sources = readdirSync(electron, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(c|m)?ts$/.test(f));

/** A process start whose program is a string literal, or execa's template-tag form (`execa\`reg ...\``). */
const LITERAL_START = /\b(?:execa|execaSync|execaNode|spawn|spawnSync|execFile|execFileSync|exec|execSync|fork)\(\s*['"`]|\bexeca(?:Sync)?`/g;
/** execa's `$` tag names its program inside the template: not used here, and refused. */
const DOLLAR_IMPORT = /import\s*{[^}]*(?:^|[\s,{])\$(?:[\s,}])[^}]*}\s*from\s*['"]execa['"]/;

describe('process starts in electron/', () => {
  it('none names its program by a literal (a bare tool name would be searched in the current folder)', () => {
    const found: string[] = [];
    for (const file of sources) {
      const text = readFileSync(path.join(electron, file), 'utf8');
      for (const m of text.matchAll(LITERAL_START)) found.push(`${file}: ${text.slice(m.index, m.index + 40).split('\n')[0]}`);
      if (DOLLAR_IMPORT.test(text)) found.push(`${file}: imports execa's $`);
    }
    expect(found).toEqual([]);
  });

  it('the Windows platform files start their tools through systemToolPath', () => {
    for (const file of ['platform/windows.ts', 'platform/windows-kill-tree.ts', 'platform/relaunch-elevated.ts']) {
      expect(readFileSync(path.join(electron, file), 'utf8'), file).toContain('systemToolPath(');
    }
  });
});
