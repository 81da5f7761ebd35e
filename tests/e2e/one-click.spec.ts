/**
 * Issue 20: the default path in three actions on one screen, a state that never lies after a
 * result, and the keyboard (focus starts in the password field, every control shows its focus).
 */
import { test, expect, action, diagnosed, repairToFixed, toSourceStep, ja } from './harness.js';

test.describe('the default path', () => {
  test('from opening the wizard to a verified 修復済み in at most 3 actions, each phase shown live on the first screen', async ({ page, harness }) => {
    await diagnosed(page);
    // The first screen holds the plan: files, the server build and its evidence, the certificate and its thumbprint.
    const plan = page.getByTestId('plan');
    await expect(plan).toContainText('OfcNTCer.dat');
    await expect(plan).toContainText('IpXfer');
    await expect(plan.getByTestId('thumbprint')).toHaveText(/^[0-9a-f]{2}( [0-9a-f]{2}){19}$/);
    await expect(plan.getByTestId('build')).toBeVisible();
    // Focus starts in the password field, with "no unload password is set" beside it.
    await expect(page.getByLabel('エージェントのアンロードパスワード')).toBeFocused();
    await expect(page.getByTestId('repair-form').getByLabel('このエージェントにはアンロードパスワードが設定されていない')).toBeVisible();
    const phases: string[] = [];
    harness.service.repair.onState((s) => s.phase && phases.at(-1) !== s.phase && phases.push(s.phase));
    const actions = await repairToFixed(page, { password: 'x' });
    expect(actions).toBeLessThanOrEqual(3);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
    await expect(page.getByTestId('verdict-title')).toHaveText('修復済み');
    expect(phases).toEqual(['copy', 'checks', 'ipxfer', 'verify']);
  });

  test('the phases are on the repair screen while it runs, with a cancel', async ({ page, harness }) => {
    void harness;
    await diagnosed(page);
    await page.keyboard.type('x');
    await page.getByLabel('ファイルを確認済みのため、承知のうえで実行する').check();
    await action(page, '修復する').click();
    // The world's stand-in is quick: the phases show at least until the result replaces them.
    await expect(page.getByTestId('phases').or(page.getByTestId('verdict'))).toBeVisible();
  });
});

test.describe('a state that never lies', () => {
  test('after 修復済み: no step offers IpXfer on the removed folder, earlier steps show what is true now, and a reload keeps the result', async ({ page }) => {
    await diagnosed(page);
    await repairToFixed(page, { password: 'x' });
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('button', { name: '実行' })).toBeDisabled();
    await expect(nav.getByRole('button', { name: 'ファイルのコピー' })).toBeDisabled();
    await nav.getByRole('button', { name: 'このPC' }).click();
    await expect(page.getByTestId('diagnosis')).toHaveAttribute('data-matches', 'true');
    await expect(page.getByText('このPCで修復を実行できます。')).toHaveCount(0);
    await expect(page.getByText('エージェントの証明書がサーバの証明書と一致しません')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('diagnosis')).toHaveAttribute('data-matches', 'true');
    await nav.getByRole('button', { name: '結果' }).click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
    await expect(page.getByTestId('ticket')).toBeVisible();
  });

  test('after 「完了: 別のPCを修復」 step 1 never says "can be repaired" beside "they match"', async ({ page }) => {
    await diagnosed(page);
    await repairToFixed(page, { password: 'x' });
    await action(page, '完了: 別のPCを修復').click();
    await expect(page.getByTestId('diagnosis')).toHaveAttribute('data-matches', 'true');
    await expect(page.getByText('エージェントとサーバの証明書は一致しています。修復は不要です。')).toBeVisible();
    await expect(page.getByText('このPCで修復を実行できます。')).toHaveCount(0);
  });

  test('a reload on step 1 stays on step 1', async ({ page }) => {
    await diagnosed(page);
    await expect(page.getByTestId('plan')).toBeVisible();
    await page.reload();
    await diagnosed(page);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('このPC');
  });

  test('the source step has one forward button', async ({ page }) => {
    await diagnosed(page);
    await toSourceStep(page, ja);
    await expect(action(page, '確認して次へ')).toBeVisible();
    await expect(action(page, '次へ')).toHaveCount(0);
  });

});
test.describe('after a failure', () => {
  test.use({ worldOptions: { behaviour: { password: 'right' } } });
  test('after a failure: "Try another password" puts the keyboard in the emptied password field; no "repair another PC"', async ({ page }) => {
    await diagnosed(page);
    await page.keyboard.type('wrong');
    await page.getByLabel('ファイルを確認済みのため、承知のうえで実行する').check();
    await action(page, '修復する').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'failed');
    await expect(page.getByRole('button', { name: /別のPCを修復/ })).toHaveCount(0);
    await action(page, '別のパスワードで再実行').click();
    const field = page.getByLabel('エージェントのアンロードパスワード');
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('');
  });
  test('a wrong password, then the right one from the result: fresh copies, 修復済み', async ({ page }) => {
    await diagnosed(page);
    await page.keyboard.type('wrong');
    await page.getByLabel('ファイルを確認済みのため、承知のうえで実行する').check();
    await action(page, '修復する').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'failed');
    await action(page, '別のパスワードで再実行').click();
    await expect(page.getByLabel('エージェントのアンロードパスワード')).toBeFocused();
    await page.keyboard.type('right');
    await action(page, '修復する').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
  });
});

test.describe('keyboard', () => {
  test.use({ lang: 'en' });
  test('a focused checkbox looks different from the same checkbox unfocused (WCAG 2.4.7)', async ({ page }) => {
    await diagnosed(page);
    const box = page.getByLabel('I have checked these files: run them anyway');
    // Focus by keyboard (Tab) so :focus-visible applies, as for a keyboard user.
    await box.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(box).toBeFocused();
    const box2 = await box.boundingBox();
    const padded = { x: box2!.x - 8, y: box2!.y - 8, width: box2!.width + 16, height: box2!.height + 16 };
    const focused = await page.screenshot({ clip: padded });
    await page.getByRole('heading', { level: 2 }).focus();
    const plain = await page.screenshot({ clip: padded });
    expect(focused.equals(plain)).toBe(false);
  });
});
