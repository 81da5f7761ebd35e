/**
 * The one-file CLI bundle that the standalone exe carries, run by the pinned Linux Node 22 (the
 * exe's Node version) from a folder with no node_modules above it: every package the CLI uses
 * (execa, iconv-lite, csv-parse, node-forge, zod) and the hashing worker thread must be inside.
 * Fast, and runs the fake IpXfer / CertificateManager scripts, which Wine cannot.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../../scripts/build-cli-exe.mjs';
import { bundleCli, CLI_ENTRY } from '../../scripts/build-cli-exe/bundle.mjs';
import { windowsNode } from '../../scripts/windows-node.mjs';
import { writeServerTree } from '../../electron/simulation/server-tree.js';
import { makeWorld, type World } from '../fixtures/world.js';

const agentsFixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/agents/ja-cp932.csv');
let dir: string;
let bundle: string;
let node22: string;
let world: World | null = null;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'acf-bundle-'));
  bundle = path.join(dir, 'apex-cert-fix.cjs');
  await bundleCli({ root: ROOT, outFile: bundle });
  node22 = windowsNode('linux-x64');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

const runBundle = async (args: string[]) => {
  const r = await execa(node22, [bundle, ...args], { cwd: dir, reject: false, env: { LANG: 'en_US.UTF-8' }, timeout: 60_000 });
  return { code: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
};

describe('the CLI bundle (what the exe runs)', () => {
  it('is one CommonJS file needing only Node\'s built-in modules', () => {
    const text = readFileSync(bundle, 'utf8');
    const required = new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!.replace(/^node:/, '')));
    const builtins = new Set(builtinModules);
    expect([...required].filter((m) => !builtins.has(m))).toEqual([]);
  });

  it('starts from the same entry as the package\'s bin', () => {
    const bin = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin['apex-cert-fix'];
    expect(bin).toBe(`dist/${CLI_ENTRY.replace(/\.ts$/, '.js')}`);
  });

  it('knows its version without package.json beside it', async () => {
    const r = await runBundle(['--version']);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('fix: execa runs IpXfer, iconv-lite decodes its CP932 output, the worker thread checks the copies', async () => {
    world = await makeWorld({ codePage: 932, behaviour: { encoding: 'cp932', lines: ['エージェントを更新しました'] } });
    const r = await runBundle(['fix', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', world.workBase, '--reports-dir', world.reportsDir, '--json', '--allow-unverified-publisher']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.outcome).toBe('fixed');
    expect(report.run.output).toEqual(['エージェントを更新しました']);
    expect(report.certificate.serial).toBe(world.server.serial); // node-forge
  });

  it('agents: csv-parse and iconv-lite read a CP932 CertificateManager list', async () => {
    world = await makeWorld();
    await writeServerTree(world.pccsrv, { certificate: world.server.der, certificateManager: { list: readFileSync(agentsFixture) } });
    const r = await runBundle(['agents', '--simulate', world.profile, '--server-dir', world.pccsrv, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ count: 2, encoding: 'cp932' });
  });
});
