/**
 * Runs the product's CLI under Wine, as a helpdesk person would on a PC: either Windows node.exe
 * on the built JavaScript (`npm run build` → dist/) or the standalone `apex-cert-fix-x64.exe`
 * (Node SEA, `npm run build:cli-exe`). APEX_LANE_CLI=exe picks the exe for every scenario; the
 * default is node.exe. When a run's checks fail, the tail of Wine's log for it is printed.
 */
import { existsSync } from 'node:fs';
import { onTestFailed } from 'vitest';
import { CLI_EXE, cliEntry } from './lane-info.js';
import type { Lane } from './lane.js';
import { runWine } from './run-wine.js';
import { toWindows } from './wine-paths.js';

export type CliVariant = 'node' | 'exe';

export const DEFAULT_VARIANT: CliVariant = process.env.APEX_LANE_CLI === 'exe' ? 'exe' : 'node';
export const exeBuilt = () => existsSync(CLI_EXE);

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed when --json was given. */
  json: any;
  ms: number;
}

export async function runCli(lane: Lane, args: string[], o: { stdin?: string; variant?: CliVariant; timeoutMs?: number } = {}): Promise<CliRun> {
  const variant = o.variant ?? DEFAULT_VARIANT;
  const program = variant === 'exe' ? [toWindows(lane, CLI_EXE)] : [lane.nodeExe, toWindows(lane, cliEntry())];
  const r = await runWine(lane.env, [...program, ...args], { cwd: lane.dir, stdin: o.stdin, timeoutMs: o.timeoutMs ?? 240_000 });
  const stdout = r.stdout.toString('utf8');
  const stderr = r.stderr.toString('utf8');
  onTestFailed(() => {
    const tail = (s: string, n: number) => s.split('\n').slice(-n).join('\n');
    console.error(`--- ${variant}: apex-cert-fix ${args.join(' ')} → exit ${r.code}${r.timedOut ? ' (killed: time limit)' : ''} in ${r.ms} ms`);
    console.error(`--- stderr (tail):\n${tail(stderr, 40)}\n--- Wine log (tail):\n${tail(r.wineLog, 40) || '(empty)'}`);
  });
  let json: unknown = null;
  if (args.includes('--json') && stdout.trim()) json = JSON.parse(stdout);
  return { code: r.code, stdout, stderr, json, ms: r.ms };
}
