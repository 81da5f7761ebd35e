/**
 * Which Platform a host uses: the simulation only when asked for by a profile (training mode,
 * tests), the real Windows one on Windows, and a clear refusal anywhere else.
 */
import type { ErrorDetails } from '../core/errors.js';
import type { Platform } from './platform.js';
import { ProfileError, SimulatedPlatform } from './simulated.js';
import { WindowsPlatform } from './windows.js';

export type PlatformChoice = { ok: true; platform: Platform } | { ok: false; error: ErrorDetails };

export function choosePlatform(simulateProfile: string | undefined, os: NodeJS.Platform = process.platform): PlatformChoice {
  if (simulateProfile !== undefined) {
    try {
      return { ok: true, platform: SimulatedPlatform.fromFile(simulateProfile) };
    } catch (e) {
      if (e instanceof ProfileError) return { ok: false, error: { code: 'profile-invalid', file: e.file, problem: e.problem } };
      throw e;
    }
  }
  if (os === 'win32') return { ok: true, platform: new WindowsPlatform() };
  return { ok: false, error: { code: 'not-windows' } };
}
