/**
 * The training mode's world: resources/demo/profile.json plus a freshly generated server share, PC
 * drive (with an out-of-date agent certificate) and USB stick (`E:\`), so every start shows the
 * whole repair. Each start gets a world of its own: a second training instance never touches the
 * first one's files (reports, settings, certificates).
 */
import { realpathSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../base/package-root.js';
import iconv from 'iconv-lite';
import { DEMO_FAST_LINE_DELAY_MS, DEMO_LINE_DELAY_MS, DEMO_LINES_JA } from './fake-ipxfer.js';
import { makeCertificate } from './make-certificate.js';
import { writeServerTree } from './server-tree.js';

/** The KB 1102855 example password, so training matches the document people have open. */
export const DEMO_PASSWORD = 'trend';

/** The template the demo worlds are made from (looked up when needed: the standalone exe has no package folder). */
export function demoProfileTemplate(): string {
  return path.join(packageRoot(), 'resources', 'demo', 'profile.json');
}

/** True when `file` is the template itself (its folders exist only in a world made from it). */
export function isDemoTemplate(file: string): boolean {
  const real = (f: string) => {
    try {
      return realpathSync(f);
    } catch {
      return path.resolve(f);
    }
  };
  let template: string;
  try {
    template = demoProfileTemplate();
  } catch {
    return false; // the standalone exe carries no template
  }
  return real(file) === real(template);
}

export interface Demo {
  /** The world's own folder: shares, profiles, reports and settings of this instance only. */
  folder: string;
  profile: string;
  /** The same world seen from the server (C: is the server's): for the mismatched agents list. */
  serverProfile: string;
  agentDir: string;
  /** The simulated USB stick (`E:\\` in the profile). */
  usb: string;
}

/** The list the demo server's CertificateManager writes (CP932, Japanese headers: our guess at its shape). */
const DEMO_AGENTS = [
  'コンピュータ名,IPアドレス,ドメイン,GUID',
  'PC-TRAINING-01,192.168.10.21,本社\\総務,1b4e28ba-2fa1-11d2-883f-0016d3cca427',
  'PC-SALES-07,192.168.20.57,本社\\営業,6fa459ea-ee8a-3ca4-894e-db77e160355e',
  'NB-KEIRI-03,192.168.30.13,本社\\経理,7c9e6679-7425-40de-944b-e07fc1f90ae7',
].join('\r\n');

/**
 * The training worlds (issue 20 §6): the usual repair; a service already stopped before the run
 * (the diagnosis says so, IpXfer starts it again); IpXfer that leaves the agent's services stopped
 * (the result offers to start them).
 */
export const DEMO_WORLDS = ['standard', 'service-stopped', 'services-left-stopped'] as const;
export type DemoWorld = (typeof DEMO_WORLDS)[number];

export interface DemoOptions {
  /** The training IpXfer in a second or so instead of at least 15 s (tests). */
  fast?: boolean;
  world?: DemoWorld;
}

/** Makes a training world in `folder` (default: a new folder in the temp folder, never a shared one). */
export async function createDemo(folder?: string, template = demoProfileTemplate(), options: DemoOptions = {}): Promise<Demo> {
  const profile = JSON.parse(await readFile(template, 'utf8'));
  const world = options.world ?? 'standard';
  // The service states live in a file the stand-in IpXfer writes (it stops and starts them).
  profile.servicesFile = 'services.json';
  if (world === 'service-stopped') profile.services = { ...profile.services, ntrtscan: 'stopped' };
  const dir = folder ?? (await mkdtemp(path.join(os.tmpdir(), 'apex-cert-fix-demo-')));
  await mkdir(dir, { recursive: true });
  const local = (share: string) => path.join(dir, profile.shares[share]);
  const agentDir = path.join(local('C:\\'), ...profile.agent.dir.split('\\').slice(1));

  const serverCert = makeCertificate();
  const oldCert = makeCertificate({ notBefore: new Date(Date.now() - 3 * 365 * 86_400_000) });
  await writeServerTree(local('\\\\APEXSRV\\ofcscan'), {
    certificate: serverCert.der,
    datfhs: ['x86', 'x64'],
    behaviour: {
      agentDir,
      password: DEMO_PASSWORD,
      encoding: 'cp932',
      lines: DEMO_LINES_JA,
      lineDelayMs: options.fast ? DEMO_FAST_LINE_DELAY_MS : DEMO_LINE_DELAY_MS,
      servicesFile: path.join(dir, 'services.json'),
      leaveServicesStopped: world === 'services-left-stopped',
    },
    certificateManager: { list: iconv.encode(DEMO_AGENTS + '\r\n', 'cp932') },
  });
  await mkdir(agentDir, { recursive: true });
  await writeFile(path.join(agentDir, 'OfcNTCer.dat'), oldCert.der);
  // `E:\\` typed in training is the stick, as on Windows: for `kit --out E:\\` and `--source E:\\`.
  const usb = profile.shares['E:\\'] ? local('E:\\') : path.join(dir, 'usb');
  await mkdir(usb, { recursive: true });
  const profileFile = path.join(dir, 'profile.json');
  await writeFile(profileFile, JSON.stringify(profile, null, 2));
  const serverProfile = path.join(dir, 'server-profile.json');
  await writeFile(serverProfile, JSON.stringify({ ...profile, hostname: 'APEXSRV', agent: null, servicesFile: null, shares: { ...profile.shares, 'C:\\': profile.shares['\\\\APEXSRV\\c$'] } }, null, 2));
  return { folder: dir, profile: profileFile, serverProfile, agentDir, usb };
}
