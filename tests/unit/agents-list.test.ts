import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { agentsToCsv, parseAgentsCsv } from '../../electron/core/mismatched-agents.js';
import { writeServerTree } from '../../electron/simulation/server-tree.js';
import { runCli } from '../fixtures/cli.js';
import { makeWorld, type World } from '../fixtures/world.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(path.join(here, '../fixtures/agents', name));

describe('reading the CertificateManager list', () => {
  it('CP932 with Japanese headers: every column kept, host / IP / domain / GUID recognised', () => {
    const t = parseAgentsCsv(fixture('ja-cp932.csv'));
    expect(t.encoding).toBe('cp932');
    expect(t.headers).toEqual(['コンピュータ名', 'IPアドレス', 'ドメイン', 'GUID', '最終接続日時']);
    expect(t.rows[0]).toEqual(['PC-経理-01', '10.1.2.3', '本社\\経理', '1b4e28ba-2fa1-11d2-883f-0016d3cca427', '2026/11/20 09:15']);
    expect(t.roles).toEqual({ host: 0, ip: 1, domain: 2, guid: 3 });
  });

  it('UTF-16LE with a BOM reads the same', () => {
    const t = parseAgentsCsv(fixture('ja-utf16le-bom.csv'));
    expect(t.encoding).toBe('utf-16le');
    expect(t.rows).toEqual(parseAgentsCsv(fixture('ja-cp932.csv')).rows);
  });

  it('UTF-8 with and without a BOM, UTF-16 without one; quoted commas and quotes; extra columns', () => {
    const expected = parseAgentsCsv(fixture('en-utf8-bom.csv'));
    expect(expected.encoding).toBe('utf-8-bom');
    expect(expected.rows[0]![4]).toBe('Moved, then renamed');
    expect(expected.rows[1]![4]).toBe('He said "hi"');
    expect(expected.headers).toContain('Extra Column');
    expect(expected.roles).toEqual({ host: 0, ip: 1, domain: 2, guid: 3 });
    for (const [name, encoding] of [['en-utf8.csv', 'utf-8'], ['en-utf16le-nobom.csv', 'utf-16le']] as const) {
      const t = parseAgentsCsv(fixture(name));
      expect(t.encoding).toBe(encoding);
      expect(t.rows).toEqual(expected.rows);
    }
  });

  it('an empty list, or one with only a header, is zero agents, not an error', () => {
    expect(parseAgentsCsv(fixture('empty.csv')).rows).toEqual([]);
    const headerOnly = parseAgentsCsv(fixture('empty-header-only.csv'));
    expect(headerOnly.rows).toEqual([]);
    expect(headerOnly.headers).toEqual(['Host Name', 'IP Address']);
  });

  it('no header row: columns are numbered, IP and GUID still recognised by their values', () => {
    const t = parseAgentsCsv(fixture('no-header.csv'));
    expect(t.hadHeader).toBe(false);
    expect(t.headers).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(t.rows).toHaveLength(2);
    expect(t.roles).toEqual({ guid: 2, ip: 1 });
  });

  it('a first row nobody recognises as a header is kept as data, nothing lost, no error', () => {
    const t = parseAgentsCsv(fixture('unknown-headers.csv'));
    expect(t.hadHeader).toBe(false);
    expect(t.headers).toEqual(['Column 1', 'Column 2']);
    expect(t.rows).toEqual([['Foo', 'Bar'], ['1', '2']]);
    expect(t.roles).toEqual({});
  });

  it('exports for Excel: UTF-8 with a BOM that reads back to the same table', () => {
    const t = parseAgentsCsv(fixture('ja-cp932.csv'));
    const csv = agentsToCsv(t);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const again = parseAgentsCsv(csv);
    expect(again.headers).toEqual(t.headers);
    expect(again.rows).toEqual(t.rows);
  });
});

describe('apex-cert-fix agents', () => {
  let world: World | null = null;
  afterEach(async () => {
    await world?.cleanup();
    world = null;
  });

  async function server(behaviour: Parameters<typeof writeServerTree>[1]['certificateManager']) {
    world = await makeWorld();
    await writeServerTree(world.pccsrv, { certificate: world.server.der, certificateManager: behaviour });
    return world;
  }

  it('runs CertificateManager -l, reads the list and exports it as CSV and JSON', async () => {
    const w = await server({ list: fixture('ja-cp932.csv'), lines: ['Exporting...'] });
    const out = path.join(w.dir, 'agents.csv');
    const r = await runCli(['agents', '--simulate', w.profile, '--server-dir', w.pccsrv, '--out', out, '--json', '--lang', 'ja']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ mode: 'agents', count: 2, encoding: 'cp932', roles: { host: 0, ip: 1 } });
    expect(doc.agents[1]['コンピュータ名']).toBe('PC-営業-07');
    expect(doc.certificate.serial).toBe(w.server.serial);
    expect(doc.renewedRecently).toBe(true);
    expect(r.stderr).toContain('この一覧のエージェントは、更新前の証明書のままになっている可能性があります');
    expect(parseAgentsCsv(await readFile(out)).rows).toHaveLength(2);
    const json = path.join(w.dir, 'agents.json');
    await runCli(['agents', '--simulate', w.profile, '--server-dir', path.dirname(w.pccsrv), '--out', json]);
    expect(JSON.parse(await readFile(json, 'utf8')).count).toBe(2);
  });

  it('finds the server in the default install folder of this PC', async () => {
    const w = await server({ list: fixture('en-utf8.csv') });
    const profile = JSON.parse(await readFile(w.profile, 'utf8'));
    await writeFile(w.profile, JSON.stringify({ ...profile, shares: { ...profile.shares, 'C:\\': w.serverC } }));
    const r = await runCli(['agents', '--simulate', w.profile, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).server).toBe('C:\\Program Files (x86)\\Trend Micro\\Apex One\\PCCSRV');
  });

  it('no CertificateManager: exit 2, listing the places looked at', async () => {
    world = await makeWorld();
    const r = await runCli(['agents', '--simulate', world.profile, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/CertificateManager\.exe was not found[\s\S]*C:\\Program Files \(x86\)\\Trend Micro\\Apex One\\PCCSRV/);
  });

  it('a failing CertificateManager: exit 1 with its exit code', async () => {
    const w = await server({ list: null, exitCode: 5 });
    const r = await runCli(['agents', '--simulate', w.profile, '--server-dir', w.pccsrv, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('CertificateManager did not produce the list (exit code 5');
  });

  it('a hanging CertificateManager is stopped at --timeout: exit 4', async () => {
    const w = await server({ list: null, hang: true });
    const r = await runCli(['agents', '--simulate', w.profile, '--server-dir', w.pccsrv, '--timeout', '1', '--json']);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout).outcome).toBe('timeout');
  });

  it('needs administrator rights', async () => {
    world = await makeWorld({ elevated: false });
    const r = await runCli(['agents', '--simulate', world.profile, '--lang', 'en']);
    expect(r.code).toBe(3);
  });
});
