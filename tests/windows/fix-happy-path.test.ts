/**
 * `fix` on a 64-bit Japanese PC with an unload password: the product reads the agent from real
 * reg.exe, the services from real sc.exe, copies IpXfer with its DatFHS DLL, runs it (the Windows
 * loader finds the DLL beside it), decodes its CP932 output, masks the password, and verifies.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { agentCertificatePath, certificate, lane, makeShare, resetAgent, runFolder, serviceState, skipReason } from './lane/lane.js';
import { runCli } from './lane/run-cli.js';

// Space, quotes, & and Japanese: one argument through Windows command-line quoting, never a shell.
const PASSWORD = 'Tr3nd! "パス" & ワード';
// The CLI takes no test root, by design (core/trust/publisher.ts: only as an API parameter), and
// on Windows the OS judges the root, which Wine cannot: the lane's programs run knowingly here.
// The trust check with the test root is covered in publisher.test.ts.
const UNVERIFIED = '--allow-unverified-publisher';

describe.skipIf(skipReason())(`fix, happy path${skipReason() ? ` (skipped: ${skipReason()})` : ''}`, () => {
  it('x64 with a password ends fixed from real reg.exe / sc.exe answers; Japanese output decoded; password nowhere', async () => {
    const l = lane();
    const source = makeShare(l, 'happy', { ipxfer: 'datfhs', dll: true });
    resetAgent(l, { password: PASSWORD, echoArgs: true });
    const run = runFolder(l, 'happy');
    const r = await runCli(l, ['fix', '--source', source, '--password-stdin', UNVERIFIED, '--work-dir', `${run.win}\\work`, '--reports-dir', `${run.win}\\reports`, '--json', '--lang', 'ja'], { stdin: `${PASSWORD}\n` });
    const report = r.json;
    expect(r.code).toBe(0);
    expect(report.outcome).toBe('fixed');
    expect(report.platform).toBe('windows');
    expect(report.publisher.override).toBe(true);
    // From reg.exe (/reg:32) and the registry's OEMCP under a Japanese locale.
    expect(report.computer).toMatchObject({ arch: 'x64', elevated: true, codePage: 932 });
    expect(report.agent).toMatchObject({ dir: 'C:\\Program Files (x86)\\Trend Micro\\Security Agent', server: 'apexsrv.lane.example', programVersion: '14.0', build: 12526 });
    expect(report.serverBuild.value).toBe(12526);
    expect(report.files.map((f: { name: string }) => f.name.toLowerCase())).toEqual(['ofcntcer.dat', 'ipxfer_x64.exe', 'datfhs_x64.dll']);
    // From sc.exe after IpXfer restarted the real services.
    const services = report.verification.checks.filter((c: { name: string }) => c.name === 'service');
    expect(services.map((c: { service: string; state: string }) => [c.service, c.state]).sort()).toEqual([['ntrtscan', 'running'], ['tmlisten', 'running']]);
    expect(serviceState(l, 'tmlisten')).toBe(4);
    // The agent really holds the server's certificate.
    expect(readFileSync(agentCertificatePath(l))).toEqual(certificate(l, 'server'));
    // IpXfer's CP932 lines, decoded; the DLL loaded by the Windows loader from IpXfer's folder.
    const output: string[] = report.run.output;
    expect(output).toContain('IpXfer (テスト用の偽物) を開始します。');
    expect(output).toContain('DatFHS を読み込みました (ビルド 12526)。');
    expect(output.some((line) => line.startsWith('証明書を書き込みました: C:\\Program Files (x86)\\Trend Micro\\Security Agent\\OfcNTCer.dat'))).toBe(true);
    // IpXfer got the password as one argument and echoed it: that line is hidden whole, the
    // arguments before it are not.
    expect(output).toContain('引数 3: -pwd');
    expect(output).toContain('********');
    expect(output.some((line) => line.startsWith('引数 4'))).toBe(false);
    const reports = readdirSync(path.join(run.linux, 'reports')).map((n) => readFileSync(path.join(run.linux, 'reports', n), 'utf8'));
    expect(reports).toHaveLength(2);
    for (const text of [r.stdout, r.stderr, ...reports]) {
      expect(text).not.toContain('パス" & ワード');
      expect(text).not.toContain('Tr3nd!');
    }
  });
});
