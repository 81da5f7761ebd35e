/**
 * Reads from a disk at a set rate, for this process only: the speed of a share or a USB stick, on a
 * machine whose "disk" is faster than that. Measured on the project's two-core VM: a file dropped
 * from the page cache reads back at ~780 MB/s, because the hypervisor serves the virtual disk from
 * its own memory; at that speed hashing, not reading, decides how long a verified copy takes, and
 * plain `copyFile` is no I/O floor. The Linux kernel's block throttle (cgroup v1 `blkio`, or v2
 * `io.max`) slows this process's reads from the disk to the rate a helpdesk meets.
 *
 * Root only, Linux only; `null` where it cannot be set up (the bench then says so).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ReadThrottle {
  /** What the throttle is, for the bench's output ("cgroup v1 blkio, 254:0"). */
  how: string;
  /** Puts this process back where it was and removes the throttle. */
  release(): Promise<void>;
}

/** The whole disk a file lives on, as `major:minor` (the block throttle takes disks, not partitions). */
async function diskOf(file: string): Promise<string | null> {
  const dev = (await stat(file)).dev;
  const id = `${Math.floor(dev / 256) & 0xfff}:${(dev & 0xff) | ((Math.floor(dev / 4096) & 0xfff00))}`;
  const sys = `/sys/dev/block/${id}`;
  if (!existsSync(sys)) return null;
  if (!existsSync(path.join(sys, 'partition'))) return id;
  return (await readFile(path.join(sys, '..', 'dev'), 'utf8')).trim();
}

async function v1(disk: string, bytesPerSecond: number): Promise<ReadThrottle | null> {
  const root = '/sys/fs/cgroup/blkio';
  if (!existsSync(path.join(root, 'cgroup.procs'))) return null;
  const own = /^\d+:blkio:(.*)$/m.exec(await readFile('/proc/self/cgroup', 'utf8'))?.[1] ?? '/';
  const group = path.join(root, `acf-bench-${process.pid}`);
  await mkdir(group);
  try {
    await writeFile(path.join(group, 'blkio.throttle.read_bps_device'), `${disk} ${bytesPerSecond}`);
    await writeFile(path.join(group, 'cgroup.procs'), String(process.pid));
  } catch {
    await rmdir(group).catch(() => undefined);
    return null;
  }
  return {
    how: `cgroup v1 blkio, disk ${disk}`,
    release: async () => {
      await writeFile(path.join(root, own, 'cgroup.procs'), String(process.pid));
      await rmdir(group);
    },
  };
}

async function v2(disk: string, bytesPerSecond: number): Promise<ReadThrottle | null> {
  const root = '/sys/fs/cgroup';
  if (!existsSync(path.join(root, 'cgroup.controllers'))) return null;
  const own = /^0::(.*)$/m.exec(await readFile('/proc/self/cgroup', 'utf8'))?.[1] ?? '/';
  const group = path.join(root, `acf-bench-${process.pid}`);
  try {
    if (!(await readFile(path.join(root, 'cgroup.subtree_control'), 'utf8')).includes('io')) await writeFile(path.join(root, 'cgroup.subtree_control'), '+io');
    await mkdir(group);
    await writeFile(path.join(group, 'io.max'), `${disk} rbps=${bytesPerSecond}`);
    await writeFile(path.join(group, 'cgroup.procs'), String(process.pid));
  } catch {
    await rmdir(group).catch(() => undefined);
    return null;
  }
  return {
    how: `cgroup v2 io.max, disk ${disk}`,
    release: async () => {
      await writeFile(path.join(root, own, 'cgroup.procs'), String(process.pid));
      await rmdir(group);
    },
  };
}

/** Slows this process's reads from the disk holding `file` to `bytesPerSecond`; null where it cannot. */
export async function throttleReads(file: string, bytesPerSecond: number): Promise<ReadThrottle | null> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  try {
    const disk = await diskOf(file);
    if (!disk) return null;
    return (await v1(disk, bytesPerSecond)) ?? (await v2(disk, bytesPerSecond));
  } catch {
    return null;
  }
}
