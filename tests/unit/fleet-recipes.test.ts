/**
 * The recipe files in docs/fleet/, checked as far as this Linux machine allows (docs/fleet.md,
 * "What is tested here"): the Ansible playbook by ansible-playbook itself (syntax, module names,
 * and its own failed_when / changed_when / until expressions run against the real CLI), the
 * targets file as an Ansible inventory; PowerShell and cmd files are NOT parsed (no PowerShell
 * here): only their encoding, that no password is on a command line, and that the CLI options
 * they use exist.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump, load } from 'js-yaml';
import { HELP } from '../../electron/hosts/cli/help.js';
import { EXIT_CASES, prepareCase } from '../fixtures/fleet-cases.js';
import type { World } from '../fixtures/world.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FLEET = path.join(ROOT, 'docs/fleet');
const PLAYBOOK = path.join(FLEET, 'ansible/apex-cert-fix.yml');
const hasAnsible = execa('ansible-playbook', ['--version'], { reject: false }).then((r) => r.exitCode === 0, () => false);
const temps: string[] = [];
const worlds: World[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.cleanup()));
  await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
});
const env = { ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCALHOST_WARNING: 'false', ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false', ANSIBLE_RETRY_FILES_ENABLED: 'false' };

describe('Ansible playbook', () => {
  it('passes ansible-playbook --syntax-check (module names such as ansible.windows.win_command resolved)', async (ctx) => {
    if (!(await hasAnsible)) ctx.skip('ansible-playbook is not installed (scripts/setup.sh installs Debian\'s ansible)');
    const r = await execa('ansible-playbook', ['--syntax-check', '-i', 'localhost,', PLAYBOOK], { reject: false, env });
    expect(r.stderr + r.stdout).not.toMatch(/ERROR/);
    expect(r.exitCode).toBe(0);
  });

  it('takes the --targets-out file (CRLF, no BOM) as its inventory', async (ctx) => {
    if (!(await hasAnsible)) ctx.skip('ansible-playbook is not installed');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'acf-ansible-'));
    temps.push(dir);
    await writeFile(path.join(dir, 'targets.txt'), 'PC-001\r\nws-002.corp.example\r\n');
    const r = await execa('ansible-inventory', ['-i', path.join(dir, 'targets.txt'), '--list'], { env });
    expect(JSON.parse(r.stdout).ungrouped.hosts).toEqual(['PC-001', 'ws-002.corp.example']);
  });

  it('its failed_when / changed_when / until, with exit-codes.json, judge each real CLI run as the documentation says', async (ctx) => {
    if (!(await hasAnsible)) ctx.skip('ansible-playbook is not installed');
    const play = (load(readFileSync(PLAYBOOK, 'utf8')) as Record<string, any>[])[0]!;
    const run = play.tasks[0].block.find((t: Record<string, unknown>) => t.register === 'acf');
    // 6 is not in this build yet; one bad-input case is enough for the playbook's logic.
    const cases = EXIT_CASES.filter((c) => c.code !== 6 && !c.name.includes('password file'));
    const prepared = [];
    const caseWorlds: World[] = [];
    for (const c of cases) {
      const p = await prepareCase(c);
      worlds.push(p.world);
      caseWorlds.push(p.world);
      prepared.push({ name: c.name, argv: p.argv });
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'acf-ansible-'));
    temps.push(dir);
    // The playbook's own vars and conditions; only the module (command on localhost instead of
    // win_command over WinRM), the lookup's folder and the retry delay differ.
    const local = [
      {
        name: 'recipe logic',
        hosts: 'localhost',
        connection: 'local',
        gather_facts: false,
        vars: { ...play.vars, acf_exit_codes: play.vars.acf_exit_codes.replace("playbook_dir ~ '/../exit-codes.json'", `'${path.join(FLEET, 'exit-codes.json')}'`), acf_cases: prepared },
        tasks: [{ name: 'fix', 'ansible.builtin.command': { argv: '{{ item.argv }}' }, loop: '{{ acf_cases }}', register: 'acf', failed_when: run.failed_when, changed_when: run.changed_when, until: run.until, retries: 1, delay: 0, ignore_errors: true }],
      },
    ];
    const file = path.join(dir, 'local.yml');
    await writeFile(file, dump(local, { lineWidth: -1 }));
    const r = await execa('ansible-playbook', ['-i', 'localhost,', file], { reject: false, env: { ...env, ANSIBLE_STDOUT_CALLBACK: 'ansible.posix.json' }, timeout: 240_000 });
    const results = JSON.parse(r.stdout).plays[0].tasks[0].hosts.localhost.results as { rc: number; failed: boolean; changed: boolean; attempts?: number; stdout: string }[];
    const table = JSON.parse(readFileSync(path.join(FLEET, 'exit-codes.json'), 'utf8')).codes as { code: number; result: string }[];
    for (const [i, res] of results.entries()) {
      const name = prepared[i]!.name;
      const expected = table.find((t) => t.code === cases[i]!.code)!;
      expect(res.rc, name).toBe(expected.code);
      expect(res.failed, name).toBe(expected.result !== 'success');
      // Each run that gets as far as copying leaves a report: a retried case leaves two.
      const reports = (await readdir(caseWorlds[i]!.reportsDir).catch(() => [])).filter((n) => n.endsWith('.json'));
      if (expected.result === 'retry') expect(reports, name).toHaveLength(2);
      else expect(reports.length, name).toBeLessThanOrEqual(1);
      const outcome = JSON.parse(res.stdout).outcome;
      expect(res.changed, name).toBe(expected.result === 'success' && outcome === 'fixed');
    }
  }, 300_000);
});

describe('PowerShell and cmd recipe files (not parsed: no PowerShell on this machine)', () => {
  const files = readdirSync(FLEET, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ps1|cmd|yml)$/.test(f))
    .map((f) => path.join(FLEET, f));

  it('there are the recipe files docs/fleet.md names', () => {
    const names = files.map((f) => path.relative(FLEET, f)).sort();
    expect(names).toEqual(['ansible/apex-cert-fix.yml', 'powershell/Invoke-ApexCertFix.ps1', 'powershell/Test-ApexCertFixed.ps1', 'psexec/Invoke-Fleet.cmd']);
    const md = readFileSync(path.join(ROOT, 'docs/fleet.md'), 'utf8');
    for (const n of names) expect(md).toContain(path.basename(n));
  });

  for (const f of ['powershell/Invoke-ApexCertFix.ps1', 'powershell/Test-ApexCertFixed.ps1', 'psexec/Invoke-Fleet.cmd']) {
    it(`${f}: ASCII only (Windows PowerShell 5.1 and cmd read BOM-less files in the ANSI code page), CRLF-safe`, () => {
      const bytes = readFileSync(path.join(FLEET, f));
      expect([...bytes].filter((b) => b > 0x7e || (b < 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09))).toEqual([]);
    });
  }

  it('no recipe puts a password on a command line, and every CLI option they use exists', () => {
    const help = HELP.en;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const code = text.split(/\r?\n/).filter((l) => !/^\s*(#|rem\b|::)/i.test(l)).join('\n');
      expect(code, f).not.toMatch(/-pwd\b|--password(?!-file)|-Password\s+['"$]/i);
      for (const option of new Set(code.match(/--[a-z][a-z-]+/g) ?? [])) expect(help, `${f}: ${option}`).toContain(option);
    }
  });
});
