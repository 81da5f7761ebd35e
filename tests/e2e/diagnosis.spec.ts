/**
 * Say what is wrong before asking anything, and one action per step: the first screen compares the
 * agent's certificate with the server's; when they match, repairing is an explicit choice beside a
 * plain finish; "Check" and "Copy" each do their step and move on, and every change is announced.
 */
import type { Page } from '@playwright/test';
import { test, expect, action, diagnosed, ja, en, runWithoutPassword, toSourceStep } from './harness.js';

test.describe('the agent already holds the server\'s certificate (English)', () => {
  test.use({ lang: 'en', worldOptions: { agentHasServerCertificate: true } });

  test('the first screen says there is nothing to repair; "Finish" ends with a report and copies nothing', async ({ page, harness }) => {
    await expect(page.getByTestId('diagnosis-text')).toHaveText('They match: nothing to repair.');
    await expect(page.getByTestId('agent-serial')).toHaveText(harness.world.server.serial);
    await toSourceStep(page, en);
    await action(page, 'Check and continue').click();
    await expect(page.getByRole('heading', { name: 'Copy the files to this PC' })).toBeVisible();
    // Copying is not the default any more: the repair is an explicit choice, beside the plain finish.
    await expect(action(page, 'Copy and continue')).toHaveCount(0);
    await expect(action(page, 'Run the repair anyway')).toHaveClass(/primary/);
    await expect(action(page, 'Finish: nothing to repair')).not.toHaveClass(/primary/);
    await action(page, 'Finish: nothing to repair').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'already-fixed');
    await expect(page.getByTestId('verdict-title')).toHaveText('Nothing to repair');
    await expect(page.getByTestId('report-path')).toBeVisible();
    await expect(page.getByTestId('ticket-text')).toContainText(`Agent certificate: serial ${harness.world.server.serial} (already the server's).`);
    expect(await harness.world.workFiles()).toEqual([]);
  });

  test('"Run the repair anyway" copies and runs', async ({ page }) => {
    await diagnosed(page);
    await toSourceStep(page, en);
    await action(page, 'Check and continue').click();
    await action(page, 'Run the repair anyway').click();
    await expect(page.getByRole('heading', { name: 'Run IpXfer' })).toBeVisible();
    await runWithoutPassword(page, en);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
  });
});

/** Names of the buttons in the step list and in the step itself: they must never be the same. */
async function sameNames(page: Page): Promise<string[]> {
  const names = (scope: string) => page.locator(`${scope} button:visible`).evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/^\s*[0-9?]\s*/, '').trim()));
  const nav = new Set(await names('nav'));
  return (await names('main')).filter((n) => nav.has(n));
}

test.describe('one action per step, announced (Japanese)', () => {
  test('"Check" and "Copy" each move on when they succeed; the live region says what happened; step links and actions differ in name', async ({ page }) => {
    await diagnosed(page);
    expect(await sameNames(page)).toEqual([]);
    await toSourceStep(page, ja);
    expect(await sameNames(page)).toEqual([]);
    await action(page, '確認して次へ').click();
    await expect(page.getByRole('heading', { name: 'ファイルをこのPCにコピー' })).toBeFocused();
    await expect(page.getByTestId('announcer')).toHaveText('サーバのファイルが見つかりました。 現在の手順: ファイルのコピー。');
    expect(await sameNames(page)).toEqual([]);
    await action(page, 'コピーして次へ').click();
    await expect(page.getByRole('heading', { name: 'IpXferの実行' })).toBeFocused();
    await expect(page.getByTestId('announcer')).toHaveText('コピーと確認が完了しました。 現在の手順: 実行。');
    expect(await sameNames(page)).toEqual([]);
    await runWithoutPassword(page, ja);
    await expect(page.getByTestId('announcer')).toHaveText('修復済み');
    expect(await sameNames(page)).toEqual([]);
  });
});
