/**
 * Writes a PCCSRV folder as the server has it (KB 1102855 layout) with a certificate and fake
 * IpXfer programs: the training mode's server share and every test's.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as ResEdit from 'resedit';
import { fakeIpXferScript, type FakeIpXferBehaviour } from './fake-ipxfer.js';
import { fakeCertificateManagerScript, type FakeCertificateManagerBehaviour } from './fake-certificate-manager.js';

export interface ServerTreeOptions {
  /** Certificate bytes for Pccnt\Common\OfcNTCer.dat; null leaves it out. */
  certificate: Buffer | string | null;
  /** Which IpXfer programs to write (default both). */
  ipxfer?: ('x86' | 'x64')[];
  /** Which DatFHS DLLs to write (default none). */
  datfhs?: ('x86' | 'x64')[];
  /** How the names are spelled on disk: as in the KB, or upper case (Windows does not care). */
  nameCase?: 'kb' | 'upper' | 'lower';
  behaviour?: FakeIpXferBehaviour;
  /** Write IpXfer as a real (non-runnable) PE carrying this FileVersion instead of a script. */
  peVersion?: string;
  /** Add Admin\Utility\CertificateManager\CertificateManager.exe behaving like this. */
  certificateManager?: FakeCertificateManagerBehaviour;
}

const NAMES = {
  ipxfer: { x86: 'IpXfer.exe', x64: 'IpXfer_x64.exe' },
  datfhs: { x86: 'DatFHS.dll', x64: 'DatFHS_x64.dll' },
} as const;

function spell(name: string, c: ServerTreeOptions['nameCase']): string {
  return c === 'upper' ? name.toUpperCase() : c === 'lower' ? name.toLowerCase() : name;
}

/** A minimal PE image whose version resource says `version` (e.g. "14.0.0.12526"). */
export function peWithVersion(version: string, isDll: boolean): Buffer {
  const exe = ResEdit.NtExecutable.createEmpty(false, isDll);
  const res = ResEdit.NtExecutableResource.from(exe);
  const vi = ResEdit.Resource.VersionInfo.createEmpty();
  vi.setFileVersion(version, 1041);
  vi.setProductVersion(version, 1041);
  vi.setStringValues({ lang: 1041, codepage: 1200 }, { CompanyName: 'Simulated', FileDescription: 'Simulated file', FileVersion: version });
  vi.outputToResourceEntries(res.entries);
  res.outputResource(exe);
  return Buffer.from(exe.generate());
}

/** Writes PCCSRV's content into `pccsrv` (the folder itself is created). */
export async function writeServerTree(pccsrv: string, o: ServerTreeOptions): Promise<void> {
  const c = o.nameCase ?? 'kb';
  const common = path.join(pccsrv, spell('Pccnt', c), spell('Common', c));
  const ipxferDir = path.join(pccsrv, spell('Admin', c), spell('Utility', c), spell('IpXfer', c));
  await mkdir(common, { recursive: true });
  await mkdir(ipxferDir, { recursive: true });
  if (o.certificate !== null) await writeFile(path.join(common, spell('OfcNTCer.dat', c)), o.certificate);
  for (const arch of o.ipxfer ?? ['x86', 'x64']) {
    const file = path.join(ipxferDir, spell(NAMES.ipxfer[arch], c));
    const dll = (o.datfhs ?? []).includes(arch) ? spell(NAMES.datfhs[arch], c) : undefined;
    if (o.peVersion) await writeFile(file, peWithVersion(o.peVersion, false));
    else await writeFile(file, fakeIpXferScript({ ...o.behaviour, requireDll: o.behaviour?.requireDll ?? dll }));
    await chmod(file, 0o755);
  }
  if (o.certificateManager) {
    const dir = path.join(pccsrv, spell('Admin', c), spell('Utility', c), spell('CertificateManager', c));
    await mkdir(dir, { recursive: true });
    const exe = path.join(dir, spell('CertificateManager.exe', c));
    await writeFile(exe, fakeCertificateManagerScript(o.certificateManager));
    await chmod(exe, 0o755);
  }
  for (const arch of o.datfhs ?? []) {
    await writeFile(path.join(ipxferDir, spell(NAMES.datfhs[arch], c)), o.peVersion ? peWithVersion(o.peVersion, true) : `simulated ${NAMES.datfhs[arch]}\n`);
  }
}
