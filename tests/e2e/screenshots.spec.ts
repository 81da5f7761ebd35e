/**
 * Screenshots of every step, light and dark, in Japanese: docs/screenshots/ (the README shows some).
 * They also prove each step renders without script errors in both colour schemes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, action, confirmUnverified, ja } from './harness.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

test.use({ worldOptions: { tree: { datfhs: ['x64'] }, agentBuild: 12526, codePage: 932, behaviour: { encoding: 'cp932', lines: ['IpXfer: サーバー証明書を読み込んでいます...', 'IpXfer: エージェントの設定を更新しています...', 'IpXfer: 完了しました。'] } } });

for (const scheme of ['light', 'dark'] as const) {
  test(`every step, ${scheme}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.emulateMedia({ colorScheme: scheme });
    const shot = (name: string) => page.screenshot({ path: path.join(out, `${name}-${scheme}.png`), fullPage: true });
    await expect(page.getByText('この PC で修復を実行できます。')).toBeVisible();
    await shot('1-pc');
    await action(page, '次へ').click();
    await action(page, '確認').click();
    await expect(page.getByTestId('plan')).toBeVisible();
    await shot('2-server');
    await action(page, '次へ').click();
    await action(page, 'ファイルをコピー').click();
    await expect(page.getByTestId('workdir')).toBeVisible();
    await shot('3-collect');
    await action(page, '次へ').click();
    await page.getByLabel('エージェントのアンロードパスワード').fill('trend');
    await shot('4-run');
    await confirmUnverified(page, ja);
    await action(page, 'IpXfer を実行').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
    await shot('5-result');
    await page.getByRole('navigation').getByRole('button', { name: '再インストール手順' }).click();
    await shot('6-guide');
    expect(errors).toEqual([]);
  });
}
