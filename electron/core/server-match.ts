/**
 * The certificate goes to the agent's own server (issue 18 §2): on sites with several Apex One
 * servers, or with an old USB kit, the files found may be another server's, and IpXfer would make
 * the agent trust that server's key. The server the files come from — a UNC host, or the host a kit
 * was made from — must be the one the agent registered (`Server` in its registry key, docs/vendor-facts.md "Agent
 * PC"). Pure rules here; name resolution is the platform's (a resolver is passed in).
 */
import { isIP } from 'node:net';
import { cleanSourceInput } from './source.js';
import type { ServerFiles } from './server-files.js';
import { splitWindowsPath } from '../base/windows-path.js';

/** The addresses a name resolves to, or null when it cannot be resolved (no DNS, unknown name). */
export type HostResolver = (name: string) => Promise<string[] | null>;

/**
 * - `same`: the files come from the agent's server (`how` says by which rule);
 * - `different`: they come from another server;
 * - `unknown`: it cannot be told (the agent names no server, or a name that does not resolve);
 * - `no-server`: a local folder (a copied PCCSRV, a kit made from one) names no server;
 * - `no-agent`: there is no agent to compare with (the PC is not ready anyway).
 */
export type ServerVerdict = 'same' | 'different' | 'unknown' | 'no-server' | 'no-agent';

export interface ServerMatch {
  /** The server the files come from (null: a local folder names none). */
  source: string | null;
  /** The agent's registered `Server`. */
  agent: string | null;
  verdict: ServerVerdict;
  /** For `same`: equal names, a short name and its FQDN, or one address. For `unknown`: why. */
  how: 'name' | 'short-name' | 'address' | 'agent-has-no-server' | 'not-resolved' | null;
  /** The user confirmed using another server's files (`--allow-other-server`, the wizard's confirmation). */
  allowed: boolean;
}

/** The UNC host of a path as typed (`\\host\share\...`, `\\host`), or null for a local path. */
export function uncHost(p: string): string | null {
  const parts = splitWindowsPath(cleanSourceInput(p));
  const first = parts[0];
  if (!first?.startsWith('\\\\')) return null;
  // Win32 device paths: `\\?\UNC\host\share` names a host, `\\?\C:\...` and `\\.\...` a local place.
  if (first === '\\\\?' || first === '\\\\.') return parts[1]?.toLowerCase() === 'unc' && parts[2] ? parts[2] : null;
  return first.slice(2);
}

/** The server the files come from: the UNC host of what was found, or of what the kit was made from. */
export function sourceServer(files: Pick<ServerFiles, 'root' | 'kit'>): string | null {
  if (files.kit) return uncHost(files.kit.createdInput) ?? uncHost(files.kit.createdFrom);
  return uncHost(files.root);
}

function normalize(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
}

/** Same name, or a short name that is the other's FQDN's first label (`apexsrv` = `apexsrv.corp.local`). */
function sameName(a: string, b: string): 'name' | 'short-name' | null {
  if (a === b) return 'name';
  const [short, long] = a.includes('.') ? [b, a] : [a, b];
  if (!short.includes('.') && long.includes('.') && long.split('.')[0] === short) return 'short-name';
  return null;
}

async function addresses(resolve: HostResolver, host: string): Promise<string[] | null> {
  if (isIP(host)) return [host];
  const found = await resolve(host).catch(() => null);
  return found && found.length ? found.map(normalize) : null;
}

/**
 * Compares the files' server with the agent's. An address and a name are compared by resolving the
 * name; two different names are also the same server when they resolve to a common address (an
 * alias), and different otherwise.
 */
export async function matchServers(source: string | null, agent: string | null, hasAgent: boolean, resolve: HostResolver): Promise<ServerMatch> {
  const result = (verdict: ServerVerdict, how: ServerMatch['how'] = null): ServerMatch => ({ source, agent, verdict, how, allowed: false });
  if (!hasAgent) return result('no-agent');
  if (source === null) return result('no-server');
  if (agent === null || agent.trim() === '') return result('unknown', 'agent-has-no-server');
  const a = normalize(source);
  const b = normalize(agent);
  const ipA = isIP(a) !== 0;
  const ipB = isIP(b) !== 0;
  if (!ipA && !ipB) {
    const how = sameName(a, b);
    if (how) return result('same', how);
  } else if (a === b) {
    return result('same', 'address');
  }
  const [addrA, addrB] = await Promise.all([addresses(resolve, a), addresses(resolve, b)]);
  if (addrA && addrB) return result(addrA.some((x) => addrB.includes(x)) ? 'same' : 'different', addrA.some((x) => addrB.includes(x)) ? 'address' : null);
  // Two names that differ are two servers unless a resolver says otherwise; with an address on
  // one side, a name that does not resolve leaves it open.
  if (!ipA && !ipB) return result('different');
  return result('unknown', 'not-resolved');
}

/** Whether the match stops a repair (unless the user confirmed another server). */
export function refusesRepair(m: ServerMatch): boolean {
  return m.verdict === 'different' || m.verdict === 'unknown';
}
