/**
 * The layer rules (docs/architecture.md "Layers") live in .dependency-cruiser.cjs; these tests run them in `npm test` and
 * prove the rules bite: a planted violation of each kind is reported, and the real tree has none.
 */
import { execa } from 'execa';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const depcruise = path.join(root, 'node_modules', '.bin', 'depcruise');
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

async function cruise(cwd: string, targets: string[]) {
  const r = await execa(depcruise, [...targets, '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd, reject: false });
  const out = JSON.parse(r.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

/** A tiny tree with one planted file per rule. */
function plant(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  temps.push(dir);
  cpSync(path.join(root, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('layers', () => {
  it('the real tree keeps every rule', async () => {
    expect(await cruise(root, ['electron', 'renderer/src'])).toEqual([]);
  });

  it('reports a cycle made only of type imports, base importing core, core importing a host or a platform implementation, and the renderer importing engine code', async () => {
    const dir = plant({
      'electron/core/a.ts': "import type { B } from './b.js';\nexport type A = B | 1;\n",
      'electron/core/b.ts': "import type { A } from './a.js';\nexport type B = A | 2;\n",
      'electron/base/low.ts': "import { x } from '../core/c.js';\nexport const low = x;\n",
      'electron/core/c.ts': "import { host } from '../hosts/cli/cli.js';\nimport { win } from '../platform/windows.js';\nexport const x = host + win;\n",
      'electron/hosts/cli/cli.ts': 'export const host = 1;\n',
      'electron/platform/windows.ts': 'export const win = 1;\n',
      'renderer/src/view.ts': "import { x } from '../../electron/core/c.js';\nexport const v = x;\n",
    });
    const found = await cruise(dir, ['electron', 'renderer/src']);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-cycles: electron\/core\/a\.ts/),
        'base-imports-nothing-of-ours: electron/base/low.ts → electron/core/c.ts',
        'core-only-base-and-the-platform-interface: electron/core/c.ts → electron/hosts/cli/cli.ts',
        'core-only-base-and-the-platform-interface: electron/core/c.ts → electron/platform/windows.ts',
        'renderer-only-the-contract: renderer/src/view.ts → electron/core/c.ts',
      ]),
    );
  });

  it('keeps the contract the page\'s door: the renderer reaches only the contract, the contract only base and no Node module, and core does not speak it', async () => {
    const dir = plant({
      'electron/base/langs.ts': "export const LANGS = ['ja', 'en'] as const;\n",
      'electron/core/state.ts': 'export interface RepairState { busy: null }\n',
      'electron/core/speaks.ts': "import type { View } from '../contract/view.js';\nexport type S = View;\n",
      'electron/contract/view.ts': "import type { RepairState } from '../core/state.js';\nimport { LANGS } from '../base/langs.js';\nexport type View = RepairState;\nexport const langs = LANGS;\n",
      'electron/contract/file.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      'electron/hosts/view-check.ts': "import type { View } from '../contract/view.js';\nimport type { RepairState } from '../core/state.js';\nexport type Check = [View, RepairState];\n",
      'renderer/src/ok.ts': "import { langs } from '../../electron/contract/view.js';\nexport const l = langs;\n",
      'renderer/src/base.ts': "import { LANGS } from '../../electron/base/langs.js';\nexport const l = LANGS;\n",
    });
    const found = await cruise(dir, ['electron', 'renderer/src']);
    expect(found.sort()).toEqual(
      [
        'contract-only-base: electron/contract/view.ts → electron/core/state.ts',
        'contract-no-node: electron/contract/file.ts → fs',
        'contract-only-for-hosts-and-page: electron/core/speaks.ts → electron/contract/view.ts',
        'core-only-base-and-the-platform-interface: electron/core/speaks.ts → electron/contract/view.ts',
        'renderer-only-the-contract: renderer/src/base.ts → electron/base/langs.ts',
      ].sort(),
    );
  });
});
