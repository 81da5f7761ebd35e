/**
 * Screenshots of every step, light and dark, in Japanese: docs/screenshots/ (the README shows some).
 * Only `npm run screenshots` runs this (playwright.screenshots.config.ts): the tests themselves
 * never write into the repository. It also proves each step renders without script errors.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, walkEveryStep } from '../e2e/harness.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

test.describe('the repair', () => {
  test.use({ worldOptions: { tree: { datfhs: ['x64'] }, agentBuild: 12526, codePage: 932, behaviour: { encoding: 'cp932', lines: ['IpXfer: サーバ証明書を読み込んでいます...', 'IpXfer: エージェントの設定を更新しています...', 'IpXfer: 完了しました。'] } } });

  for (const scheme of ['light', 'dark'] as const) {
    test(`every step, ${scheme}`, async ({ page }) => {
      test.setTimeout(120_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.emulateMedia({ colorScheme: scheme });
      const shot = (name: string) => page.screenshot({ path: path.join(out, `${name}-${scheme}.png`), fullPage: true });
      const names = { pc: '1-pc', server: '2-server', collect: '3-collect', run: '4-run', result: '5-result', guide: '6-guide' } as const;
      await walkEveryStep(page, 'trend', async (stop) => {
        if (stop === 'result') {
          await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
          await expect(page.getByTestId('ticket-text')).toBeVisible();
        }
        await shot(names[stop]);
      });
      expect(errors).toEqual([]);
    });
  }
});

test.describe('on the Apex One server', () => {
  test.use({ worldOptions: { serverIsThisPc: true, agent: false, tree: { certificateManager: { list: Buffer.from('コンピュータ名,IPアドレス,ドメイン\r\nPC-SALES-07,192.168.20.57,本社\\営業\r\nNB-KEIRI-03,192.168.30.13,本社\\経理\r\n') } } } });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the mismatched agents list, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const shot = (name: string) => page.screenshot({ path: path.join(out, `${name}-${scheme}.png`), fullPage: true });
      await expect(page.getByTestId('no-agent-on-server')).toBeVisible();
      await shot('7-server-pc');
      await page.getByRole('button', { name: '証明書が一致しないエージェントを一覧表示' }).click();
      await expect(page.getByTestId('agents-table')).toBeVisible();
      await shot('8-server-check');
    });
  }
});
