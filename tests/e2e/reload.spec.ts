/**
 * The session lives in the engine, not the page: a reload or a closed tab shows where the session
 * is (a running step with its log so far, or the result), and leaving during a run asks first.
 */
import { test, expect, toRunStep, action, en, runWithoutPassword } from './harness.js';

const LINES = ['step 1 of 6', 'step 2 of 6', 'step 3 of 6', 'step 4 of 6', 'step 5 of 6', 'step 6 of 6'];

test.describe('a reload during a run', () => {
  test.use({ lang: 'en', worldOptions: { behaviour: { lines: LINES, lineDelayMs: 800 } } });

  test('asks first, then shows Run with its log so far and the steps locked, and reaches the result when it ends', async ({ page }) => {
    await toRunStep(page, en);
    await runWithoutPassword(page, en);
    await expect(page.getByTestId('log')).toContainText('step 2 of 6');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await page.reload();
    expect(dialogs).toEqual(['beforeunload']);
    await expect(page.getByRole('heading', { name: 'Run IpXfer' })).toBeVisible();
    // The whole log so far, not only what came after the reload.
    await expect(page.getByTestId('log')).toContainText('step 1 of 6');
    await expect(page.getByTestId('log')).toContainText('step 2 of 6');
    await expect(page.getByTestId('elapsed')).toBeVisible();
    const nav = page.getByRole('navigation');
    for (const step of ['This PC', 'Server', 'Copy files', 'Reinstall guide']) await expect(nav.getByRole('button', { name: step })).toBeDisabled();
    await expect(action(page, 'Run IpXfer')).toBeDisabled();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed', { timeout: 20_000 });
    await expect(page.getByTestId('report-path')).toBeVisible();
  });
});

test.describe('a reload or a closed tab after the result', () => {
  test.use({ lang: 'en' });

  test('shows the result with its verdict and report; the PC is not looked at again', async ({ page, context, harness }) => {
    await toRunStep(page, en);
    await runWithoutPassword(page, en);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
    const report = await page.getByTestId('report-path').textContent();
    const finishedAt = harness.service.repair.state.finishedAt;

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Result' })).toBeVisible();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
    await expect(page.getByTestId('report-path')).toHaveText(report!);

    await page.close();
    const again = await context.newPage();
    await again.goto(harness.host.url);
    await expect(again.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
    await expect(again.getByTestId('report-path')).toHaveText(report!);
    // Nothing was detected or checked again: the session is the one that ended.
    expect(harness.service.repair.state.finishedAt).toBe(finishedAt);
    expect(harness.service.repair.state.outcome).toBe('fixed');
  });
});
