/**
 * "Restart as administrator": the same program with the same arguments, through the UAC prompt.
 *
 * Three layers of quoting, each done by its own rules:
 * 1. The arguments become ONE string by Windows command-line rules (CommandLineToArgvW, which
 *    Electron/Chromium use to split it again). `Start-Process -ArgumentList @(...)` would join the
 *    array with spaces and add no quotes (PowerShell/PowerShell#5576).
 * 2. Each string goes into the script as a PowerShell single-quoted literal. PowerShell takes the
 *    typographic quotes U+2018-U+201B as single quotes too, so each of them is doubled as well.
 * 3. The script goes to powershell.exe Base64-encoded (-EncodedCommand, UTF-16LE): no third
 *    layer of command-line quoting, and Japanese paths survive whatever the console code page.
 *
 * Not Start-Process: on a cancelled prompt it rethrows the Win32Exception as a bare
 * InvalidOperationException with only the translated message (ProcessCommands.cs,
 * StartWithShellExecute), so the error number is lost. Process.Start(ProcessStartInfo) throws the
 * Win32Exception itself (as the inner exception); its NativeErrorCode 1223 (ERROR_CANCELLED) is
 * turned into exit code 1223, whatever the language of Windows.
 */
import path from 'node:path';
import { execa } from 'execa';
import { systemToolPath } from './system-tool.js';

/** One argument quoted for CommandLineToArgvW: only when needed; backslashes doubled only before a quote. */
export function quoteWindowsArg(arg: string): string {
  if (arg !== '' && !/[ \t\n\v"]/.test(arg)) return arg;
  let out = '"';
  let backslashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      backslashes++;
      continue;
    }
    // Backslashes before a quote (ours at the end, or one in the text) are doubled; others stay.
    out += ch === '"' ? '\\'.repeat(backslashes * 2 + 1) + '"' : '\\'.repeat(backslashes) + ch;
    backslashes = 0;
  }
  return out + '\\'.repeat(backslashes * 2) + '"';
}

export function windowsCommandLine(args: readonly string[]): string {
  return args.map(quoteWindowsArg).join(' ');
}

/** PowerShell's single quotes: ' and the typographic ‘ ’ ‚ ‛ (U+2018 to U+201B). */
const PS_SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** A PowerShell single-quoted literal: every single-quote character doubled. */
export function psQuote(s: string): string {
  return `'${s.replace(PS_SINGLE_QUOTES, (q) => q + q)}'`;
}

export const ERROR_CANCELLED = 1223;

export function relaunchScript(exe: string, args: readonly string[], cwd: string): string {
  return [
    "$ErrorActionPreference = 'Stop'",
    'try {',
    '  $info = New-Object System.Diagnostics.ProcessStartInfo',
    `  $info.FileName = ${psQuote(exe)}`,
    `  $info.Arguments = ${psQuote(windowsCommandLine(args))}`,
    `  $info.WorkingDirectory = ${psQuote(cwd)}`,
    "  $info.Verb = 'runas'",
    '  $info.UseShellExecute = $true',
    '  [void][System.Diagnostics.Process]::Start($info)',
    '  exit 0',
    '} catch {',
    '  $e = $_.Exception',
    // 0x800704C7 is ERROR_CANCELLED as an HRESULT, for a wrapper that carries only that.
    `  while ($e) { if ($e.NativeErrorCode -eq ${ERROR_CANCELLED} -or $e.HResult -eq -2147023673) { exit ${ERROR_CANCELLED} }; $e = $e.InnerException }`,
    '  [Console]::Error.WriteLine($_.Exception.Message)',
    '  exit 1',
    '}',
  ].join('\n');
}

/** powershell.exe arguments: the script Base64-encoded as UTF-16LE (-EncodedCommand). */
export function relaunchCommand(exe: string, args: readonly string[], cwd: string): string[] {
  const encoded = Buffer.from(relaunchScript(exe, args, cwd), 'utf16le').toString('base64');
  return ['-NoLogo', '-NoProfile', '-NonInteractive', '-EncodedCommand', encoded];
}

/** PowerShell by absolute path (system-tool.ts): a bare name is looked up in the current folder first. */
export function powershellPath(env: Record<string, string | undefined> = process.env): string {
  return systemToolPath('powershell', env);
}

export type RelaunchResult = 'started' | 'cancelled' | 'failed';

/** What PowerShell's exit code says: started, the prompt was cancelled (1223), or it failed. */
export function relaunchOutcome(exitCode: number | null | undefined): RelaunchResult {
  if (exitCode === 0) return 'started';
  return exitCode === ERROR_CANCELLED ? 'cancelled' : 'failed';
}

/**
 * The arguments to start this app again: after the exe when packaged; unpackaged, electron.exe
 * needs the app's folder first, made absolute (the elevated process may start elsewhere).
 */
export function relaunchArguments(argv: readonly string[], packaged: boolean, cwd: string): string[] {
  const rest = argv.slice(1);
  if (packaged || rest.length === 0) return rest;
  return [path.win32.resolve(cwd, rest[0]!), ...rest.slice(1)];
}

export async function relaunchElevated(exe: string, args: readonly string[], cwd: string): Promise<RelaunchResult> {
  // The UAC prompt waits for the user; a PowerShell that hangs beyond that is given up on.
  const r = await execa(powershellPath(), relaunchCommand(exe, args, cwd), { reject: false, windowsHide: true, timeout: 15 * 60_000 });
  return relaunchOutcome(r.exitCode);
}

export interface HandOver {
  releaseLock: () => void;
  retakeLock: () => void;
  start: () => Promise<RelaunchResult>;
  quit: () => void;
}

/**
 * The single-instance lock is released before the elevated copy starts (it would otherwise meet
 * our lock and end silently), we quit only once it has started, and take the lock back if it
 * did not (cancelled prompt or failure: the app stays as it was).
 */
export async function relaunchHandingOver(o: HandOver): Promise<RelaunchResult> {
  o.releaseLock();
  let result: RelaunchResult = 'failed';
  try {
    result = await o.start();
  } finally {
    if (result === 'started') o.quit();
    else o.retakeLock();
  }
  return result;
}
