/**
 * axe-core on every step, light and dark: names for every control, colour contrast (WCAG AA),
 * landmarks and ARIA used correctly.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, action, confirmUnverified, ja } from './harness.js';

async function audit(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const problems = result.violations.map((v) => `${where}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary ?? ''}`);
  expect(problems).toEqual([]);
}

test.use({ worldOptions: { tree: { datfhs: ['x64'] } } });

for (const scheme of ['light', 'dark'] as const) {
  test(`every step passes axe, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.getByText('この PC で修復を実行できます。')).toBeVisible();
    await audit(page, 'pc');
    await action(page, '次へ').click();
    await action(page, '確認').click();
    await expect(page.getByTestId('plan')).toBeVisible();
    await audit(page, 'server');
    await action(page, '次へ').click();
    await action(page, 'ファイルをコピー').click();
    await expect(page.getByTestId('workdir')).toBeVisible();
    await audit(page, 'collect');
    await action(page, '次へ').click();
    await page.getByLabel('エージェントのアンロードパスワード').fill('x');
    await audit(page, 'run');
    await confirmUnverified(page, ja);
    await action(page, 'IpXfer を実行').click();
    await expect(page.getByTestId('verdict')).toBeVisible();
    await audit(page, 'result');
    await page.getByRole('navigation').getByRole('button', { name: '再インストール手順' }).click();
    await audit(page, 'guide');
  });
}
