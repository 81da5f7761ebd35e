/**
 * A folder into a .zip (deflate, UTF-8 names) with yazl: the folder build of the app
 * (scripts/dist-win.mjs) is electron-builder's unpacked app plus the `portable` marker, zipped under
 * one top folder so that Explorer's "Extract all" gives one folder to copy onto the stick.
 * Files are streamed from disk one by one (the app is about 100 MB packed); yazl writes ZIP64
 * records itself where a size calls for them.
 */
import { createWriteStream, readdirSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** Every file below `dir`, as paths relative to it with `/`, sorted (the zip is the same for the same folder). */
export function filesBelow(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesBelow(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
    else throw new Error(`zip: ${path.join(dir, entry.name)} is neither a file nor a folder`);
  }
  return out;
}

/**
 * Writes `zipFile` holding every file of `dir` under `top/`, plus `extra` ({ name: text }) in `top/`.
 * @param {string} dir @param {string} zipFile @param {string} top @param {Record<string, string>} [extra]
 * @returns {Promise<{ files: number }>}
 */
export async function zipFolder(dir, zipFile, top, extra = {}) {
  const zip = new yazl.ZipFile();
  const files = filesBelow(dir);
  for (const rel of files) zip.addFile(path.join(dir, ...rel.split('/')), `${top}/${rel}`, { mode: 0o100644 });
  for (const [name, text] of Object.entries(extra)) zip.addBuffer(Buffer.from(text, 'utf8'), `${top}/${name}`, { mode: 0o100644 });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipFile));
  return { files: files.length + Object.keys(extra).length };
}
