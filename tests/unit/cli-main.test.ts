/**
 * The CLI's `main` called in the test's own process, as `bin.ts` calls it: the exit code is its
 * return value and what a person or a script reads is on stdout / stderr.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/hosts/cli/cli.js';
import { makeWorld, type World } from '../fixtures/world.js';

let world: World | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await world?.cleanup();
  world = null;
});

/** What main writes, caught on its way to the terminal. */
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}

describe('main, in-process', () => {
  it('inspect on a simulated PC: 0, one JSON document on stdout, the plan, nothing copied', async () => {
    world = await makeWorld();
    const seen = capture();
    const code = await main(['inspect', '--simulate', world.profile, '--source', '\\\\srv', '--allow-unverified-publisher', '--work-dir', world.workBase, '--reports-dir', world.reportsDir, '--json', '--lang', 'en']);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const report = JSON.parse(seen.out());
    expect(report).toMatchObject({ mode: 'inspect', outcome: 'ready', error: null });
    expect(report.plan.files.map((f: { name: string }) => f.name)).toContain('OfcNTCer.dat');
    expect(seen.err()).toContain('Agent:');
    expect(await world.workFiles()).toEqual([]);
  });

  it('a language it does not speak: 2, said in the system language, with the usage', async () => {
    for (const [locale, said] of [
      ['ja_JP.UTF-8', '--lang の値「fr」は使えません（ja, en）'],
      ['en_US.UTF-8', '--lang "fr" is not valid: expected ja, en'],
    ] as const) {
      vi.stubEnv('LC_ALL', locale);
      const seen = capture();
      const code = await main(['inspect', '--source', 'x', '--lang', 'fr']);
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
      expect(code, locale).toBe(2);
      expect(seen.err(), locale).toContain(said);
      expect(seen.err(), locale).toContain('apex-cert-fix inspect --source S');
    }
  });
});
