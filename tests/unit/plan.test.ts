import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixError } from '../../electron/core/errors.js';
import { planFiles } from '../../electron/core/plan.js';
import { buildFromVersion, detectServerBuild } from '../../electron/core/server-build.js';
import { resolveSource } from '../../electron/core/source.js';
import { fileArchFor } from '../../electron/core/vendor-layout.js';
import type { Arch } from '../../electron/platform/platform.js';
import { makeWorld, type World } from '../fixtures/world.js';

let withDll: World;
let withoutDll: World;
let peBuilds: World;
beforeAll(async () => {
  withDll = await makeWorld({ tree: { datfhs: ['x86', 'x64'] } });
  withoutDll = await makeWorld();
  peBuilds = await makeWorld({ tree: { peVersion: '14.0.0.12526', datfhs: ['x64'] } });
});
afterAll(async () => {
  for (const w of [withDll, withoutDll, peBuilds]) await w.cleanup();
});

async function plan(world: World, arch: Arch, override: number | null, agentBuild: number | null = null) {
  const files = await resolveSource(world.platform, '\\\\srv\\ofcscan');
  const build = await detectServerBuild({ files, fileArch: fileArchFor(arch), override, agentBuild });
  return { build, plan: () => planFiles(files, arch, build) };
}

const names = (p: { files: { name: string }[] }) => p.files.map((f) => f.name);
const expected = {
  x86: { ipxfer: 'IpXfer.exe', dll: 'DatFHS.dll' },
  x64: { ipxfer: 'IpXfer_x64.exe', dll: 'DatFHS_x64.dll' },
  arm64: { ipxfer: 'IpXfer_x64.exe', dll: 'DatFHS_x64.dll' },
} as const;

describe('the 12526 rule (KB 1102855) for every bitness', () => {
  for (const arch of ['x86', 'x64', 'arm64'] as const) {
    const e = expected[arch];
    it(`${arch}: build 12525 still takes the DLL the server has (the build only decides whether a missing one is refused)`, async () => {
      const { plan: p } = await plan(withDll, arch, 12525);
      expect(names(p())).toEqual(['OfcNTCer.dat', e.ipxfer, e.dll]);
      expect(p().files[2]!.reason).toEqual({ code: 'datfhs-beside-ipxfer', build: 12525 });
      expect(names((await plan(withoutDll, arch, 12525)).plan())).toEqual(['OfcNTCer.dat', e.ipxfer]);
    });

    it(`${arch}: build 12526 takes ${e.dll} with IpXfer`, async () => {
      const { build, plan: p } = await plan(withDll, arch, 12526);
      expect(build.needsDatFhs).toBe(true);
      expect(names(p())).toEqual(['OfcNTCer.dat', e.ipxfer, e.dll]);
      expect(p().files[2]!.reason).toEqual({ code: 'datfhs-for-build', build: 12526 });
    });

    it(`${arch}: build 12526 without ${e.dll} is a bad source naming the file`, async () => {
      const { plan: p } = await plan(withoutDll, arch, 12526);
      let error: unknown;
      try {
        p();
      } catch (x) {
        error = x;
      }
      expect(error).toBeInstanceOf(FixError);
      expect((error as FixError).category).toBe('bad-input');
      expect((error as FixError).details).toMatchObject({ code: 'datfhs-missing', name: e.dll, build: 12526 });
    });

    it(`${arch}: unknown build with the DLL present copies it and says why`, async () => {
      const { build, plan: p } = await plan(withDll, arch, null);
      expect(build.value).toBeNull();
      expect(names(p())).toEqual(['OfcNTCer.dat', e.ipxfer, e.dll]);
      expect(p().files[2]!.reason).toEqual({ code: 'datfhs-unknown-build' });
    });

    it(`${arch}: unknown build without the DLL goes on without it and warns, louder when the agent is 12526+`, async () => {
      const { plan: p } = await plan(withoutDll, arch, null, 12600);
      expect(names(p())).toEqual(['OfcNTCer.dat', e.ipxfer]);
      expect(p().notes.map((n) => n.code)).toEqual([...(arch === 'arm64' ? ['arm64-uses-x64'] : []), 'datfhs-absent-build-unknown', 'agent-build-suggests-datfhs']);
    });
  }

  it('ARM64 says it uses the x64 files', async () => {
    const { plan: p } = await plan(withDll, 'arm64', 12526);
    expect(p().fileArch).toBe('x64');
    expect(p().notes[0]).toEqual({ code: 'arm64-uses-x64' });
  });
});

describe('server build evidence', () => {
  it('reads the build from IpXfer\'s PE FileVersion', async () => {
    const { build } = await plan(peBuilds, 'x64', null, 12380);
    expect(build.value).toBe(12526);
    expect(build.evidence).toEqual([
      { kind: 'pe-version', file: '\\\\srv\\ofcscan\\Admin\\Utility\\IpXfer\\IpXfer_x64.exe', version: '14.0.0.12526', build: 12526 },
      { kind: 'datfhs-present', file: '\\\\srv\\ofcscan\\Admin\\Utility\\IpXfer\\DatFHS_x64.dll' },
      { kind: 'agent-build', build: 12380 },
    ]);
  });

  it('the user\'s override wins over the file version, which stays listed', async () => {
    const { build } = await plan(peBuilds, 'x64', 12000);
    expect(build.value).toBe(12000);
    expect(build.needsDatFhs).toBe(false);
    expect(build.evidence.map((e) => e.kind)).toEqual(['override', 'pe-version', 'datfhs-present']);
  });

  it('an IpXfer whose FileVersion reads as a build below 12526 never leaves the DatFHS DLL beside it behind (issue 18 §5)', async () => {
    const old = await makeWorld({ tree: { peVersion: '14.0.0.11718', datfhs: ['x64'] } });
    try {
      const { build, plan: p } = await plan(old, 'x64', null);
      expect(build.value).toBe(11718);
      expect(names(p())).toEqual(['OfcNTCer.dat', 'IpXfer_x64.exe', 'DatFHS_x64.dll']);
      expect(p().files[2]!.reason).toEqual({ code: 'datfhs-beside-ipxfer', build: 11718 });
    } finally {
      await old.cleanup();
    }
  });

  it('the agent build is only a hint: it never sets the value', async () => {
    const { build } = await plan(withoutDll, 'x64', null, 13000);
    expect(build.value).toBeNull();
    expect(build.needsDatFhs).toBe(false);
  });

  it('takes the build from the last part that looks like one', () => {
    expect(buildFromVersion([14, 0, 0, 12526])).toBe(12526);
    expect(buildFromVersion([14, 0, 12526, 0])).toBe(12526);
    expect(buildFromVersion([1, 0, 0, 0])).toBeNull();
  });
});
