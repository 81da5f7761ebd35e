/**
 * Fleet view figures (docs/fleet.md): `summarizeReports` over 10,000 realistic reports on local
 * disk (7,000 PCs, some with several runs, in day folders, with a few foreign and broken files),
 * joined with a 7,500-agent list. Time (median of 3), the CPU time it used (what the goal means
 * on a machine shared with other work: wall time there depends on the load average, also printed)
 * and peak RSS growth; goal < 2 s.
 * Run by `npm run bench`, or alone: `npm run build && node dist/bench/fleet.js`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarizeReports } from '../electron/core/fleet/summarize.js';
import { writeFakeReport, type FakeReportOptions } from '../tests/fixtures/fleet-reports.js';
import { load, median, verdict, type BenchMode } from './common.js';

/** Reports, PCs and agents-list rows: the full size, and quick mode's. */
const SIZES = { full: { reports: 10_000, pcs: 7_000, agents: 7_500, rounds: 3 }, quick: { reports: 300, pcs: 210, agents: 225, rounds: 1 } };

const OUTCOMES: FakeReportOptions['outcome'][] = ['fixed', 'fixed', 'fixed', 'fixed', 'fixed', 'already-fixed', 'failed', 'not-verified', 'environment', 'timeout'];

async function makeFleet(root: string, size: (typeof SIZES)['full']): Promise<{ folder: string; list: string }> {
  const folder = path.join(root, 'reports');
  const start = Date.UTC(2026, 2, 2, 8);
  const jobs: Promise<string>[] = [];
  for (let i = 0; i < size.reports; i++) {
    const pc = i % size.pcs;
    const createdAt = new Date(start + i * 37_000);
    const day = path.join(folder, createdAt.toISOString().slice(0, 10));
    const lines = i % 50 === 0 ? 400 : 12;
    jobs.push(writeFakeReport(day, { hostname: `PC-${String(pc).padStart(5, '0')}`, createdAt, outcome: OUTCOMES[i % OUTCOMES.length]!, lines }));
    if (jobs.length >= 64) await Promise.all(jobs.splice(0));
  }
  await Promise.all(jobs);
  await mkdir(path.join(folder, 'misc'), { recursive: true });
  await writeFile(path.join(folder, 'misc', 'desktop.json'), '{"note": "not ours"}');
  await writeFile(path.join(folder, 'misc', 'half.json'), '{"schemaVersion": 1, "tool": {"na');
  const list = path.join(root, 'agents.csv');
  const rows = Array.from({ length: size.agents }, (_, i) => `PC-${String(i).padStart(5, '0')},10.${i >> 16}.${(i >> 8) & 255}.${i & 255},HQ`);
  await writeFile(list, ['Host Name,IP Address,Domain', ...rows].join('\r\n') + '\r\n');
  return { folder, list };
}

export async function benchFleet(root: string, mode: BenchMode): Promise<void> {
  const size = mode.quick ? SIZES.quick : SIZES.full;
  const dir = path.join(root, 'fleet');
  await mkdir(dir, { recursive: true });
  const made = performance.now();
  const { folder, list } = await makeFleet(dir, size);
  const makeMs = performance.now() - made;
  const times: number[] = [];
  const cpu: number[] = [];
  let peakMb = 0;
  let summary: Awaited<ReturnType<typeof summarizeReports>> | null = null;
  for (let round = 0; round < size.rounds; round++) {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const t = performance.now();
    const c = process.cpuUsage();
    summary = await summarizeReports([folder], { agentsList: list });
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    clearInterval(timer);
    peakMb = Math.max(peakMb, (Math.max(peak, process.memoryUsage().rss) - before) / (1024 * 1024));
  }
  const wall = median(times);
  const medianCpu = median(cpu);
  const s = summary!;
  console.log(`fleet: ${s.files.found} report files (${s.files.read} read, ${s.files.skipped} skipped), ${s.pcs.length} PCs, agents list of ${s.agents?.total}; generated in ${(makeMs / 1000).toFixed(1)} s`);
  console.log(`  summarize + join   median ${wall.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')})  goal < 2000 ms  ${verdict(mode, wall < 2000)}`);
  console.log(`  CPU time used      median ${medianCpu.toFixed(0)} ms  goal < 2000 ms  ${verdict(mode, medianCpu < 2000)}  (${load()})`);
  console.log(`  peak RSS growth    ${peakMb.toFixed(1)} MB`);
  console.log(`  targets            ${s.agents?.targets.length} hosts still to repair`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'acf-bench-fleet-'));
  try {
    const quick = process.argv.includes('--quick');
    console.log(`apex-cert-fix fleet bench${quick ? ' (quick)' : ''} · node ${process.version} · ${os.cpus().length} cores`);
    await benchFleet(root, { quick });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
