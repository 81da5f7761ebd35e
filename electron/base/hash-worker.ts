/**
 * SHA-256 of files on a second core. Collect re-reads each copy to prove it holds the bytes it
 * hashed while copying; doing that in a worker overlaps it with copying the next file.
 * The worker is inline CommonJS, so it runs the same from compiled code, under tests and in Electron.
 */
import { Worker } from 'node:worker_threads';

const SOURCE = `
const { parentPort } = require('worker_threads');
const crypto = require('crypto');
const fs = require('fs');
const buf = Buffer.allocUnsafe(1 << 20);
parentPort.on('message', ({ id, file }) => {
  try {
    const h = crypto.createHash('sha256');
    const fd = fs.openSync(file, 'r');
    try {
      let n;
      while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
    } finally {
      fs.closeSync(fd);
    }
    parentPort.postMessage({ id, sha256: h.digest('hex').toUpperCase() });
  } catch (e) {
    parentPort.postMessage({ id, error: e.code || String(e) });
  }
});
`;

export class HashWorker {
  private readonly worker = new Worker(SOURCE, { eval: true });
  private readonly waiting = new Map<number, { resolve: (h: string) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor() {
    this.worker.on('message', (m: { id: number; sha256?: string; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.sha256) w?.resolve(m.sha256);
      else w?.reject(Object.assign(new Error(m.error), { code: m.error }));
    });
    this.worker.on('error', (e) => {
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    });
  }

  sha256(file: string): Promise<string> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, file });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
