/**
 * What the Wine lane needs on this machine (apt: wine wine64 mingw-w64 osslsigncode openssl
 * locales), and why it cannot run when something is missing.
 */
import { execFileSync } from 'node:child_process';

const TOOLS = [
  ['wine', ['--version'], 'wine (apt: wine wine64)'],
  ['wineserver', ['--version'], 'wineserver (apt: wine64)'],
  ['x86_64-w64-mingw32-gcc', ['--version'], 'MinGW-w64 (apt: mingw-w64)'],
  ['i686-w64-mingw32-gcc', ['--version'], 'MinGW-w64 32-bit (apt: mingw-w64)'],
  ['osslsigncode', ['--version'], 'osslsigncode (apt: osslsigncode)'],
  ['openssl', ['version'], 'openssl (apt: openssl)'],
  ['localedef', ['--help'], 'localedef (apt: libc-bin, locales)'],
];

/** null when everything is there, else what is missing. */
export function missingTools() {
  const missing = [];
  for (const [file, args, what] of TOOLS) {
    try {
      execFileSync(file, args, { stdio: 'ignore', timeout: 20_000 });
    } catch (e) {
      // osslsigncode --version exits 1 on some builds while printing its version.
      if (e.code === 'ENOENT') missing.push(what);
    }
  }
  return missing.length ? `the Wine lane needs ${missing.join(', ')}` : null;
}
