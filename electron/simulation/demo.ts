/**
 * The training mode's world: resources/demo/profile.json plus a freshly generated server share and
 * PC drive (with an out-of-date agent certificate), so every start shows the whole repair.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../package-root.js';
import { DEMO_LINES_JA } from './fake-ipxfer.js';
import { makeCertificate } from './make-certificate.js';
import { writeServerTree } from './server-tree.js';

/** The KB 1102855 example password, so training matches the document people have open. */
export const DEMO_PASSWORD = 'trend';

export const DEMO_PROFILE_TEMPLATE = path.join(packageRoot(), 'resources', 'demo', 'profile.json');

export interface Demo {
  folder: string;
  profile: string;
  agentDir: string;
}

export async function createDemo(folder = path.join(os.tmpdir(), 'apex-cert-fix-demo'), template = DEMO_PROFILE_TEMPLATE): Promise<Demo> {
  const profile = JSON.parse(await readFile(template, 'utf8'));
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const local = (share: string) => path.join(folder, profile.shares[share]);
  const agentDir = path.join(local('C:\\'), ...profile.agent.dir.split('\\').slice(1));

  const serverCert = makeCertificate();
  const oldCert = makeCertificate({ notBefore: new Date(Date.now() - 3 * 365 * 86_400_000) });
  await writeServerTree(local('\\\\APEXSRV\\ofcscan'), {
    certificate: serverCert.der,
    datfhs: ['x86', 'x64'],
    behaviour: { agentDir, password: DEMO_PASSWORD, encoding: 'cp932', lines: DEMO_LINES_JA, lineDelayMs: 400 },
  });
  await mkdir(agentDir, { recursive: true });
  await writeFile(path.join(agentDir, 'OfcNTCer.dat'), oldCert.der);
  const profileFile = path.join(folder, 'profile.json');
  await cp(template, profileFile);
  return { folder, profile: profileFile, agentDir };
}
