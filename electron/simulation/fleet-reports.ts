/**
 * Repair reports as a fleet leaves them on a central share, for the fleet view's tests and bench:
 * every field of the README's schema (version 1), output lines and checks included, so sizes and
 * parse costs are those of real reports (5–10 KB each).
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compactTimestamp } from '../base/timestamp.js';

export interface FakeReportOptions {
  hostname: string;
  createdAt: Date;
  outcome: 'fixed' | 'failed' | 'not-verified' | 'bad-input' | 'environment' | 'timeout' | 'cancelled' | 'already-fixed';
  serverSerial?: string;
  oldSerial?: string;
  /** How many IpXfer output lines the report carries (default 12). */
  lines?: number;
}

const hex = (seed: string, length: number) => createHash('sha256').update(seed).digest('hex').toUpperCase().slice(0, length);

const ERROR_CODE: Record<FakeReportOptions['outcome'], string | null> = {
  fixed: null,
  'already-fixed': null,
  failed: 'ipxfer-exit',
  'not-verified': 'not-verified',
  'bad-input': 'source-not-found',
  environment: 'not-elevated',
  timeout: 'timeout',
  cancelled: 'cancelled',
};

export function fakeReport(o: FakeReportOptions): Record<string, unknown> {
  const serverSerial = o.serverSerial ?? hex('server', 32);
  const oldSerial = o.oldSerial ?? hex('old', 32);
  const ran = ['fixed', 'failed', 'not-verified', 'timeout', 'cancelled'].includes(o.outcome);
  const after = o.outcome === 'fixed' || o.outcome === 'not-verified' ? serverSerial : oldSerial;
  const agentDir = 'C:\\Program Files (x86)\\Trend Micro\\Security Agent';
  const workDir = `C:\\Windows\\Temp\\ApexCertFix-${compactTimestamp(o.createdAt)}-${hex(o.hostname, 6)}`;
  const errorCode = ERROR_CODE[o.outcome];
  return {
    schemaVersion: 1,
    tool: { name: 'apex-cert-fix', version: '0.1.0' },
    mode: 'fix',
    platform: 'windows',
    createdAt: o.createdAt.toISOString(),
    lang: 'ja',
    outcome: o.outcome,
    error: errorCode ? { code: errorCode, message: `(${errorCode}) IpXfer の実行後も、エージェントはサーバーの証明書を持っていません。` } : null,
    computer: { hostname: o.hostname, arch: 'x64', detectedArch: 'x64', elevated: o.outcome !== 'environment', codePage: 932 },
    agent: { dir: agentDir, server: 'APEXSRV', programVersion: '14.0', build: 12526, certificateBefore: { path: `${agentDir}\\OfcNTCer.dat`, serial: o.outcome === 'already-fixed' ? serverSerial : oldSerial, matchesServer: o.outcome === 'already-fixed', problem: null } },
    source: { input: '\\\\APEXSRV', root: '\\\\APEXSRV\\ofcscan', tried: [{ path: '\\\\APEXSRV\\ofcscan', result: 'server-folder' }] },
    serverBuild: { value: 12526, evidence: [{ kind: 'datfhs-present', text: 'DatFHS_x64.dll が IpXfer と同じフォルダーにあります' }], needsDatFhs: true },
    plan: {
      fileArch: 'x64',
      files: [
        { role: 'certificate', name: 'OfcNTCer.dat', source: '\\\\APEXSRV\\ofcscan\\Pccnt\\Common\\OfcNTCer.dat', reason: 'サーバー証明書（KB 1102855）' },
        { role: 'ipxfer', name: 'IpXfer_x64.exe', source: '\\\\APEXSRV\\ofcscan\\Admin\\Utility\\IpXfer\\IpXfer_x64.exe', reason: '64 ビット Windows 用の IpXfer' },
        { role: 'datfhs', name: 'DatFHS_x64.dll', source: '\\\\APEXSRV\\ofcscan\\Admin\\Utility\\IpXfer\\DatFHS_x64.dll', reason: 'ビルド 12526 以降は IpXfer と一緒に必要' },
      ],
      notes: [],
    },
    files: ['OfcNTCer.dat', 'IpXfer_x64.exe', 'DatFHS_x64.dll'].map((name, i) => ({ role: ['certificate', 'ipxfer', 'datfhs'][i], name, source: `\\\\APEXSRV\\ofcscan\\${name}`, copy: `${workDir}\\${name}`, size: 1024 * (i + 1) * 97, sha256: hex(name, 64) })),
    certificate: { format: 'der', serial: serverSerial, subject: 'CN=OfficeScan Server NTSG', issuer: 'CN=OfficeScan Server NTSG', notBefore: '2026-01-10T00:00:00.000Z', notAfter: '2029-01-09T00:00:00.000Z', sha1: hex(serverSerial + '1', 40), sha256: hex(serverSerial + '256', 64), fileSha256: hex(serverSerial + 'f', 64), daysLeft: 900 },
    workDir,
    command: ran ? { executable: `${workDir}\\IpXfer_x64.exe`, args: ['-e', `${workDir}\\OfcNTCer.dat`, '-pwd', '********'], cwd: workDir } : null,
    run: ran
      ? { attempt: 1, exitCode: o.outcome === 'failed' ? 1 : 0, timedOut: o.outcome === 'timeout', cancelled: o.outcome === 'cancelled', durationMs: 8_400, output: Array.from({ length: o.lines ?? 12 }, (_, i) => `[${i + 1}] サーバー情報を更新しています... OfcNTCer.dat を読み込みました`), outputTotalLines: o.lines ?? 12, outputTruncated: false }
      : null,
    verification: ran
      ? {
          verdict: o.outcome === 'fixed' ? 'fixed' : o.outcome === 'failed' ? 'not-fixed' : 'unknown',
          checks: [
            { name: 'agent-certificate', result: after === serverSerial ? 'pass' : 'fail', path: `${agentDir}\\OfcNTCer.dat`, expectedSha256: hex(serverSerial + 'f', 64), actualSha256: hex(after + 'f', 64), actualSerial: after, problem: null, text: 'エージェントの証明書を確認しました' },
            { name: 'service', service: 'ntrtscan', state: 'running', result: 'pass', text: 'サービス ntrtscan: 実行中' },
            { name: 'service', service: 'tmlisten', state: 'running', result: 'pass', text: 'サービス tmlisten: 実行中' },
            { name: 'agent-server', result: 'info', registryServer: 'APEXSRV', text: 'エージェントの接続先サーバー: APEXSRV' },
          ],
        }
      : null,
    guidance: o.outcome === 'fixed' || o.outcome === 'already-fixed' ? null : 'IpXfer でエージェントが回復しない場合は、エージェントを再インストールしてください（KB 1102855）。',
    publisher: { checks: [{ name: 'IpXfer_x64.exe', role: 'ipxfer', outcome: 'trusted', osStatus: 'Valid', signer: 'CN=Trend Micro, Inc., O=Trend Micro, Inc.', digestAlgorithm: 'sha256', authority: 'windows', problem: null, chain: [{ subject: 'CN=Trend Micro, Inc., O=Trend Micro, Inc.', issuer: 'CN=DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1, O=DigiCert, Inc., C=US', sha256: 'A'.repeat(64) }], chainMissingIssuer: null, signedAt: null }], allTrusted: true, override: false },
    kit: null,
  };
}

/** Writes `<hostname>_<stamp>.json` (as the tool names them) into `dir`; returns the path. */
export async function writeFakeReport(dir: string, o: FakeReportOptions): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${o.hostname}_${compactTimestamp(o.createdAt)}.json`);
  await writeFile(file, JSON.stringify(fakeReport(o), null, 2) + '\n');
  return file;
}
