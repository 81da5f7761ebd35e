/**
 * The Result step tells the truth once and ends clearly: a verdict that does not repeat itself,
 * what became of the working folder, the services a stopped IpXfer left stopped (and a button to
 * start them), the report readable in the page, a summary for the ticket, and a fresh start.
 */
import { test, expect, toRunStep, action, ja, en, runWithoutPassword } from './harness.js';

test.describe('a fixed agent (Japanese)', () => {
  test.use({ lang: 'ja', permissions: ['clipboard-read', 'clipboard-write'], worldOptions: { agentBuild: 12526 } });

  test('the verdict says it once; the report reads in the page; the ticket summary copies; "Done" starts again in the same language', async ({ page, harness }) => {
    await toRunStep(page, ja);
    await runWithoutPassword(page, ja);
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-outcome', 'fixed');
    await expect(page.getByTestId('verdict-title')).toHaveText('修復済み');
    await expect(verdict).not.toContainText('修復しました。');
    await expect(verdict).not.toContainText('修復済み —');
    await expect(page.getByTestId('workdir-after')).toContainText('は削除しました。エージェントは修復済みのため');

    // The report, read in the page (a browser cannot open the reports folder).
    await page.getByRole('button', { name: 'レポートを表示' }).click();
    await expect(page.getByTestId('report-text')).toContainText('Apex One証明書修復 — 修復 —');
    await expect(page.getByTestId('report-text')).toContainText('結果: 修復しました。');

    // One paragraph for the helpdesk ticket, in the session's language.
    const ticket = page.getByTestId('ticket-text');
    await expect(ticket).toContainText('PC-TEST-01（Windows x64）、Apex Oneセキュリティエージェント 14.0（ビルド 12526、接続先 srv）。');
    await expect(ticket).toContainText(`シリアル ${harness.world.old.serial} → ${harness.world.server.serial}（サーバの証明書と一致）`);
    await expect(ticket).toContainText(harness.service.repair.state.report!.text);
    await page.getByRole('button', { name: 'チケット用の要約をコピー' }).click();
    await expect(page.getByRole('button', { name: '要約をコピー済み' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await ticket.textContent());

    const first = harness.service.repair;
    await action(page, '完了: 別のPCを修復').click();
    await expect(page.getByRole('heading', { name: 'このPC', exact: true })).toBeVisible();
    expect(harness.service.repair).not.toBe(first);
    expect(harness.service.repair.state.lang).toBe('ja');
    // The new session looked again: this agent now holds the server's certificate.
    await expect(page.getByTestId('diagnosis-text')).toHaveText('エージェントとサーバの証明書は一致しています。修復は不要です。');
    await expect(page.getByRole('navigation').getByRole('button', { name: '結果' })).toBeDisabled();
  });
});

test.describe('agent services left stopped (English)', () => {
  test.use({ lang: 'en', worldOptions: { services: { ntrtscan: 'stopped', tmlisten: 'running' } } });

  test('"could not be confirmed" names the service and how to start it; the button starts it and the agent is then fixed', async ({ page }) => {
    await toRunStep(page, en);
    await runWithoutPassword(page, en);
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-outcome', 'not-verified');
    await expect(verdict).toContainText('These agent services are not running: Apex One NT RealTime Scan (ntrtscan). Start them as administrator (net start ntrtscan)');
    await expect(page.getByRole('button', { name: 'Try another password' })).toHaveCount(0);
    await action(page, 'Start the agent services').click();
    await expect(verdict).toHaveAttribute('data-outcome', 'fixed');
    await expect(page.getByRole('button', { name: 'Start the agent services' })).toHaveCount(0);
  });
});

test.describe('a cancelled run that left a service stopped (English)', () => {
  test.use({ lang: 'en', worldOptions: { services: { ntrtscan: 'stopped', tmlisten: 'running' }, behaviour: { hang: true, lines: ['working...'] } } });

  test('says which service is down and how to start it, offers the button, never "Try another password"; the confirmation stays ticked for the retry', async ({ page }) => {
    await toRunStep(page, en);
    await runWithoutPassword(page, en);
    await expect(page.getByTestId('log')).toContainText('working...');
    await action(page, 'Cancel').click();
    await action(page, 'Stop IpXfer').click();
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-outcome', 'cancelled');
    await expect(page.getByTestId('verdict-title')).toHaveText('Cancelled');
    await expect(verdict).toContainText('net start ntrtscan');
    await expect(page.getByRole('button', { name: 'Try another password' })).toHaveCount(0);
    await expect(action(page, 'Start the agent services')).toBeVisible();
    await expect(page.getByTestId('workdir-after')).toContainText('was kept');
    await action(page, 'Start the agent services').click();
    await expect(action(page, 'Start the agent services')).toHaveCount(0);
    await expect(verdict).not.toContainText('ntrtscan');
    // Again from the repair screen, with fresh copies: the confirmation given for this session stays ticked.
    await action(page, 'Repair again').click();
    await expect(page.getByLabel('Agent unload password')).toBeFocused();
    await expect(page.getByLabel('I have checked these files: run them anyway')).toBeChecked();
    // The stand-in had already given the certificate before it was stopped, and the services now run: nothing left to repair.
    await expect(action(page, 'Run the repair anyway')).toBeEnabled();
  });
});
