/**
 * Output of any shape costs linear time and bounded memory: 20 MB in ONE line (no line break)
 * through runProgram, decoded as CP932 with a password to hide, kept in an OutputLog as a repair
 * session keeps it. Wall time and peak RSS growth of this process, printed with the goals
 * (<= 2 s, < 100 MB), and what the report would keep.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runProgram } from '../electron/base/run-program.js';
import { OutputLog } from '../electron/core/output-log.js';
import { killProcessGroup } from '../electron/platform/kill-process-group.js';
import { MB, median, verdict, type BenchMode } from './common.js';

const writer = (size: number) => `#!${process.execPath}
'use strict';
process.stdout.write(Buffer.alloc(${size}, 'x'));
`;

async function once(exe: string, dir: string): Promise<{ ms: number; growthMb: number; pieces: number; keptChars: number; droppedLines: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const log = new OutputLog();
  const started = performance.now();
  await runProgram({
    file: exe,
    args: [],
    cwd: dir,
    secrets: ['Trend#2024'],
    codePage: 932,
    timeoutMs: 120_000,
    killTree: killProcessGroup,
    onLine: (l) => log.push(l),
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const snap = log.snapshot();
  return { ms, growthMb: (peak - before) / MB, pieces: snap.total, keptChars: snap.lines.reduce((n, l) => n + l.text.length, 0), droppedLines: snap.gap?.lines ?? 0 };
}

export async function benchFlood(root: string, mode: BenchMode): Promise<void> {
  const sizeMb = mode.quick ? 2 : 20;
  const dir = path.join(root, 'flood');
  await mkdir(dir, { recursive: true });
  const exe = path.join(dir, 'one-line');
  await writeFile(exe, writer(sizeMb * MB));
  await chmod(exe, 0o755);
  // The first (cold) run counts for memory; the time is the median of the warm runs.
  const cold = await once(exe, dir);
  const runs = mode.quick ? [await once(exe, dir)] : [await once(exe, dir), await once(exe, dir), await once(exe, dir)];
  const ms = median(runs.map((r) => r.ms));
  const growth = Math.max(cold.growthMb, ...runs.map((r) => r.growthMb));
  const r = runs[0]!;
  console.log(`flood: ${sizeMb} MB in one line through runProgram (CP932, a password to hide, OutputLog); time: median of ${runs.length} warm runs; RSS: peak growth of all, cold run included`);
  console.log(`  ${r.pieces} pieces of <= 64 KiB; report keeps ${(r.keptChars / MB).toFixed(2)} MB, ${r.droppedLines} pieces counted as left out`);
  console.log(`  wall time        ${ms.toFixed(0)} ms   goal <= 2000 ms  ${verdict(mode, ms <= 2000)}`);
  console.log(`  peak RSS growth  +${growth.toFixed(1)} MB   goal < 100 MB  ${verdict(mode, growth < 100)}`);
}
