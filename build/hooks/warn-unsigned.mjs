/**
 * electron-builder `afterAllArtifactBuild` hook: looks at every exe it made and says loudly which
 * carry no Authenticode signature. electron-builder itself only logs "signing is skipped" among
 * hundreds of lines; an unsigned exe on a helpdesk stick means SmartScreen warnings, or worse,
 * people learning to click through them.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** Whether the PE file has a certificate table (data directory 4); false for anything else. */
export function hasAuthenticodeSignature(file) {
  const head = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.readUInt16LE(0) !== 0x5a4d) return false; // "MZ"
  const pe = head.readUInt32LE(0x3c);
  if (pe + 26 > head.length || head.readUInt32LE(pe) !== 0x4550) return false; // "PE\0\0"
  const optional = pe + 24;
  const directories = optional + (head.readUInt16LE(optional) === 0x20b ? 112 : 96); // PE32+ : PE32
  if (directories + 5 * 8 > head.length) return false;
  const [offset, size] = [head.readUInt32LE(directories + 4 * 8), head.readUInt32LE(directories + 4 * 8 + 4)];
  return offset !== 0 && size !== 0;
}

export function unsignedArtifacts(paths) {
  return paths.filter((p) => p.toLowerCase().endsWith('.exe') && !hasAuthenticodeSignature(p));
}

export function afterAllArtifactBuild(buildResult) {
  const unsigned = unsignedArtifacts(buildResult.artifactPaths);
  if (unsigned.length) {
    const line = '!'.repeat(72);
    console.error([line, '!!  UNSIGNED: not for distribution', ...unsigned.map((p) => `!!    ${p}`),
      '!!  Set APEX_SIGN_PFX + APEX_SIGN_PFX_PASSWORD (or CSC_LINK + CSC_KEY_PASSWORD): see README.', line].join('\n'));
  }
  return []; // no extra artifacts
}
