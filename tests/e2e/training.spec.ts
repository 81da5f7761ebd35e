/** Training mode habits: why the stand-ins are unsigned, and a page opened without its key. */
import { test, expect, toRunStep, ja } from './harness.js';

test('the unsigned-program confirmation explains that the training programs are unsigned on purpose', async ({ page }) => {
  await toRunStep(page, ja);
  const warning = page.getByTestId('publisher-warning');
  await expect(warning).toContainText('わざと署名していないスクリプトです');
  await expect(warning).toContainText('実際のApex OneサーバのIpXferにはTrend Microの署名があり、この確認は表示されません');
});

for (const [name, address] of [
  ['without its key', (url: string) => url.replace(/\?token=.*$/, '')],
  ['with a wrong key', (url: string) => url.replace(/token=.*$/, 'token=stale')],
] as const) {
  test(`a page opened ${name} says to open the address printed in the terminal, not to reload`, async ({ page, harness }) => {
    const other = await page.context().newPage();
    await other.goto(address(harness.host.url));
    const banner = other.getByTestId('connection');
    await expect(banner).toContainText('ターミナルに表示されたアドレスを開いてください');
    await expect(banner).not.toContainText('このページを再読み込みしてください');
    await expect(other.getByText('接続しています…')).toHaveCount(0);
  });
}
