/**
 * axe-core on every step, light and dark: names for every control, colour contrast (WCAG AA),
 * landmarks and ARIA used correctly.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, walkEveryStep } from './harness.js';

async function audit(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const problems = result.violations.map((v) => `${where}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary ?? ''}`);
  expect(problems).toEqual([]);
}

test.use({ worldOptions: { tree: { datfhs: ['x64'] } } });

for (const scheme of ['light', 'dark'] as const) {
  test(`every step passes axe, ${scheme}`, async ({ page }) => {
    // Six full audits on a busy machine: slow from load alone, never from a skipped check.
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    await walkEveryStep(page, 'x', async (stop) => {
      if (stop === 'result') {
        await page.getByRole('button', { name: 'レポートを表示' }).click();
        await expect(page.getByTestId('report-text')).toContainText('Apex One');
      }
      await audit(page, stop);
    });
  });
}

test.describe('on the server itself', () => {
  test.use({ worldOptions: { serverIsThisPc: true, agent: false, tree: { certificateManager: { list: Buffer.from('Host,IP\r\nPC-SALES-07,10.0.0.7\r\n') } } } });
  for (const scheme of ['light', 'dark'] as const) {
    test(`the first screen and the mismatched agents list pass axe, ${scheme}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.getByTestId('no-agent-on-server')).toBeVisible();
      await audit(page, 'pc on the server');
      await page.getByRole('button', { name: '証明書が一致しないエージェントを一覧表示' }).click();
      await expect(page.getByTestId('agents-table')).toBeVisible();
      await audit(page, 'mismatched agents list');
    });
  }
});
