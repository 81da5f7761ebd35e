import { describe, expect, it } from 'vitest';
import { abortable, AbortedError } from '../../electron/base/abortable.js';

describe('abortable waits', () => {
  it('a wait with no signal is the work itself', async () => {
    expect(await abortable(Promise.resolve(7), undefined)).toBe(7);
  });

  it('an already-cancelled signal ends the wait at once, and the work failing later is not an unhandled error', async () => {
    const controller = new AbortController();
    controller.abort();
    let fail!: (e: Error) => void;
    const work = new Promise<number>((_, reject) => (fail = reject));
    await expect(abortable(work, controller.signal)).rejects.toBeInstanceOf(AbortedError);
    fail(new Error('late'));
    await new Promise((r) => setImmediate(r));
  });

  it('a cancel during the wait ends it; the work\'s own result or failure passes through otherwise', async () => {
    const controller = new AbortController();
    const waiting = abortable(new Promise<number>(() => undefined), controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortedError' });
    const fresh = new AbortController();
    expect(await abortable(Promise.resolve('done'), fresh.signal)).toBe('done');
    await expect(abortable(Promise.reject(new Error('share gone')), fresh.signal)).rejects.toThrow('share gone');
  });
});
