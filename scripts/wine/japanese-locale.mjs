/**
 * A Japanese locale for Wine: Wine takes the Windows code pages from LANG / LC_ALL, so ja_JP
 * gives the prefix OEM code page 932 (what IpXfer writes on a Japanese PC). When the system has
 * no ja_JP.UTF-8, it is compiled once into `.cache/locale/` with localedef (package `locales`
 * provides the source files; no root needed) and found through LOCPATH.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const JAPANESE = 'ja_JP.UTF-8';

/** Environment naming a Japanese locale: LANG, LC_ALL and, when compiled here, LOCPATH. */
export function japaneseLocaleEnv() {
  const installed = execFileSync('locale', ['-a'], { encoding: 'utf8' }).split('\n').some((l) => /^ja_JP\.utf-?8$/i.test(l.trim()));
  if (installed) return { LANG: JAPANESE, LC_ALL: JAPANESE };
  const locpath = join(root, '.cache', 'locale');
  if (!existsSync(join(locpath, JAPANESE, 'LC_CTYPE'))) {
    mkdirSync(locpath, { recursive: true });
    try {
      execFileSync('localedef', ['-i', 'ja_JP', '-f', 'UTF-8', join(locpath, JAPANESE)], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      // localedef warns and exits 1 on some systems while still writing a usable locale.
      if (!existsSync(join(locpath, JAPANESE, 'LC_CTYPE'))) throw new Error(`localedef ja_JP.UTF-8 failed (install the "locales" package): ${e.stderr ?? e}`);
    }
  }
  return { LANG: JAPANESE, LC_ALL: JAPANESE, LOCPATH: locpath };
}
