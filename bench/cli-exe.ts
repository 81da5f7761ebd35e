/**
 * Standalone CLI exe figures (run by `npm run bench` after the others): the exe's size, and the
 * time of `inspect` on a simulated PC under Wine, the exe against the same pinned Windows node.exe
 * running the compiled `dist/` CLI. `inspect` works under Wine because it starts no program (the
 * simulation's fake IpXfer is a Node script Wine cannot run), yet reads the share and the
 * certificate like a real run. Skipped with the reason when Wine is missing.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../electron/base/package-root.js';
import { makeCertificate } from '../electron/simulation/make-certificate.js';
import { writeServerTree } from '../electron/simulation/server-tree.js';
import { load, MB, median, verdict, type BenchMode } from './common.js';

interface WineRun { code: number | null; stdout: string; stderr: string; ms: number }
interface Scripts {
  build: { buildCliExe(o: object): Promise<{ exes: { arch: string; file: string; size: number; fromCache: boolean }[] }> };
  wine: {
    wineMissing(): string | null;
    winePrefix(cacheRoot: string): string;
    runUnderWine(exe: string, args: string[], o: { prefix: string; cwd?: string }): Promise<WineRun>;
  };
  node: { windowsNode(target: string): string };
}


/** The build and Wine helpers are plain .mjs scripts beside the sources, loaded from the package root. */
async function scripts(): Promise<Scripts> {
  const load = (p: string) => import(pathToFileURL(path.join(packageRoot(), 'scripts', p)).href);
  return { build: await load('build-cli-exe.mjs'), wine: await load('build-cli-exe/wine.mjs'), node: await load('windows-node.mjs') };
}

async function simulatedPc(dir: string): Promise<string> {
  const agentDir = path.join(dir, 'pc-c', 'Agent');
  await mkdir(agentDir, { recursive: true });
  await writeFile(path.join(agentDir, 'OfcNTCer.dat'), makeCertificate().der);
  await writeServerTree(path.join(dir, 'PCCSRV'), { certificate: makeCertificate().der, behaviour: { agentDir } });
  const profile = path.join(dir, 'profile.json');
  // Relative paths: resolved against the profile's folder, as a Windows path under Wine too.
  await writeFile(profile, JSON.stringify({ arch: 'x64', elevated: true, hostname: 'BENCH', codePage: 65001, agent: { dir: 'C:\\Agent', server: 'srv', build: null }, services: { ntrtscan: 'running', tmlisten: 'running' }, shares: { '\\\\srv\\ofcscan': 'PCCSRV', 'C:\\': 'pc-c' } }));
  return profile;
}

/** The commands timed under Wine, with their goals (ms). */
function commands(profile: string): [string, string[], number][] {
  return [
    // Start-up alone: how much of a command's time is Wine and Node starting.
    ['--version', ['--version'], 2000],
    // The training stand-ins are unsigned, and `inspect` predicts `fix`: without the override it
    // exits 2, as `fix` would refuse them.
    ['inspect --simulate', ['inspect', '--simulate', profile, '--source', '\\\\srv', '--allow-unverified-publisher', '--json'], 3000],
  ];
}

/** The compiled CLI with this machine's Node: each timed command must still end with exit 0. */
async function checkCommands(profile: string): Promise<void> {
  const cli = path.join(packageRoot(), 'dist', 'electron', 'hosts', 'cli', 'bin.js');
  for (const [label, args] of commands(profile)) {
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench: "${label}" ends with exit ${r.status}, not 0: update commands() in bench/cli-exe.ts\n${(r.stdout + r.stderr).slice(0, 500)}`);
  }
}

export async function benchCliExe(mode: BenchMode): Promise<void> {
  if (mode.quick) {
    // Building the exes (minutes when the build cache is cold) and Wine's start-up do not fit a
    // quick run; tests/unit/cli-exe.test.ts builds them and runs them under Wine. The commands the
    // full run times are run once with this machine's Node, so a change of the CLI that breaks
    // them fails `npm test`, not the next full bench.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'acf-bench-exe-'));
    try {
      await checkCommands(await simulatedPc(dir));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    console.log('CLI exe (Node SEA)  skipped in quick mode (tests/unit/cli-exe.test.ts builds the exes and runs them under Wine); its timed commands end with exit 0');
    return;
  }
  const { build, wine, node } = await scripts();
  const started = performance.now();
  // Unsigned: signing changes nothing at run time, and the unsigned exe comes from the build cache.
  const out = await mkdtemp(path.join(os.tmpdir(), 'acf-bench-exe-'));
  try {
    const built = await build.buildCliExe({ outDir: out, env: {}, testCert: false });
    const cached = built.exes.every((e) => e.fromCache);
    console.log(`CLI exe (Node SEA)  built in ${((performance.now() - started) / 1000).toFixed(1)} s${cached ? ' (from the build cache)' : ''}`);
    for (const e of built.exes) {
      const nodeExe = statSync(node.windowsNode(e.arch === 'x64' ? 'win-x64' : 'win-x86')).size;
      const extra = (e.size - nodeExe) / MB;
      console.log(`  ${path.basename(e.file)}  ${(e.size / MB).toFixed(1)} MB (node.exe ${(nodeExe / MB).toFixed(1)} MB + ${extra.toFixed(1)} MB)   goal: CLI adds <= 5 MB  ${verdict(mode, extra <= 5)}`);
    }

    const missing = wine.wineMissing();
    if (missing) {
      console.log(`  inspect under Wine: skipped, ${missing}`);
      return;
    }
    const prefix = wine.winePrefix(path.join(packageRoot(), '.cache'));
    const profile = await simulatedPc(await mkdtemp(path.join(out, 'pc-')));
    const exe = built.exes.find((e) => e.arch === 'x64')!.file;
    const cli = path.join(packageRoot(), 'dist', 'electron', 'hosts', 'cli', 'bin.js');
    const viaExe = (args: string[]) => wine.runUnderWine(exe, args, { prefix });
    const viaNode = (args: string[]) => wine.runUnderWine(node.windowsNode('win-x64'), [cli, ...args], { prefix });
    // Wine start-up dominates and swings with the machine's load: print the load beside the figures.
    console.log(`  under Wine, x64, median of 3 after a warm-up (process start to exit), ${load()}`);
    for (const [label, args, goalMs] of commands(profile)) {
      // A warm-up of each (Wine's server, the file cache), then interleaved rounds against the noise.
      for (const r of [await viaExe(args), await viaNode(args)]) if (r.code !== 0) throw new Error(`${label} under Wine failed (${r.code}): ${r.stderr.slice(0, 500)}`);
      const times = { exe: [] as number[], node: [] as number[] };
      for (let i = 0; i < 3; i++) {
        times.exe.push((await viaExe(args)).ms);
        times.node.push((await viaNode(args)).ms);
      }
      const [e, n] = [median(times.exe), median(times.node)];
      console.log(`    ${label.padEnd(20)} exe ${e.toFixed(0).padStart(5)} ms  goal < ${goalMs} ms  ${verdict(mode, e < goalMs)}   node ${n.toFixed(0).padStart(5)} ms  exe/node ${(e / n).toFixed(2)}x  goal <= 1.1x  ${verdict(mode, e / n <= 1.1)}`);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
