/**
 * Windows looks for a bare program name in the current folder first, and tries .bat/.cmd too
 * (docs/vendor-facts.md "Windows commands"). Here the built WindowsPlatform runs from a folder holding planted
 * reg.exe, sc.exe, fltmc.exe ... and reg.bat, sc.cmd ..., that folder also first in PATH: every
 * answer must still come from the real tools in System32, and no planted program may run.
 */
import { describe, expect, it, onTestFailed } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lane, processesMentioning, resetAgent, skipReason } from './lane/lane.js';
import { runWine } from './lane/run-wine.js';
import { toWindows } from './lane/wine-paths.js';
import { laneFileUrl } from './lane/lane-info.js';

const TOOLS = ['reg', 'sc', 'fltmc', 'taskkill', 'whoami', 'icacls', 'powershell', 'wmic'];

describe.skipIf(skipReason())(`planted tools${skipReason() ? ` (skipped: ${skipReason()})` : ''}`, () => {
  it('WindowsPlatform ignores planted reg/sc/fltmc/... in its current folder and PATH', async () => {
    const l = lane();
    resetAgent(l);
    const planted = path.join(l.driveC, 'lane', 'planted');
    rmSync(planted, { recursive: true, force: true });
    mkdirSync(planted, { recursive: true });
    for (const tool of TOOLS) {
      copyFileSync(path.join(l.programs, 'bin', 'planted-tool.exe'), path.join(planted, `${tool}.exe`));
      for (const ext of ['bat', 'cmd']) writeFileSync(path.join(planted, `${tool}.${ext}`), `@echo planted > "%~f0.ran"\r\n@echo     Application Path    REG_SZ    C:\\planted\\\r\n`);
    }
    copyFileSync(path.join(l.programs, 'x64-plain', 'IpXfer_x64.exe'), path.join(planted, 'lingerer.exe'));
    const dist = laneFileUrl(l, path.join(l.repo, 'dist', 'electron', 'platform', 'windows.js'));
    const r = await runWine(l.env, [l.nodeExe, toWindows(l, path.join(l.repo, 'tests', 'windows', 'probe-platform.mjs')), dist, 'C:\\lane\\planted'], { timeoutMs: 180_000 });
    onTestFailed(() => console.error(`--- probe stderr:\n${r.stderr.toString()}\n--- Wine log (tail):\n${r.wineLog.split('\n').slice(-30).join('\n')}`));
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.stdout.toString('utf8'));
    expect(facts).toMatchObject({ elevated: true, codePage: 932, tmlisten: 'running', missing: 'missing', cmdAlive: false });
    // Wine's PowerShell is a stub: no verdict, and why (never a silent untrusted-root); Windows judges.
    if (l.kind === 'wine') expect(facts.osSignature).toEqual([{ unavailable: expect.stringMatching(/^(failed|unreadable)$/) }]);
    else expect(facts.osSignature).toEqual([{ status: expect.any(String) }]);
    expect(facts.localhost.some((a: string) => a === '127.0.0.1' || a === '::1')).toBe(true);
    expect(facts.invalid).toBeNull();
    expect(facts.agent.dir).toBe('C:\\Program Files (x86)\\Trend Micro\\Security Agent');
    expect(facts.kill).toEqual([]);
    expect(processesMentioning(l, 'lingerer.exe')).toEqual([]);
    expect(readdirSync(planted).filter((f) => f.endsWith('.ran'))).toEqual([]);
  });
});
