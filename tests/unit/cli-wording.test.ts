/**
 * What the CLI and the text report say must agree with what happened: a refusal after copying does
 * not claim nothing was copied, a kit ends with the kit's result, days carry their unit, the report
 * speaks the session's language with local time, and the reinstall hint names the real server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../fixtures/cli.js';
import { makeWorld, type World, type WorldOptions } from '../fixtures/world.js';

let world: World | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function fix(o: WorldOptions, extra: string[], input = '') {
  world = await makeWorld(o);
  const args = ['fix', '--simulate', world.profile, '--source', '\\\\srv', '--work-dir', world.workBase, '--reports-dir', world.reportsDir, ...extra];
  return { ...(await runCli(args, { input })), w: world };
}

async function textReport(w: World): Promise<string> {
  const name = (await readdir(w.reportsDir)).find((n) => n.endsWith('.txt'))!;
  return readFile(path.join(w.reportsDir, name), 'utf8');
}

/** Lines a report states once: IpXfer's own output may repeat itself, the report may not. */
function repeatedLines(text: string): string[] {
  const lines = text.split('\r\n');
  const outputStart = lines.findIndex((l) => /^(IpXfer output|IpXferの出力):$/.test(l));
  const outputEnd = outputStart < 0 ? -1 : lines.findIndex((l, i) => i > outputStart && l === '');
  const own = lines.filter((l, i) => l.trim() !== '' && (outputStart < 0 || i < outputStart || i > outputEnd));
  return own.filter((l, i) => own.indexOf(l) !== i);
}

describe('CLI and text report wording', () => {
  it('the text report is in the session language (title included), with local time and its offset, no repeated lines, and "files copied" after a run', async () => {
    const { code, w } = await fix({ tree: { datfhs: ['x64'] } }, ['--allow-unverified-publisher', '--lang', 'ja']);
    expect(code).toBe(0);
    const text = await textReport(w);
    const first = text.replace(/^\ufeff/, '').split('\r\n')[0]!;
    expect(first).toMatch(/^Apex One証明書修復 — 修復 — \d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d$/);
    expect(text).not.toMatch(/\bfix\b — \d{4}-\d\d-\d\dT/);
    expect(repeatedLines(text)).toEqual([]);
    expect(text).toContain('コピーしたファイル (作業フォルダ ');
    expect(text).not.toContain('コピーするファイル:');
    expect(text).toContain('と一致しません。KB 1102855の手順で修復する状態です。');
    expect(text).toMatch(/作業フォルダ .* は削除しました。/);
  });

  it('the reinstall hint names the server in use, not \\\\<server>', async () => {
    const { code, stdout, w } = await fix({ behaviour: { password: 'right' } }, ['--allow-unverified-publisher', '--password-stdin', '--lang', 'en'], 'wrong\n');
    expect(code).toBe(1);
    expect(stdout).toContain('then run \\\\srv\\ofcscan\\AutoPcc.exe.');
    expect(stdout).not.toContain('<server>');
    expect(await textReport(w)).toContain('\\\\srv\\ofcscan\\AutoPcc.exe');
  });

  it('a publisher refusal after copying says the copies were removed, never "nothing was copied"', async () => {
    const { code, stdout, stderr, w } = await fix({}, ['--lang', 'en']);
    expect(code).toBe(2);
    const said = stdout + stderr;
    expect(said).toContain('Result: Stopped: the copies were removed and nothing was run.');
    expect(said).not.toContain('Nothing was copied or run');
    expect(await w.workFiles()).toEqual([]);
  });

  it('a fix ends with one paragraph for the ticket: PC, agent, server, serial before → after, outcome, time, report', async () => {
    const { code, stdout, w } = await fix({ agentBuild: 12526 }, ['--allow-unverified-publisher', '--lang', 'en']);
    expect(code).toBe(0);
    const [, ticket] = stdout.split('Summary for the ticket:\n');
    const paragraph = ticket!.trim();
    expect(paragraph.split('\n')).toHaveLength(1);
    expect(paragraph).toContain('PC-TEST-01 (Windows x64), Apex One security agent 14.0 build 12526, reporting to srv.');
    expect(paragraph).toContain(`Agent certificate: serial ${w.old.serial} → ${w.server.serial} (the server's).`);
    expect(paragraph).toMatch(/Result \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d\): Fixed\./);
    expect(paragraph).toMatch(/Report: .*PC-TEST-01_\d{8}-\d{6}\.txt$/);
  });

  it('kit ends with the kit\'s own result, not "Ready: nothing was changed"', async () => {
    world = await makeWorld({ tree: { datfhs: ['x86', 'x64'] } });
    const out = path.join(world.dir, 'stick');
    const r = await runCli(['kit', '--simulate', world.profile, '--source', '\\\\srv', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Ready: nothing was changed');
    expect(r.stdout.trim().split('\n').at(-1)).toBe(`Result: Offline kit ready: ${path.join(out, 'ApexCertFix-kit')}. On the PC to repair, give this folder (or the stick's root) as the source. Nothing was changed on this PC.`);
  });

  it('agents prints the certificate\'s days left with their unit', async () => {
    world = await makeWorld({ serverIsThisPc: true, tree: { certificateManager: { list: Buffer.from('Host,IP\r\nPC-1,10.0.0.1\r\n') } } });
    const en = await runCli(['agents', '--simulate', world.profile, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/valid until \d{4}-\d\d-\d\d \(\d+ days left\)/);
    const ja = await runCli(['agents', '--simulate', world.profile, '--lang', 'ja']);
    expect(ja.stdout).toMatch(/有効期限 \d{4}-\d\d-\d\d \(残り \d+日\)/);
  });

  it('no arguments prints the help (exit 0)', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage:');
  });
});
