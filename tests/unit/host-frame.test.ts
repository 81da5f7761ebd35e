/**
 * The page reads a host's frames without a validation library (the page's bundle stays small):
 * what a host sends is read, anything else is dropped, never thrown on.
 */
import { describe, expect, it } from 'vitest';
import { readHostFrame } from '../../electron/contract/page.js';

describe('readHostFrame', () => {
  it('reads the four frames a host sends', () => {
    expect(readHostFrame({ event: 'view', view: { state: {} } })).toMatchObject({ event: 'view' });
    expect(readHostFrame({ event: 'output', batch: { lines: [] } })).toMatchObject({ event: 'output' });
    expect(readHostFrame({ id: 3, ok: true, result: null })).toMatchObject({ id: 3, ok: true });
    expect(readHostFrame({ id: null, ok: false, error: 'busy' })).toMatchObject({ ok: false, error: 'busy' });
  });

  it('drops anything else: not an object, an unknown event, a bad id, a reply without its result or words', () => {
    for (const bad of [null, 'x', 42, [], { event: 'view' }, { event: 'view', view: 'x' }, { event: 'other', view: {} }, { id: '1', ok: true, result: 1 }, { id: 1, ok: true }, { id: 1, ok: false, error: 5 }, { id: 1, ok: 'yes', result: 1 }, { id: Number.NaN, ok: true, result: 1 }]) {
      expect(readHostFrame(bad)).toBeNull();
    }
  });
});
