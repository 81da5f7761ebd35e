/**
 * Where Trend Micro keeps what the repair needs. Every rule here comes from docs/vendor-facts.md;
 * the KB / KA ids say which document states it.
 */
import type { Arch } from '../platform/platform.js';

/** The bitness of the IpXfer files. ARM64 Windows runs x64 programs under emulation, so it gets x64. */
export type FileArch = 'x86' | 'x64';

export function fileArchFor(arch: Arch): FileArch {
  return arch === 'x86' ? 'x86' : 'x64';
}

/** KB 1102855: `<install>\PCCSRV\Pccnt\Common\OfcNTCer.dat`. */
export const CERTIFICATE_PATH = ['Pccnt', 'Common', 'OfcNTCer.dat'] as const;
/** KB 1102855: `<install>\PCCSRV\Admin\Utility\IpXfer\`. */
export const IPXFER_FOLDER = ['Admin', 'Utility', 'IpXfer'] as const;
/** KB 1102855 (names matched case-insensitively: the KB spells them `Ipxfer_x64.exe` too). */
export const IPXFER_NAME: Record<FileArch, string> = { x86: 'IpXfer.exe', x64: 'IpXfer_x64.exe' };
/** KB 1102855: build 12526 and later need the DatFHS DLL of the same bitness beside IpXfer. */
export const DATFHS_NAME: Record<FileArch, string> = { x86: 'DatFHS.dll', x64: 'DatFHS_x64.dll' };
export const DATFHS_FROM_BUILD = 12526;
/** KB 1102855: the server's folder holding PCCSRV, by install history and OS bitness. */
export const INSTALL_FOLDERS = [
  ['Program Files (x86)', 'Trend Micro', 'Apex One'],
  ['Program Files (x86)', 'Trend Micro', 'OfficeScan'],
  ['Program Files', 'Trend Micro', 'Apex One'],
  ['Program Files', 'Trend Micro', 'OfficeScan'],
] as const;
/** docs/vendor-facts.md "Network share": `\\<server>\ofcscan` is the share of PCCSRV. */
export const PCCSRV_SHARE = 'ofcscan';
export const PCCSRV_FOLDER = 'PCCSRV';
/** KB 1102855 (agent side): the agent keeps its copy of the certificate in its own folder. */
export const AGENT_CERTIFICATE = 'OfcNTCer.dat';
/** docs/vendor-facts.md "Agent PC" (C): real-time scan and listener services. */
export const AGENT_SERVICES = ['ntrtscan', 'tmlisten'] as const;
/** Folder names inside PCCSRV a person might point at instead of PCCSRV itself. */
export const PCCSRV_SUBFOLDERS = new Set(['pccnt', 'common', 'admin', 'utility', 'ipxfer']);
