/**
 * Screenshots of every step, light and dark, in Japanese: docs/screenshots/ (the README shows some).
 * Only `npm run screenshots` runs this (playwright.screenshots.config.ts): the tests themselves
 * never write into the repository. It also proves each step renders without script errors.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, action, confirmUnverified, diagnosed, ja } from '../e2e/harness.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

test.describe('the repair', () => {
  test.use({ worldOptions: { tree: { datfhs: ['x64'] }, agentBuild: 12526, codePage: 932, behaviour: { encoding: 'cp932', lines: ['IpXfer: サーバー証明書を読み込んでいます...', 'IpXfer: エージェントの設定を更新しています...', 'IpXfer: 完了しました。'] } } });

  for (const scheme of ['light', 'dark'] as const) {
    test(`every step, ${scheme}`, async ({ page }) => {
      test.setTimeout(120_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.emulateMedia({ colorScheme: scheme });
      const shot = (name: string) => page.screenshot({ path: path.join(out, `${name}-${scheme}.png`), fullPage: true });
      await expect(page.getByText('この PC で修復を実行できます。')).toBeVisible();
      await diagnosed(page);
      await shot('1-pc');
      await action(page, '次へ').click();
      await expect(page.getByTestId('plan')).toBeVisible();
      await shot('2-server');
      await action(page, '確認して次へ').click();
      await expect(page.getByRole('heading', { name: 'ファイルをこの PC にコピー' })).toBeVisible();
      await action(page, 'コピーして次へ').click();
      await expect(page.getByRole('heading', { name: 'IpXfer の実行' })).toBeVisible();
      await page.getByRole('navigation').getByRole('button', { name: 'ファイルのコピー' }).click();
      await expect(page.getByTestId('workdir')).toBeVisible();
      await shot('3-collect');
      await action(page, '次へ').click();
      await page.getByLabel('エージェントのアンロードパスワード').fill('trend');
      await shot('4-run');
      await confirmUnverified(page, ja);
      await action(page, 'IpXfer を実行').click();
      await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
      await expect(page.getByTestId('ticket-text')).toBeVisible();
      await shot('5-result');
      await page.getByRole('navigation').getByRole('button', { name: '再インストール手順' }).click();
      await shot('6-guide');
      expect(errors).toEqual([]);
    });
  }
});

test.describe('on the Apex One server', () => {
  test.use({ worldOptions: { serverIsThisPc: true, agent: false, tree: { certificateManager: { list: Buffer.from('コンピュータ名,IPアドレス,ドメイン\r\nPC-SALES-07,192.168.20.57,本社\\営業\r\nNB-KEIRI-03,192.168.30.13,本社\\経理\r\n') } } } });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the server check, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const shot = (name: string) => page.screenshot({ path: path.join(out, `${name}-${scheme}.png`), fullPage: true });
      await expect(page.getByTestId('no-agent-on-server')).toBeVisible();
      await shot('7-server-pc');
      await page.getByRole('button', { name: '証明書が一致しないエージェントを一覧表示' }).click();
      await action(page, 'CertificateManager を実行').click();
      await expect(page.getByTestId('agents-table')).toBeVisible();
      await shot('8-server-check');
    });
  }
});
