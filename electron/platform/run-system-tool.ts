/**
 * One run of a Windows tool (reg, sc, icacls, PowerShell...): argument array, no shell, no stdin,
 * a time limit, its output as bytes. It never throws and never hands back a missing output.
 *
 * Why a second try: when the OS refuses to create the process at all (libuv reports an error other
 * than "not found" or "access denied" at spawn time — seen under Wine as "failed to map the shared
 * user data", and possible on Windows under memory or desktop-heap pressure), execa has no output
 * to give (`stdout` is undefined) and the tool ran nothing. Starting it once more is safe for that
 * reason, and a missing tool or one that ran and failed is never retried.
 */
import { execa } from 'execa';

export interface SystemToolResult {
  bytes: Buffer;
  /** null: the tool did not end by itself (not started, timed out, killed). */
  exitCode: number | null;
  /** The tool never started (after the second try): 'ENOENT' for a missing file, else the OS's code. */
  notStarted: string | null;
  timedOut: boolean;
}

export async function runSystemTool(file: string, args: readonly string[], timeoutMs: number): Promise<SystemToolResult> {
  let r = await once(file, args, timeoutMs);
  if (r.notStarted && r.notStarted !== 'ENOENT' && r.notStarted !== 'EACCES') r = await once(file, args, timeoutMs);
  return r;
}

async function once(file: string, args: readonly string[], timeoutMs: number): Promise<SystemToolResult> {
  const r = await execa(file, args, { reject: false, encoding: 'buffer', windowsHide: true, timeout: timeoutMs, stdin: 'ignore' });
  const started = !(r.failed && r.exitCode === undefined && r.signal === undefined && !r.timedOut);
  return {
    bytes: r.stdout ? Buffer.from(r.stdout) : Buffer.alloc(0),
    exitCode: r.exitCode ?? null,
    notStarted: started ? null : String((r as { code?: string }).code ?? 'failed'),
    timedOut: Boolean(r.timedOut),
  };
}
