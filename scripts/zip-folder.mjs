/**
 * A folder into a .zip (deflate, UTF-8 names), with no dependency: the folder build of the app
 * (scripts/dist-win.mjs) is electron-builder's unpacked app plus the `portable` marker, zipped under
 * one top folder so that Explorer's "Extract all" gives one folder to copy onto the stick.
 * Files are read one at a time; sizes and offsets are checked against the 4 GiB limit of a zip
 * without ZIP64 (the app is about 100 MB packed).
 */
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const LIMIT = 0xffffffff;

/** MS-DOS date and time of `date` (local time, as Explorer shows it). */
function dosTime(date) {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2);
  const day = ((Math.max(date.getFullYear(), 1980) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

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
 */
export function zipFolder(dir, zipFile, top, extra = {}) {
  const entries = [
    ...filesBelow(dir).map((rel) => ({ name: `${top}/${rel}`, read: () => readFileSync(path.join(dir, ...rel.split('/'))), mtime: statSync(path.join(dir, ...rel.split('/'))).mtime })),
    ...Object.entries(extra).map(([name, text]) => ({ name: `${top}/${name}`, read: () => Buffer.from(text, 'utf8'), mtime: new Date() })),
  ];
  const fd = openSync(zipFile, 'w');
  const central = [];
  let offset = 0;
  const write = (buf) => {
    writeSync(fd, buf);
    offset += buf.length;
  };
  try {
    for (const e of entries) {
      const data = e.read();
      const deflated = deflateRawSync(data, { level: 9 });
      const stored = deflated.length >= data.length;
      const body = stored ? data : deflated;
      const name = Buffer.from(e.name, 'utf8');
      const crc = crc32(data);
      const { time, day } = dosTime(e.mtime);
      if (data.length > LIMIT || offset + 30 + name.length + body.length > LIMIT) throw new Error(`zip: ${zipFile} would pass 4 GiB (no ZIP64 here)`);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4); // version needed: 2.0
      local.writeUInt16LE(0x0800, 6); // names are UTF-8
      local.writeUInt16LE(stored ? 0 : 8, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(day, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(data.length, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      const at = offset;
      write(local);
      write(name);
      write(body);
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(0x0314, 4); // made by: 2.0, Unix host (Info-ZIP's unzip reads the UTF-8 flag only then)
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0800, 8);
      c.writeUInt16LE(stored ? 0 : 8, 10);
      c.writeUInt16LE(time, 12);
      c.writeUInt16LE(day, 14);
      c.writeUInt32LE(crc, 16);
      c.writeUInt32LE(body.length, 20);
      c.writeUInt32LE(data.length, 24);
      c.writeUInt16LE(name.length, 28);
      // extra, comment, disk, internal attributes: 0; external: Unix mode 0644 (high half), DOS "archive"
      c.writeUInt32LE(((0o100644 << 16) | 0x20) >>> 0, 38);
      c.writeUInt32LE(at, 42);
      central.push(c, name);
    }
    const start = offset;
    for (const b of central) write(b);
    if (entries.length > 0xffff) throw new Error('zip: more than 65535 files (no ZIP64 here)');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(offset - start, 12);
    end.writeUInt32LE(start, 16);
    write(end);
  } finally {
    closeSync(fd);
  }
  return { files: entries.length, bytes: offset };
}
