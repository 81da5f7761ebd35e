#!/usr/bin/env node
/**
 * Builds the Wine lane's Windows programs from tests/fixtures/windows-src/ with MinGW-w64 and signs
 * the fake IpXfer / DatFHS with osslsigncode by a test CA made here with openssl. The result is
 * cached under `.cache/wine-programs/<hash>/`, the hash taken over the sources, this script and the
 * compiler's version: a second run with nothing changed costs nothing.
 *
 *   node scripts/wine/build-programs.mjs      → prints the folder
 *
 * Layout of the folder:
 *   x64/IpXfer_x64.exe  x64/DatFHS_x64.dll   imports the DLL, FileVersion 14.0.0.12526, signed
 *   x64-plain/IpXfer_x64.exe                 no DLL, FileVersion 14.0.0.8378, signed
 *   x86/IpXfer.exe  x86/DatFHS.dll           32-bit builds of the first pair, signed
 *   unsigned/IpXfer_x64.exe                  x64/IpXfer_x64.exe before signing
 *   bin/fake-service.exe bin/fltmc.exe bin/CertificateManager.exe bin/planted-tool.exe bin/powershell-standin.exe bin/powershell.exe (the ACL read-back stand-in)
 *   bin/icacls.exe (the icacls /save stand-in)
 *   ca/root.der ca/root.pem                  the test root (DER for the trust check's parameter)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'tests/fixtures/windows-src');

const CC = { x64: 'x86_64-w64-mingw32-gcc', x86: 'i686-w64-mingw32-gcc' };
const WINDRES = { x64: 'x86_64-w64-mingw32-windres', x86: 'i686-w64-mingw32-windres' };
const IPXFER = { x64: 'IpXfer_x64.exe', x86: 'IpXfer.exe' };
const DATFHS = { x64: 'DatFHS_x64.dll', x86: 'DatFHS.dll' };

const run = (file, args, cwd) => execFileSync(file, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

function contentHash() {
  const h = createHash('sha256');
  for (const name of readdirSync(src).sort()) h.update(name).update(readFileSync(join(src, name)));
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  h.update(run(CC.x64, ['--version']));
  return h.digest('hex').slice(0, 16);
}

function compile(arch, out, sources, flags = []) {
  run(CC[arch], ['-O2', '-s', '-Wall', '-o', out, ...sources, ...flags]);
}

/** A version resource object for FileVersion 14.0.0.<build>. */
function versionObject(arch, build, out) {
  run(WINDRES[arch], [`-DBUILD=${build}`, `-DVERSION_TEXT=\\"14.0.0.${build}\\"`, join(src, 'version.rc'), '-O', 'coff', '-o', out]);
  return out;
}

function makeCa(dir) {
  mkdirSync(dir, { recursive: true });
  const o = (...a) => run('openssl', a, dir);
  o('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '3650', '-subj', '/CN=Apex Cert Fix Test Root CA/O=Apex Cert Fix tests', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  o('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'signer.key', '-out', 'signer.csr', '-subj', '/C=JP/O=Trend Micro, Inc./CN=Trend Micro, Inc. (Wine lane test signer)');
  writeFileSync(join(dir, 'signer.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n');
  o('x509', '-req', '-in', 'signer.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-out', 'signer.pem', '-days', '3650', '-extfile', 'signer.ext');
  o('x509', '-in', 'root.pem', '-outform', 'DER', '-out', 'root.der');
  writeFileSync(join(dir, 'chain.pem'), readFileSync(join(dir, 'signer.pem')) + readFileSync(join(dir, 'root.pem')).toString());
  return dir;
}

function sign(ca, file) {
  const tmp = `${file}.signing`;
  run('osslsigncode', ['sign', '-certs', join(ca, 'chain.pem'), '-key', join(ca, 'signer.key'), '-h', 'sha256', '-n', 'Apex Cert Fix test program', '-in', file, '-out', tmp]);
  renameSync(tmp, file);
}

function build(out) {
  const work = join(out, 'obj');
  for (const d of ['x64', 'x64-plain', 'x86', 'unsigned', 'bin', 'obj']) mkdirSync(join(out, d), { recursive: true });
  const ca = makeCa(join(out, 'ca'));
  for (const arch of ['x64', 'x86']) {
    const dll = join(out, arch, DATFHS[arch]);
    const lib = join(work, `libdatfhs-${arch}.a`);
    compile(arch, dll, [join(src, 'datfhs.c')], ['-shared', `-Wl,--out-implib,${lib}`, versionObject(arch, 12526, join(work, `dll-ver-${arch}.o`))]);
    const exe = join(out, arch, IPXFER[arch]);
    compile(arch, exe, [join(src, 'fake-ipxfer.c'), versionObject(arch, 12526, join(work, `ver-${arch}.o`)), lib], ['-municode', '-DNEEDS_DATFHS', '-ladvapi32', '-lshell32']);
    if (arch === 'x64') copyFileSync(exe, join(out, 'unsigned', IPXFER.x64));
    sign(ca, exe);
    sign(ca, dll);
  }
  const plain = join(out, 'x64-plain', IPXFER.x64);
  compile('x64', plain, [join(src, 'fake-ipxfer.c'), versionObject('x64', 8378, join(work, 'ver-plain.o'))], ['-municode', '-ladvapi32', '-lshell32']);
  sign(ca, plain);
  compile('x64', join(out, 'bin', 'fake-service.exe'), [join(src, 'fake-service.c')], ['-municode', '-ladvapi32']);
  compile('x64', join(out, 'bin', 'fltmc.exe'), [join(src, 'fltmc-standin.c')], ['-ladvapi32']);
  compile('x64', join(out, 'bin', 'powershell.exe'), [join(src, 'powershell-acl-standin.c')], ['-ladvapi32']);
  compile('x64', join(out, 'bin', 'icacls.exe'), [join(src, 'icacls-standin.c')], ['-municode', '-ladvapi32']);
  compile('x64', join(out, 'bin', 'CertificateManager.exe'), [join(src, 'fake-certificate-manager.c')], ['-municode', '-lshell32']);
  compile('x64', join(out, 'bin', 'planted-tool.exe'), [join(src, 'planted-tool.c')], ['-municode']);
  compile('x64', join(out, 'bin', 'powershell-standin.exe'), [join(src, 'powershell-standin.c')], ['-municode']);
  rmSync(work, { recursive: true, force: true });
}

/** The folder holding the built programs, building them first when this content is not cached. */
export function buildPrograms() {
  const dir = join(root, '.cache', 'wine-programs', contentHash());
  if (existsSync(join(dir, 'ca', 'root.der'))) return dir;
  const tmp = `${dir}.partial-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  build(tmp);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(buildPrograms());
}
