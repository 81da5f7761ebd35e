/** What global setup hands every scenario, and where the product's built CLI is. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type LaneInfo =
  | { skip: string }
  | {
      skip: null;
      /** wine: Windows node.exe and programs under Wine (Linux); native: on Windows itself (the CI runner, APEX_NATIVE_LANE=1). */
      kind: 'wine' | 'native';
      /** Lane folder: prefix/, shares/ (drive S:), usb/ (drive E:), certificates. */
      dir: string;
      prefix: string;
      driveC: string;
      env: Record<string, string>;
      /** scripts/wine/build-programs.mjs output. */
      programs: string;
      nodeExe: string;
      repo: string;
      setupMs: number;
    };

declare module 'vitest' {
  export interface ProvidedContext {
    lane: LaneInfo;
  }
}

/** The CLI entry as package.json's `bin` names it (it follows the integrator's moves). */
export function cliEntry(): string {
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return path.join(REPO, pkg.bin['apex-cert-fix']!);
}

/** The standalone CLI exe another build makes (Node SEA), when it has been built. */
export const CLI_EXE = path.join(REPO, 'dist', 'win', 'apex-cert-fix-x64.exe');

/** A file URL the lane's node.exe can import: Wine sees Linux's / as Z:, Windows needs nothing. */
export function laneFileUrl(lane: { kind: 'wine' | 'native' }, file: string): string {
  const href = pathToFileURL(file).href;
  return lane.kind === 'native' ? href : href.replace('file:///', 'file:///Z:/');
}
