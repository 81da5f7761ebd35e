#!/usr/bin/env node
/**
 * `npm run build:cli-exe`: the CLI as standalone Windows programs, for PCs without Node.
 *
 *   dist/win/apex-cert-fix-x64.exe   64-bit Windows (also ARM64, through its x64 emulation)
 *   dist/win/apex-cert-fix-x86.exe   32-bit Windows
 *
 * Per arch: bundle (rolldown) → preparation blob (Linux Node of the same version) → node.exe with
 * its signature removed → inject the blob (postject) → version resource and icon (resedit) → sign.
 * The unsigned exe is cached in .cache/cli-exe/ (build-cli-exe/unsigned-exe.mjs), so a rebuild with
 * nothing changed only signs again (signing is redone each time: its inputs are secrets).
 *
 *   --arch x64,x86         which programs (default both)
 *   --out DIR              where (default dist/win)
 *   --test-cert            sign with a throwaway test certificate when no real one is set (also when CI is set)
 *   --require-signature    fail unless a real certificate and a timestamp server are set (release builds)
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleCli, CLI_ENTRY } from './build-cli-exe/bundle.mjs';
import { makeBlob } from './build-cli-exe/sea.mjs';
import { chooseSigner, releaseProblem, signExe } from './build-cli-exe/sign.mjs';
import { exeName, unsignedExe } from './build-cli-exe/unsigned-exe.mjs';
import { PRODUCT_NAME } from './build-cli-exe/version-resource.mjs';
import { NODE_VERSION, windowsNode } from './windows-node.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARCHS = ['x64', 'x86'];
export { exeName };

/** CI services set CI=true; a test certificate there proves the signing step without secrets. */
const inCi = (env) => !!env.CI && env.CI !== 'false';

/**
 * Builds the exes. `env` decides the certificate (see build-cli-exe/sign.mjs).
 * @returns {Promise<{ outDir: string, signing: string, signerKind: string, verifyWith: string | null,
 *   exes: { arch: string, file: string, size: number, fromCache: boolean }[] }>}
 */
export async function buildCliExe({ archs = ARCHS, outDir = path.join(ROOT, 'dist', 'win'), env = process.env, testCert = inCi(env), requireSignature = false } = {}) {
  const signer = chooseSigner(env, { testCert });
  // A release: a real certificate and a timestamp, checked before minutes of building.
  const problem = requireSignature ? releaseProblem(signer) : null;
  if (problem) throw new Error(problem);
  const cacheDir = path.join(ROOT, '.cache', 'cli-exe');
  mkdirSync(cacheDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const scratch = mkdtempSync(path.join(cacheDir, 'bundle-'));
  try {
    const bundleFile = path.join(scratch, 'apex-cert-fix.cjs');
    const bundle = await bundleCli({ root: ROOT, outFile: bundleFile });
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    let blob = null;
    const blobFor = async () => (blob ??= makeBlob({ linuxNode: windowsNode('linux-x64'), bundle: bundleFile, dir: scratch }));
    const exes = [];
    let verifyWith = null;
    for (const arch of archs) {
      if (!ARCHS.includes(arch)) throw new Error(`unknown arch ${arch}: use ${ARCHS.join(', ')}`);
      const { file, fromCache } = await unsignedExe({ root: ROOT, arch, version, bundle, blobFor, cacheDir });
      const out = path.join(outDir, exeName(arch));
      const partial = `${out}.partial`;
      copyFileSync(file, partial);
      verifyWith = signExe(partial, signer, { cacheDir, description: PRODUCT_NAME });
      renameSync(partial, out);
      exes.push({ arch, file: out, size: statSync(out).size, fromCache });
    }
    return { outDir, signing: signer.describe, signerKind: signer.kind, verifyWith, exes };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The lines a person must not miss when the exes are not signed for distribution. */
export function unsignedBanner(signerKind, describe) {
  if (signerKind === 'pfx' || signerKind === 'pem') return [];
  const line = '!'.repeat(72);
  return [line, `!!  ${describe}`, '!!  Windows SmartScreen will warn, and these exes must not be given to helpdesk staff.', '!!  Set APEX_SIGN_PFX (+ APEX_SIGN_PFX_PASSWORD) or APEX_SIGN_CERT + APEX_SIGN_KEY: see README.', line];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { arch: { type: 'string' }, out: { type: 'string' }, 'test-cert': { type: 'boolean' }, 'require-signature': { type: 'boolean' } },
  });
  try {
    const started = Date.now();
    const r = await buildCliExe({
      archs: values.arch ? values.arch.split(',') : ARCHS,
      outDir: values.out ? path.resolve(values.out) : undefined,
      testCert: values['test-cert'] || inCi(process.env),
      requireSignature: values['require-signature'],
    });
    console.log(`CLI exe from ${CLI_ENTRY}, Node ${NODE_VERSION}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const e of r.exes) console.log(`  ${path.relative(process.cwd(), e.file)}  ${(e.size / 1024 / 1024).toFixed(1)} MB${e.fromCache ? '  (unsigned exe from cache)' : ''}`);
    console.log(`  signing: ${r.signing}`);
    for (const l of unsignedBanner(r.signerKind, r.signing)) console.error(l);
  } catch (e) {
    // The message says what to set or install; a stack trace would only bury it.
    console.error(`build:cli-exe: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
