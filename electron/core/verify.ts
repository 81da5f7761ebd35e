/**
 * Step "verify": IpXfer's exit code is not documented (docs/vendor-facts.md "IpXfer": U), so the fix is judged on
 * what the agent holds afterwards: its OfcNTCer.dat must be the server's certificate, and its
 * services should be running again (IpXfer restarts them: KA-0006149). Each check keeps its evidence.
 */
import { createHash } from 'node:crypto';
import type { AgentRegistry, Platform, ServiceState } from '../platform/platform.js';
import { CertificateParseError, readCertificateBytes, readCertificateFile, type CertificateFile, type CertificateInfo } from './certificate.js';
import { AGENT_CERTIFICATE, AGENT_SERVICES } from './vendor-layout.js';
import { joinDisplay } from '../base/windows-path.js';
import type { Clock } from '../base/clock.js';

/** What verify found on the agent after IpXfer (not the trust check's verdict on a program: trust/verdict.ts). */
export type AgentVerdict = 'fixed' | 'not-fixed' | 'unknown';

export type Check =
  | { name: 'agent-certificate'; result: 'pass' | 'fail' | 'unknown'; path: string; expectedSha256: string; actualSha256: string | null; actualSerial: string | null; problem: string | null }
  | { name: 'service'; service: string; result: 'pass' | 'fail' | 'unknown'; state: ServiceState }
  | { name: 'agent-server'; result: 'info'; registryServer: string | null }
  | { name: 'exit-code'; result: 'pass' | 'warn'; exitCode: number | null };

export interface Verification {
  verdict: AgentVerdict;
  checks: Check[];
}

export interface AgentCertificate {
  path: string;
  sha256File: string | null;
  certificate: CertificateInfo | null;
  problem: string | null;
}

/** Reads the agent's copy of the certificate: what verify compares, and what inspect shows before. */
export async function readAgentCertificate(platform: Platform, agent: AgentRegistry): Promise<AgentCertificate> {
  const display = joinDisplay(agent.dir, AGENT_CERTIFICATE);
  const local = platform.toLocalPath(display);
  if (!local.ok) return { path: display, sha256File: null, certificate: null, problem: local.reason };
  let bytes: Buffer;
  try {
    bytes = await readCertificateFile(local.path);
  } catch (e) {
    if (e instanceof CertificateParseError) return { path: display, sha256File: null, certificate: null, problem: e.problem };
    return { path: display, sha256File: null, certificate: null, problem: (e as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
  try {
    return { path: display, ...readCertificateBytes(bytes), problem: null };
  } catch {
    return { path: display, sha256File: createHash('sha256').update(bytes).digest('hex').toUpperCase(), certificate: null, problem: 'not-a-certificate' };
  }
}

/** Same certificate: identical file, or the same certificate in another encoding (DER vs PEM). */
export function sameCertificate(agent: AgentCertificate, server: CertificateFile): boolean {
  return agent.sha256File === server.sha256File || (agent.certificate !== null && agent.certificate.sha256 === server.certificate.sha256);
}

export interface VerifyOptions {
  platform: Platform;
  agent: AgentRegistry;
  server: CertificateFile;
  exitCode: number | null;
  /** How long to wait for services that IpXfer is still restarting. */
  settleMs: number;
  pollMs?: number;
  /** The session's clock: the settle time is measured and waited on it. */
  clock: Clock;
  signal?: AbortSignal;
  /** Called before each wait, with the time waited so far: shown as "waiting for the agent". */
  onWaiting?: (elapsedMs: number) => void;
}

async function checkOnce(o: VerifyOptions): Promise<Verification> {
  const cert = await readAgentCertificate(o.platform, o.agent);
  const matches = sameCertificate(cert, o.server);
  const certCheck: Check = {
    name: 'agent-certificate',
    result: matches ? 'pass' : cert.sha256File === null ? 'unknown' : 'fail',
    path: cert.path,
    expectedSha256: o.server.sha256File,
    actualSha256: cert.sha256File,
    actualSerial: cert.certificate?.serial ?? null,
    problem: cert.problem,
  };
  const services: Check[] = [];
  for (const service of AGENT_SERVICES) {
    const state = await o.platform.serviceState(service);
    // Only a service that answers "stopped" fails; one that is missing or unreadable is not known.
    services.push({ name: 'service', service, state, result: state === 'running' ? 'pass' : state === 'stopped' ? 'fail' : 'unknown' });
  }
  const registry = await o.platform.agent();
  const checks: Check[] = [
    certCheck,
    ...services,
    { name: 'agent-server', result: 'info', registryServer: registry?.server ?? null },
    { name: 'exit-code', result: o.exitCode === 0 ? 'pass' : 'warn', exitCode: o.exitCode },
  ];
  // Only the certificate can prove the fix; stopped services leave it open, never "fixed".
  const servicesOk = services.every((c) => c.result === 'pass');
  const verdict: AgentVerdict = certCheck.result === 'fail' ? 'not-fixed' : certCheck.result === 'pass' && servicesOk ? 'fixed' : 'unknown';
  return { verdict, checks };
}

/**
 * Re-reads the agent until it holds the server's certificate with its services running, or the
 * settle time ends: the agent may take the new file only after its service restarts or its next
 * update (KA-0010504), so a first read of the old file decides nothing.
 */
export async function verifyFix(o: VerifyOptions): Promise<Verification> {
  const started = o.clock.now().getTime();
  const deadline = started + o.settleMs;
  for (;;) {
    const result = await checkOnce(o);
    const now = o.clock.now().getTime();
    if (result.verdict === 'fixed' || now >= deadline || o.signal?.aborted) return result;
    o.onWaiting?.(now - started);
    await o.clock.sleep(Math.min(o.pollMs ?? 2000, Math.max(0, deadline - now)), o.signal);
  }
}
