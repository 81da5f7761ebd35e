/**
 * A host's frame as the page reads it: the envelope checked by hand (no validation library in the
 * page's bundle), the payload typed (it comes from our own host, which built it from the types).
 */
import type { HostFrame } from './frames.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The frame, or null when it is not one a host sends. */
export function readHostFrame(value: unknown): HostFrame | null {
  if (!isObject(value)) return null;
  if (value.event === 'view') return isObject(value.view) ? (value as HostFrame) : null;
  if (value.event === 'output') return isObject(value.batch) ? (value as HostFrame) : null;
  if (value.event !== undefined) return null;
  const id = value.id;
  if (id !== null && (typeof id !== 'number' || !Number.isFinite(id))) return null;
  if (value.ok === true) return 'result' in value ? (value as HostFrame) : null;
  if (value.ok === false) return typeof value.error === 'string' ? (value as HostFrame) : null;
  return null;
}
