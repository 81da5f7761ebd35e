import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, action, diagnosed, toSourceStep, ja, en } from './harness.js';

const agentsCsv = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/agents/ja-cp932.csv'));

test.describe('mismatched agents list on the Apex One server', () => {
  test.use({ worldOptions: { serverIsThisPc: true, tree: { certificateManager: { list: agentsCsv } } } });

  test('lists the mismatched agents: count, filter, sort, export, host names', async ({ page }) => {
    await expect(page.getByTestId('local-server')).toContainText('このPCはApex Oneサーバです');
    // One click lists them: the button opens the page and runs CertificateManager.
    await page.getByRole('button', { name: '証明書が一致しないエージェントを一覧表示' }).click();
    await expect(page.getByTestId('agent-count')).toHaveText('2台のエージェント');
    await expect(page.getByText('この一覧のエージェントは、更新前の証明書のままになっている可能性があります')).toBeVisible();
    const table = page.getByTestId('agents-table');
    await expect(table.locator('thead th')).toHaveText(['コンピュータ名', 'IPアドレス', 'ドメイン', 'GUID', '最終接続日時']);
    await page.getByLabel('絞り込み').fill('営業');
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await page.getByLabel('絞り込み').fill('');
    await page.getByRole('button', { name: 'IPアドレス で並べ替え' }).click();
    await page.getByRole('button', { name: 'IPアドレス で並べ替え' }).click();
    await expect(table.locator('tbody tr').first()).toContainText('10.1.5.9');
    await expect(table.locator('th').nth(1)).toHaveAttribute('aria-sort', 'descending');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSVで保存（Excel用）' }).click();
    const file = await (await download).path();
    const bytes = readFileSync(file!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('PC-経理-01');
  });
});

test.describe('on the server itself, without an agent', () => {
  test.use({ worldOptions: { serverIsThisPc: true, agent: false, tree: { certificateManager: { list: agentsCsv } } } });

  test('no red error on the first screen: the mismatched agents list leads, and the missing agent is said as normal', async ({ page }) => {
    await expect(page.getByTestId('no-agent-on-server')).toContainText('Apex Oneサーバでは通常の状態です');
    await expect(page.locator('.banner.bad, [data-blocker], .badge.bad')).toHaveCount(0);
    // The mismatched agents list comes first, as the screen's one primary action.
    const lead = page.getByTestId('local-server');
    await expect(lead.getByRole('button', { name: '証明書が一致しないエージェントを一覧表示' })).toHaveClass(/primary/);
    const cards = await page.locator('main .card').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(cards[0]).toBe('local-server');
    await expect(action(page, '別のサーバまたはキットを使う')).not.toHaveClass(/primary/);
  });

  test('the Server step makes an offline kit from this server\'s own files', async ({ page, harness }) => {
    await expect(page.getByTestId('local-server')).toBeVisible();
    await toSourceStep(page, ja);
    await expect(page.getByTestId('server-kit-hint')).toBeVisible();
    await expect(page.getByLabel('サーバまたはフォルダ')).toHaveValue(/PCCSRV$/);
    await action(page, 'ファイルを確認').click();
    await expect(page.getByTestId('plan')).toBeVisible();
    // Nothing to repair here: the check does not move on to copying.
    await expect(page.getByRole('heading', { name: 'サーバのファイルはどこにありますか？' })).toBeVisible();
    await page.getByText('USBメモリ用のオフラインキット').click();
    const out = path.join(harness.world.dir, 'stick');
    await page.getByLabel('キットを作るフォルダ').fill(out);
    await action(page, 'キットを作成').click();
    await expect(page.getByTestId('kit-done')).toContainText('キットを作成しました:');
    expect(existsSync(path.join(out, 'ApexCertFix-kit', 'manifest.json'))).toBe(true);
  });
});

test.describe('offline kit from the wizard', () => {
  test.use({ lang: 'en', worldOptions: { tree: { datfhs: ['x86', 'x64'] } } });

  test('writes the kit after a successful check, and the repair can still go on', async ({ page, harness }) => {
    await diagnosed(page);
    await toSourceStep(page, en);
    await expect(page.getByTestId('plan')).toBeVisible();
    await page.getByText('Offline kit for a USB stick').click();
    const out = path.join(harness.world.dir, 'stick');
    await page.getByLabel('Folder to write the kit into').fill(out);
    await action(page, 'Make the kit').click();
    await expect(page.getByTestId('kit-done')).toContainText('Kit written:');
    expect(existsSync(path.join(out, 'ApexCertFix-kit', 'manifest.json'))).toBe(true);
    expect(existsSync(path.join(out, 'ApexCertFix-kit', 'DatFHS.dll'))).toBe(true);
    await expect(action(page, 'Check and continue')).toBeEnabled();
  });
});
