/**
 * Node single executable application: the bundle as a preparation blob, injected into a copy of
 * the pinned Windows node.exe.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'postject';

/** Node's fixed sentinel: node.exe looks for it to know a blob was injected. */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * The blob must come from the same Node version as the target, so the Linux build of that version
 * makes it (node.exe cannot run here). No code cache and no snapshot: both are V8 data for the
 * platform that made them, and would be rejected by (or crash) the Windows binary.
 */
export function makeBlob({ linuxNode, bundle, dir }) {
  const config = path.join(dir, 'sea-config.json');
  const blob = path.join(dir, 'sea.blob');
  writeFileSync(
    config,
    JSON.stringify({
      main: bundle,
      output: blob,
      // A helpdesk user would only be confused by "SingleExecutableApplication is experimental".
      disableExperimentalSEAWarning: true,
      useCodeCache: false,
      useSnapshot: false,
      // NODE_OPTIONS (`--require evil.js`, `--import ...`) is ignored: an elevated repair tool must
      // not load code the environment names. Read by Node 22.23.2's SEA start-up (x64 and x86 alike).
      execArgvExtension: 'none',
    }),
  );
  // Quiet unless it fails: the error then carries Node's message.
  execFileSync(linuxNode, ['--experimental-sea-config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  return readFileSync(blob);
}

/**
 * node.exe as published is signed by the OpenJS Foundation. Injecting changes the file, which would
 * leave a broken signature behind; removing it first gives a clean unsigned file to sign as ours.
 */
export function stripSignature(nodeExe, out) {
  execFileSync('osslsigncode', ['remove-signature', '-in', nodeExe, '-out', out], { stdio: 'ignore' });
}

/** Injects the blob as the resource node.exe looks for at start-up. */
export async function injectBlob(exe, blob) {
  await inject(exe, 'NODE_SEA_BLOB', blob, { sentinelFuse: SEA_FUSE });
}
