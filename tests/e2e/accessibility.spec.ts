/**
 * axe-core on every step, light and dark: names for every control, colour contrast (WCAG AA),
 * landmarks and ARIA used correctly.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, action, confirmUnverified, diagnosed, ja } from './harness.js';

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
    await expect(page.getByText('この PC で修復を実行できます。')).toBeVisible();
    await diagnosed(page);
    await audit(page, 'pc');
    await action(page, '次へ').click();
    await expect(page.getByTestId('plan')).toBeVisible();
    await audit(page, 'server');
    await action(page, '確認して次へ').click();
    await expect(page.getByRole('heading', { name: 'ファイルをこの PC にコピー' })).toBeVisible();
    await action(page, 'コピーして次へ').click();
    await expect(page.getByRole('heading', { name: 'IpXfer の実行' })).toBeVisible();
    await page.getByRole('navigation').getByRole('button', { name: 'ファイルのコピー' }).click();
    await expect(page.getByTestId('workdir')).toBeVisible();
    await audit(page, 'collect');
    await action(page, '次へ').click();
    await page.getByLabel('エージェントのアンロードパスワード').fill('x');
    await audit(page, 'run');
    await confirmUnverified(page, ja);
    await action(page, 'IpXfer を実行').click();
    await expect(page.getByTestId('verdict')).toBeVisible();
    await page.getByRole('button', { name: 'レポートを表示' }).click();
    await expect(page.getByTestId('report-text')).toContainText('Apex One');
    await audit(page, 'result');
    await page.getByRole('navigation').getByRole('button', { name: '再インストール手順' }).click();
    await audit(page, 'guide');
  });
}

test.describe('on the server itself', () => {
  test.use({ worldOptions: { serverIsThisPc: true, agent: false, tree: { certificateManager: { list: Buffer.from('Host,IP\r\nPC-SALES-07,10.0.0.7\r\n') } } } });
  for (const scheme of ['light', 'dark'] as const) {
    test(`the first screen and the server check pass axe, ${scheme}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.getByTestId('no-agent-on-server')).toBeVisible();
      await audit(page, 'pc on the server');
      await page.getByRole('button', { name: '証明書が一致しないエージェントを一覧表示' }).click();
      await action(page, 'CertificateManager を実行').click();
      await expect(page.getByTestId('agents-table')).toBeVisible();
      await audit(page, 'server check');
    });
  }
});
