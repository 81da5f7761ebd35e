import { describe, expect, it } from 'vitest';
import {
  ERROR_CANCELLED,
  powershellPath,
  psQuote,
  quoteWindowsArg,
  relaunchArguments,
  relaunchCommand,
  relaunchHandingOver,
  relaunchOutcome,
  relaunchScript,
  windowsCommandLine,
  type RelaunchResult,
} from '../../electron/platform/relaunch-elevated.js';

/**
 * The arguments part of a command line split as CommandLineToArgvW does (what Electron sees):
 * spaces and tabs separate outside quotes; 2n backslashes + `"` give n backslashes and toggle the
 * quotes; 2n+1 backslashes + `"` give n backslashes and a literal quote; other backslashes are
 * literal; `""` inside quotes is a literal quote.
 */
function commandLineToArgv(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) return args;
    let arg = '';
    let quoted = false;
    while (i < line.length && (quoted || (line[i] !== ' ' && line[i] !== '\t'))) {
      if (line[i] === '\\') {
        let n = 0;
        while (line[i] === '\\') (n++, i++);
        if (line[i] === '"') {
          arg += '\\'.repeat(Math.floor(n / 2));
          if (n % 2 === 1) (arg += '"', i++);
        } else arg += '\\'.repeat(n);
      } else if (line[i] === '"') {
        if (quoted && line[i + 1] === '"') (arg += '"', (i += 2));
        else (quoted = !quoted, i++);
      } else arg += line[i++];
    }
    args.push(arg);
  }
}

/** A PowerShell single-quoted literal read back: any of ' ‘ ’ ‚ ‛ ends it, unless doubled (tokenizer rule). */
function readPsLiteral(text: string, from: number): { value: string; end: number } {
  const isQuote = (c: string | undefined) => c !== undefined && "'\u2018\u2019\u201A\u201B".includes(c);
  if (!isQuote(text[from])) throw new Error('not a literal');
  let value = '';
  let i = from + 1;
  for (;;) {
    const c = text[i];
    if (c === undefined) throw new Error('unterminated');
    if (isQuote(c)) {
      if (!isQuote(text[i + 1])) return { value, end: i + 1 };
      value += text[i + 1];
      i += 2;
    } else (value += c, i++);
  }
}

const NASTY = [
  'C:\\Program Files\\Apex Cert Fix\\app.exe',
  'C:\\path with space\\',
  'C:\\no-space\\',
  'C:\\two trailing\\\\',
  'say "hi"',
  '"',
  '\\"',
  'a\\\\"b',
  '',
  ' ',
  '\t',
  'tab\there',
  '--simulate=C:\\プロファイル\\デモ 環境\\demo.json',
  '日本語 の パス\\',
  "It's ‘quoted’ ‚low‛ here",
  '%PATH% $(calc) `whoami` ;&|<>^ !x!',
  '--lang',
  'ja',
];

describe('restart as administrator: quoting', () => {
  it('the arguments come back exactly, one by one, through CommandLineToArgvW rules', () => {
    for (const arg of NASTY) expect([arg, commandLineToArgv(quoteWindowsArg(arg))]).toEqual([arg, [arg]]);
    expect(commandLineToArgv(windowsCommandLine(NASTY))).toEqual(NASTY);
  });

  it('plain arguments stay as they are', () => {
    expect(windowsCommandLine(['--lang', 'ja', 'C:\\x\\'])).toBe('--lang ja C:\\x\\');
    expect(quoteWindowsArg('C:\\a b\\')).toBe('"C:\\a b\\\\"');
  });

  it('a PowerShell literal gives back the text, typographic single quotes included', () => {
    for (const s of [...NASTY, "''", '‘’‚‛', "x'", 'end‛']) expect(readPsLiteral(psQuote(s), 0)).toEqual({ value: s, end: psQuote(s).length });
  });

  it('the script holds the program, the one argument string and the folder as literals that read back', () => {
    const exe = "D:\\USB ‘stick’\\Apex Cert Fix's.exe";
    const cwd = 'E:\\作業 フォルダー\\';
    const script = relaunchScript(exe, NASTY, cwd);
    const literal = (name: string) => readPsLiteral(script, script.indexOf(`$info.${name} = `) + `$info.${name} = `.length).value;
    expect(literal('FileName')).toBe(exe);
    expect(commandLineToArgv(literal('Arguments'))).toEqual(NASTY);
    expect(literal('WorkingDirectory')).toBe(cwd);
    expect(script).toContain("$info.Verb = 'runas'");
    expect(script).not.toContain('Start-Process');
  });

  it('PowerShell gets the script as UTF-16LE Base64 (no third quoting layer), by absolute path', () => {
    const cmd = relaunchCommand('C:\\a.exe', ['--lang', 'ja'], 'C:\\');
    expect(cmd.slice(0, -1)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-EncodedCommand']);
    expect(Buffer.from(cmd.at(-1)!, 'base64').toString('utf16le')).toBe(relaunchScript('C:\\a.exe', ['--lang', 'ja'], 'C:\\'));
    expect(powershellPath({ SystemRoot: 'D:\\Windows' })).toBe('D:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    for (const bad of [{}, { SystemRoot: '\\\\evil\\share' }, { SystemRoot: 'relative\\win' }, { SystemRoot: 'C:\\..\\x' }]) {
      expect(powershellPath(bad)).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    }
  });

  it('the same app again: the arguments after the exe; unpackaged, the app folder made absolute', () => {
    expect(relaunchArguments(['C:\\A\\app.exe', '--lang', 'ja'], true, 'C:\\cwd')).toEqual(['--lang', 'ja']);
    expect(relaunchArguments(['C:\\e\\electron.exe', '.', '--simulate', 'p.json'], false, 'C:\\src\\apex')).toEqual(['C:\\src\\apex', '--simulate', 'p.json']);
  });
});

describe('restart as administrator: the outcome and the single-instance lock', () => {
  it('exit 0 started, 1223 (ERROR_CANCELLED, whatever the language) cancelled, anything else failed', () => {
    expect(relaunchOutcome(0)).toBe('started');
    expect(relaunchOutcome(ERROR_CANCELLED)).toBe('cancelled');
    for (const code of [1, 2, null, undefined, -1]) expect(relaunchOutcome(code)).toBe('failed');
    expect(relaunchScript('a', [], 'c')).toContain('exit 1223');
  });

  async function handOver(start: () => Promise<RelaunchResult>) {
    const steps: string[] = [];
    const result = await relaunchHandingOver({
      releaseLock: () => steps.push('release'),
      retakeLock: () => steps.push('retake'),
      start: async () => (steps.push('start'), start()),
      quit: () => steps.push('quit'),
    }).catch((e: Error) => e.message);
    return { result, steps };
  }

  it('the lock is released before the elevated copy starts; quit only once it has started', async () => {
    expect(await handOver(async () => 'started')).toEqual({ result: 'started', steps: ['release', 'start', 'quit'] });
  });

  it('a cancelled prompt, a failure or an error takes the lock back and stays', async () => {
    expect(await handOver(async () => 'cancelled')).toEqual({ result: 'cancelled', steps: ['release', 'start', 'retake'] });
    expect(await handOver(async () => 'failed')).toEqual({ result: 'failed', steps: ['release', 'start', 'retake'] });
    expect(await handOver(() => Promise.reject(new Error('spawn EACCES')))).toEqual({ result: 'spawn EACCES', steps: ['release', 'start', 'retake'] });
  });
});
