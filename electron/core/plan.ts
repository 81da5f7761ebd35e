/**
 * Step "plan": the pure decision of which files go to the PC and why (KB 1102855). No I/O: it works
 * on what `source` found and what `server-build` concluded, so the vendor rules are tested here.
 */
import type { Arch } from '../platform/platform.js';
import { daysLeft, type CertificateInfo } from './certificate.js';
import { FixError } from './errors.js';
import type { ServerBuild } from './server-build.js';
import type { ServerMatch } from './server-match.js';
import type { ServerFiles, SourceFile } from './server-files.js';
import { CERTIFICATE_PATH, DATFHS_FROM_BUILD, DATFHS_NAME, IPXFER_NAME, fileArchFor, type FileArch } from './vendor-layout.js';
import { joinDisplay } from '../base/windows-path.js';

export type FileRole = 'certificate' | 'ipxfer' | 'datfhs';

export type PlanReason =
  | { code: 'certificate' }
  | { code: 'ipxfer-for-arch'; arch: Arch }
  | { code: 'datfhs-for-build'; build: number }
  | { code: 'datfhs-unknown-build' }
  /** The evidence says an older build, but that reading is unconfirmed (docs/vendor-facts.md "Server build": U): the DLL the server has goes too. */
  | { code: 'datfhs-beside-ipxfer'; build: number };

export type PlanNote =
  | { code: 'arm64-uses-x64' }
  | { code: 'datfhs-absent-build-unknown'; name: string }
  | { code: 'agent-build-suggests-datfhs'; build: number; name: string }
  | { code: 'kit'; createdAt: string; from: string }
  | { code: 'kit-build-unknown' }
  | { code: 'source-names-no-server'; agent: string | null }
  | { code: 'other-server-allowed'; source: string; agent: string | null; unknown: boolean }
  | { code: 'certificate-expired'; notAfter: string }
  | { code: 'certificate-expiring'; notAfter: string; days: number };

export interface PlannedFile {
  role: FileRole;
  name: string;
  source: SourceFile;
  reason: PlanReason;
}

export interface Plan {
  arch: Arch;
  fileArch: FileArch;
  files: PlannedFile[];
  notes: PlanNote[];
}

export function planFiles(files: ServerFiles, arch: Arch, build: ServerBuild): Plan {
  const fileArch = fileArchFor(arch);
  const notes: PlanNote[] = [];
  if (files.kit) notes.push({ code: 'kit', createdAt: files.kit.createdAt, from: files.kit.createdFrom });
  if (files.kit && build.value === null) notes.push({ code: 'kit-build-unknown' });
  if (arch === 'arm64') notes.push({ code: 'arm64-uses-x64' });

  if (!files.certificate) {
    throw new FixError({ code: 'certificate-missing', expected: joinDisplay(files.root, ...CERTIFICATE_PATH), tried: files.tried });
  }
  const ipxfer = files.ipxfer[fileArch];
  if (!ipxfer) throw new FixError({ code: 'ipxfer-missing', name: IPXFER_NAME[fileArch], folder: files.ipxferFolder, tried: files.tried });

  const planned: PlannedFile[] = [
    { role: 'certificate', name: files.certificate.name, source: files.certificate, reason: { code: 'certificate' } },
    { role: 'ipxfer', name: ipxfer.name, source: ipxfer, reason: { code: 'ipxfer-for-arch', arch } },
  ];

  const dll = files.datfhs[fileArch];
  // The build decides only whether a missing DLL is refused: a DLL the source has always goes with
  // IpXfer (and is signature-checked like it). Whether IpXfer's file version is the server build is
  // unconfirmed (docs/vendor-facts.md "Server build"), so an "old" version must never leave the DLL behind.
  if (dll) {
    const reason: PlanReason =
      build.value === null ? { code: 'datfhs-unknown-build' } : build.value >= DATFHS_FROM_BUILD ? { code: 'datfhs-for-build', build: build.value } : { code: 'datfhs-beside-ipxfer', build: build.value };
    planned.push({ role: 'datfhs', name: dll.name, source: dll, reason });
  } else if (build.needsDatFhs) {
    // Only a known build can demand the DLL; the plan refuses rather than run an IpXfer that cannot work.
    throw new FixError({ code: 'datfhs-missing', name: DATFHS_NAME[fileArch], folder: files.ipxferFolder, build: build.value ?? DATFHS_FROM_BUILD });
  } else if (build.value === null) {
    notes.push({ code: 'datfhs-absent-build-unknown', name: DATFHS_NAME[fileArch] });
    const agentBuild = build.evidence.find((e) => e.kind === 'agent-build');
    if (agentBuild && agentBuild.build >= DATFHS_FROM_BUILD) {
      notes.push({ code: 'agent-build-suggests-datfhs', build: agentBuild.build, name: DATFHS_NAME[fileArch] });
    }
  }
  return { arch, fileArch, files: planned, notes };
}

/**
 * A renewed server certificate is the usual cause of the mismatch (docs/vendor-facts.md "Certificates"), and an
 * expired one cannot fix anything: say so before anything is copied.
 */
export function certificateNotes(certificate: Pick<CertificateInfo, 'notAfter'>, now: Date): PlanNote[] {
  const days = daysLeft(certificate, now);
  if (days < 0) return [{ code: 'certificate-expired', notAfter: certificate.notAfter }];
  if (days <= 30) return [{ code: 'certificate-expiring', notAfter: certificate.notAfter, days }];
  return [];
}

/**
 * Whose files these are (issue 18 §2): a local folder names no server, so the plan names the
 * agent's server to compare with; another server's files used on the user's word are said too.
 */
export function serverNotes(m: ServerMatch): PlanNote[] {
  if (m.verdict === 'no-server') return [{ code: 'source-names-no-server', agent: m.agent }];
  if (m.allowed && m.source !== null) return [{ code: 'other-server-allowed', source: m.source, agent: m.agent, unknown: m.verdict === 'unknown' }];
  return [];
}
