/**
 * A Windows tool the OS will not start gives an answer, not a crash: in CI's Wine lane a
 * reg.exe that Wine failed to create once ("failed to map the shared user data") turned an
 * already-fixed PC into "Unexpected error: The first argument must be of type string or an
 * instance of Buffer..." (exit 1). Here a start refused at spawn time (an argument list beyond
 * what the OS accepts, E2BIG) plays that part.
 */
import { describe, expect, it } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { runSystemTool } from '../../electron/platform/run-system-tool.js';

describe('runSystemTool', () => {
  it('a tool the OS refuses to start: no output, "not started" with the OS code, nothing thrown', async () => {
    const r = await runSystemTool(process.execPath, ['-e', '0', 'x'.repeat(400_000)], 5_000);
    expect(r).toEqual({ bytes: Buffer.alloc(0), exitCode: null, notStarted: 'E2BIG', timedOut: false });
  });

  it('a missing tool: ENOENT; a tool that answers: its bytes and exit code; a hanging one: timed out', async () => {
    expect((await runSystemTool(path.join(os.tmpdir(), 'no-such-dir-acf', 'sc.exe'), [], 5_000)).notStarted).toBe('ENOENT');
    const ok = await runSystemTool(process.execPath, ['-e', 'process.stdout.write(Buffer.from([0x82, 0xa0])); process.exitCode = 3'], 5_000);
    expect(ok).toEqual({ bytes: Buffer.from([0x82, 0xa0]), exitCode: 3, notStarted: null, timedOut: false });
    const slow = await runSystemTool(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], 300);
    expect(slow.timedOut).toBe(true);
    expect(slow.notStarted).toBeNull();
  });
});
