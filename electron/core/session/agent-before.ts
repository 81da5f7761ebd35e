/**
 * The agent before any run: its certificate against the server's, and — when they already match —
 * which of its services are not running (then IpXfer, which restarts them, is still worth running:
 * KA-0006149). Nothing to repair means both are fine.
 */
import { abortable } from '../../base/abortable.js';
import type { AgentRegistry, Platform } from '../../platform/platform.js';
import type { CertificateFile } from '../certificate.js';
import { AGENT_SERVICES } from '../vendor-layout.js';
import { readAgentCertificate, sameCertificate } from '../verify.js';
import type { AgentCertificateBefore } from './state.js';

export async function agentBefore(platform: Platform, agent: AgentRegistry, server: CertificateFile, signal: AbortSignal): Promise<AgentCertificateBefore> {
  const agentCert = await abortable(readAgentCertificate(platform, agent), signal);
  const matchesServer = sameCertificate(agentCert, server);
  // Looked at whether or not the certificates match: a service stopped before the run belongs in the diagnosis.
  const servicesDown: string[] = [];
  for (const service of AGENT_SERVICES) {
    if ((await abortable(platform.serviceState(service), signal)) !== 'running') servicesDown.push(service);
  }
  return { path: agentCert.path, serial: agentCert.certificate?.serial ?? null, notAfter: agentCert.certificate?.notAfter ?? null, matchesServer, servicesDown, problem: agentCert.problem };
}

/** Nothing to repair: the agent holds the server's certificate and its services run. */
export function alreadyFixed(before: AgentCertificateBefore | null): boolean {
  return !!before?.matchesServer && before.servicesDown.length === 0;
}
