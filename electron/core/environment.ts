/**
 * Step "environment": what this PC is. Reads everything through the Platform, so the same code
 * describes a real PC and a simulated one.
 */
import type { AgentRegistry, Arch, Platform } from '../platform/platform.js';
import type { ErrorDetails } from './errors.js';

export interface EnvironmentInfo {
  platform: Platform['kind'];
  /** The bitness acted on; null when the OS is not one we support. */
  arch: Arch | null;
  /** What the OS said, when the user chose another bitness with --arch. */
  detectedArch: Arch | null;
  elevated: boolean;
  hostname: string;
  codePage: number;
  agent: AgentRegistry | null;
}

export async function detectEnvironment(platform: Platform, archOverride: Arch | null): Promise<EnvironmentInfo> {
  const [detectedArch, elevated, hostname, codePage, agent] = await Promise.all([
    platform.arch(),
    platform.isElevated(),
    platform.hostname(),
    platform.codePage(),
    platform.agent(),
  ]);
  return { platform: platform.kind, arch: archOverride ?? detectedArch, detectedArch, elevated, hostname, codePage, agent };
}

/** What stops a fix on this PC (not an inspection): in the order a person should deal with them. */
export function environmentProblems(env: EnvironmentInfo): ErrorDetails[] {
  const problems: ErrorDetails[] = [];
  if (env.arch === null) problems.push({ code: 'unsupported-os' });
  if (!env.elevated) problems.push({ code: 'not-elevated' });
  if (!env.agent) problems.push({ code: 'no-agent' });
  return problems;
}
