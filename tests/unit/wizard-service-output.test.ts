/** The wizard service: output batched for the page, a fresh repair in the same language. */
import { afterEach, describe, expect, it } from 'vitest';
import type { OutputBatch, WizardView } from '../../electron/contract/index.js';
import type { WizardService } from '../../electron/hosts/wizard-service.js';
import { closeInOrder, serviceFor } from '../fixtures/service.js';
import { makeWorld, type World } from '../fixtures/world.js';

let world: World | null = null;
let service: WizardService | null = null;
afterEach(async () => {
  await closeInOrder(service, world);
  [service, world] = [null, null];
});

describe('wizard service', () => {
  it('20,000 output lines reach the page in order in a few hundred batches, the first one starting a new log', async () => {
    world = await makeWorld({ behaviour: { flood: 20_000 } });
    const batches: OutputBatch[] = [];
    service = serviceFor(world, { batches });
    await service.handle('setSource', ['\\\\srv', null]);
    await service.handle('collect', [false]);
    await service.handle('run', [null, true]);
    const lines = batches.flatMap((b) => b.lines.map((l) => l.text));
    expect(lines).toHaveLength(20_000);
    expect(lines[0]).toBe('line 1');
    expect(lines.at(-1)).toBe('line 20000');
    expect(batches.length).toBeLessThan(1000);
    expect(batches.findIndex((b) => b.reset)).toBe(0);
  });

  it('"repair another PC" starts a fresh session in the same language, and refuses while a step runs', async () => {
    world = await makeWorld({ behaviour: { hang: true } });
    const views: WizardView[] = [];
    service = serviceFor(world, { views });
    await service.handle('setLanguage', ['ja']);
    await service.handle('setSource', ['\\\\srv', null]);
    await service.handle('collect', [false]);
    const running = service.handle('run', [null, true]);
    const repair = service.repair;
    await new Promise<void>((resolve) => {
      if (repair.state.running) return resolve();
      const off = repair.onState((s) => {
        if (!s.running) return;
        off();
        resolve();
      });
    });
    // Refused as `busy` (worded in the session's language by dispatch, like every refusal).
    await expect(service.handle('newRepair', [])).rejects.toMatchObject({ details: { code: 'busy', running: 'run' } });
    await service.handle('cancel', []);
    await running;
    await service.handle('newRepair', []);
    const last = views.at(-1)!;
    expect(last.state.lang).toBe('ja');
    // A new session: nothing collected or run (its first look may already have checked the source).
    expect(last.state.collect.workDir).toBeNull();
    expect(last.state.run).toBeNull();
    expect(last.state.environment?.hostname).toBe('PC-TEST-01');
  });
});
