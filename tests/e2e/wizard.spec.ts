import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { test, expect, toRunStep, action, confirmUnverified, diagnosed, ja, en, runWithoutPassword, toSourceStep } from './harness.js';

const PASSWORD = 'Tr3nd#パス word';

test.describe('happy path, x64 with a password (Japanese)', () => {
  test.use({ worldOptions: { tree: { datfhs: ['x64'] }, behaviour: { password: PASSWORD, echoArgs: true, lines: ['証明書を更新しています'] } } });

  test('walks every step to "fixed", and the password is nowhere afterwards', async ({ page, harness }) => {
    await expect(page.getByTestId('arch')).toHaveText('64ビット（x64）');
    await expect(page.getByText('このPCで修復を実行できます。')).toBeVisible();
    // Before anything is asked: the agent's certificate beside the server's, and what that means.
    await expect(page.getByTestId('diagnosis-text')).toHaveText('エージェントの証明書がサーバの証明書と一致しません。KB 1102855の手順で修復します。');
    await expect(page.getByTestId('server-serial')).toHaveText(harness.world.server.serial);
    await expect(page.getByTestId('agent-serial')).toHaveText(harness.world.old.serial);
    await toSourceStep(page, ja);
    // The source is pre-filled from the agent's server, and was checked already.
    await expect(page.getByLabel('サーバまたはフォルダ')).toHaveValue('\\\\srv\\ofcscan');
    await expect(page.getByTestId('plan')).toContainText('IpXfer_x64.exe');
    await expect(page.getByTestId('plan')).toContainText('DatFHS_x64.dll');
    await expect(page.getByTestId('certificate')).toContainText(harness.world.server.serial);
    // One action per step: check, and on to the copy.
    await action(page, '確認して次へ').click();
    await expect(page.getByRole('heading', { name: 'ファイルをこのPCにコピー' })).toBeVisible();
    await action(page, 'コピーして次へ').click();
    await expect(page.getByRole('heading', { name: 'IpXferの実行' })).toBeVisible();
    await page.getByRole('navigation').getByRole('button', { name: 'ファイルのコピー' }).click();
    await expect(page.getByTestId('file-ipxfer')).toContainText('SHA-256');
    await page.getByRole('navigation').getByRole('button', { name: '実行' }).click();

    const field = page.getByLabel('エージェントのアンロードパスワード');
    await field.fill(PASSWORD);
    await expect(field).toHaveAttribute('type', 'password');
    await page.getByRole('button', { name: '表示' }).click();
    await expect(field).toHaveAttribute('type', 'text');
    await expect(page.getByTestId('command')).toContainText('-pwd ********');
    await confirmUnverified(page, ja);
    await action(page, 'IpXferを実行').click();

    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
    await expect(page.getByTestId('checks')).toContainText('サーバの証明書と一致');
    await expect(page.getByTestId('report-path')).toContainText('PC-TEST-01_');
    expect(await readFile(path.join(harness.world.agentDir, 'OfcNTCer.dat'))).toEqual(harness.world.server.der);

    // The password: gone from the page, never sent back to it, not in reports or the console.
    // Step 4 is closed after the result; the repair screen's field is empty too.
    await expect(page.getByRole('navigation').getByRole('button', { name: '実行' })).toBeDisabled();
    await page.getByRole('navigation').getByRole('button', { name: 'このPC' }).click();
    await expect(page.getByLabel('エージェントのアンロードパスワード')).toHaveValue('');
    expect(await page.content()).not.toContain(PASSWORD);
    expect(harness.received.join('\n')).not.toContain('Tr3nd#');
    // The command as sent to the page carries the mask; IpXfer's own echo of it is hidden as a whole line.
    expect(harness.received.join('\n')).toContain('"-pwd","********"');
    expect(harness.console.join('\n')).not.toContain('Tr3nd#');
    const reports = await readdir(harness.world.reportsDir);
    for (const name of reports) expect(await readFile(path.join(harness.world.reportsDir, name), 'utf8')).not.toContain('Tr3nd#');
    // IpXfer did get it, exactly.
    expect(JSON.parse(await readFile(harness.world.record, 'utf8')).argv.at(-1)).toBe(PASSWORD);
  });
});

test.describe('x86 without a password (English)', () => {
  test.use({ lang: 'en', worldOptions: { arch: 'x86', tree: { datfhs: ['x86'] } } });

  test('uses IpXfer.exe and DatFHS.dll and runs without -pwd', async ({ page, harness }) => {
    await expect(page.getByTestId('arch')).toHaveText('32-bit (x86)');
    await toRunStep(page, en);
    await page.getByLabel('No unload password is set on this agent').check();
    await expect(page.getByTestId('command')).not.toContainText('-pwd');
    await expect(page.getByTestId('command')).toContainText('IpXfer.exe');
    await confirmUnverified(page, en);
    await action(page, 'Run IpXfer').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
    expect(JSON.parse(await readFile(harness.world.record, 'utf8')).argv).toHaveLength(2);
  });

  test('asks for a password or the "no password" choice before running', async ({ page }) => {
    await toRunStep(page, en);
    await confirmUnverified(page, en);
    await action(page, 'Run IpXfer').click();
    await expect(page.getByText('Enter the password, or tick "No unload password is set".')).toBeVisible();
  });
});

test.describe('build 12526 or later without the DLL', () => {
  test.use({ lang: 'en' });

  test('is blocked with a message naming the file, and nothing can be copied', async ({ page }) => {
    await diagnosed(page);
    await toSourceStep(page, en);
    await expect(page.getByTestId('build')).toHaveText('Unknown');
    await page.getByLabel('Enter the build if this is wrong').fill('12526');
    await page.getByRole('button', { name: 'Use this build' }).click();
    await expect(page.locator('[data-error-code="datfhs-missing"]')).toContainText('DatFHS_x64.dll must go with IpXfer');
    await expect(page.getByRole('navigation').getByRole('button', { name: 'Copy files' })).toBeDisabled();
  });
});

test.describe('a server build named by the user', () => {
  test.use({ lang: 'en' });

  test('stays with the session across checks, and "Use the detected build" takes it back', async ({ page }) => {
    const serverStep = () => page.getByRole('navigation').getByRole('button', { name: 'Server' }).click();
    await diagnosed(page);
    await toSourceStep(page, en);
    await expect(page.getByTestId('build')).toHaveText('Unknown');
    await page.getByLabel('Enter the build if this is wrong').fill('11000');
    await page.getByRole('button', { name: 'Use this build' }).click();
    await expect(page.getByRole('heading', { name: 'Copy the files to this PC' })).toBeVisible();
    await serverStep();
    await expect(page.getByTestId('build')).toHaveText('11000');
    // Checked again without naming a build: the session still holds the one the user gave.
    await action(page, 'Check and continue').click();
    await expect(page.getByRole('heading', { name: 'Copy the files to this PC' })).toBeVisible();
    await serverStep();
    await expect(page.getByTestId('build')).toHaveText('11000');
    await page.getByTestId('override-clear').click();
    await serverStep();
    await expect(page.getByTestId('build')).toHaveText('Unknown');
    await expect(page.getByTestId('override-clear')).toHaveCount(0);
  });
});

test.describe('wrong password, then the right one', () => {
  test.use({ lang: 'en', worldOptions: { behaviour: { password: 'right-password' } } });

  test('the retry is a new repair with fresh copies, from the repair screen', async ({ page, harness }) => {
    await toRunStep(page, en);
    await page.getByLabel('Agent unload password').fill('wrong-password');
    await confirmUnverified(page, en);
    await action(page, 'Run IpXfer').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'failed');
    await expect(page.getByTestId('verdict')).toContainText('Not fixed');
    const firstCopies = harness.service.repair.state.collect.workDir;
    await page.getByRole('button', { name: 'Try another password' }).click();
    await expect(page.getByLabel('Agent unload password')).toBeFocused();
    await page.keyboard.type('right-password');
    await confirmUnverified(page, en);
    await action(page, 'Repair').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
    expect(harness.service.repair.state.collect.workDir).not.toBe(firstCopies);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
    expect(harness.service.repair.state.run?.attempt).toBe(2);
    expect(harness.received.join('\n')).not.toContain('right-password');
    expect(harness.received.join('\n')).not.toContain('wrong-password');
  });
});

test.describe('a hanging IpXfer', () => {
  test.use({ lang: 'en', worldOptions: { behaviour: { hang: true, lines: ['working...'] } } });

  test('can be cancelled from the page; the result says so', async ({ page }) => {
    await toRunStep(page, en);
    await runWithoutPassword(page, en);
    await expect(page.getByTestId('log')).toContainText('working...');
    await expect(page.getByTestId('elapsed')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    // It asks first, saying what stopping part-way can do; "Keep running" keeps it running.
    await expect(page.getByTestId('cancel-confirm')).toContainText('net start ntrtscan');
    await page.getByRole('button', { name: 'Keep running' }).click();
    await expect(page.getByTestId('cancel-confirm')).toHaveCount(0);
    await expect(page.getByTestId('elapsed')).toBeVisible();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Stop IpXfer' }).click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'cancelled');
    await expect(page.getByTestId('verdict')).toContainText('IpXfer was stopped');
  });
});

test.describe('this PC is not ready', () => {
  test.describe('not elevated', () => {
    test.use({ lang: 'en', worldOptions: { elevated: false } });
    test('explains why administrator rights matter and does not go on', async ({ page }) => {
      await expect(page.locator('[data-blocker="not-elevated"]')).toContainText('Administrator rights are needed');
      await expect(page.getByText('IpXfer rewrites the agent\'s settings and restarts its services, so it needs administrator rights.')).toBeVisible();
      // The browser host cannot restart itself elevated: it says how to do it by hand.
      await expect(page.getByText('right-click it and choose "Run as administrator"')).toBeVisible();
      // Nothing to repair with here: no password, no Repair.
      await expect(page.getByTestId('repair-form')).toHaveCount(0);
    });
  });

  test.describe('no agent', () => {
    test.use({ worldOptions: { agent: false } });
    test('says there is nothing to repair and leads to the install guide', async ({ page }) => {
      await expect(page.locator('[data-blocker="no-agent"]')).toContainText('セキュリティエージェントがインストールされていない');
      await page.getByRole('button', { name: 'インストール手順を開く' }).click();
      await expect(page.getByTestId('guide')).toContainText('AutoPcc.exe');
    });
  });
});

test.describe('bad source forms', () => {
  test.use({ lang: 'en' });

  test('an unknown server lists the places tried; an empty field asks for a source', async ({ page }) => {
    await diagnosed(page);
    await toSourceStep(page, en);
    const field = page.getByLabel('Server or folder');
    await field.fill('\\\\nosuch');
    await field.press('Enter');
    // An error keeps the user on the step, with every place looked at.
    await expect(page.locator('[data-error-code="source-not-found"]')).toContainText('No Apex One server files (PCCSRV) were found for "\\\\nosuch"');
    await expect(page.getByTestId('tried')).toContainText('\\\\nosuch\\c$\\Program Files (x86)\\Trend Micro\\Apex One\\PCCSRV');
    await expect(page.getByRole('heading', { name: 'Where are the server\'s files?' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('button', { name: 'Copy files' })).toBeDisabled();
    await field.fill('   ');
    await field.press('Enter');
    await expect(page.locator('[data-error-code="source-empty"]')).toBeVisible();
  });

  test('a folder with a garbage certificate says the certificate is not usable', async ({ page, harness }) => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(harness.world.pccsrv, 'Pccnt', 'Common', 'OfcNTCer.dat'), 'garbage');
    await page.getByText('This PC is ready for the repair.').waitFor();
    await toSourceStep(page, en);
    await page.getByLabel('Server or folder').fill(harness.world.pccsrv);
    await action(page, 'Check and continue').click();
    await expect(page.locator('[data-error-code="certificate-invalid"]')).toContainText('is not a usable certificate');
  });
});

test.describe('an IpXfer that is not signed by Trend Micro', () => {
  test.use({ lang: 'en' });

  test('is named with why, and runs only after an explicit confirmation', async ({ page, harness }) => {
    await toRunStep(page, en);
    await page.getByRole('navigation').getByRole('button', { name: 'Copy files' }).click();
    await expect(page.getByTestId('publisher-ipxfer')).toHaveText('Not signed');
    await page.getByRole('navigation').getByRole('button', { name: 'Run' }).click();
    await expect(page.getByTestId('publisher-warning')).toContainText('IpXfer_x64.exe: Not signed');
    await page.getByLabel('No unload password is set on this agent').check();
    await expect(action(page, 'Run IpXfer')).toBeDisabled();
    await confirmUnverified(page, en);
    await action(page, 'Run IpXfer').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
    expect(harness.service.repair.state.publisherOverride).toBe(true);
  });
});

test.describe('recent sources', () => {
  test.use({ lang: 'en' });

  test('a source the user typed and that was found is offered again after the page is reopened; the pre-filled one is not listed', async ({ page, harness }) => {
    await diagnosed(page);
    await toSourceStep(page, en);
    // The pre-filled suggestion, checked as it is: offered anyway, so not a "recent" entry.
    await action(page, 'Check and continue').click();
    await expect(page.getByRole('heading', { name: 'Copy the files to this PC' })).toBeVisible();
    await page.getByRole('navigation').getByRole('button', { name: 'Server' }).click();
    await page.getByLabel('Server or folder').fill('\\\\srv');
    await action(page, 'Check and continue').click();
    await expect(page.getByRole('heading', { name: 'Copy the files to this PC' })).toBeVisible();
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: 'Server' }).click();
    await page.getByLabel('Server or folder').fill('');
    await expect(page.getByRole('button', { name: '\\\\srv\\ofcscan', exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: '\\\\srv', exact: true }).click();
    // The recent source is checked at once, and the wizard moves on.
    await expect(page.getByRole('heading', { name: 'Copy the files to this PC' })).toBeVisible();
    expect(harness.service.repair.state.source?.input).toBe('\\\\srv');
  });
});

test.describe('languages', () => {
  test('Japanese by default on a Japanese browser; switching rewords the screen and the engine\'s messages', async ({ page }) => {
    await expect(page.getByRole('heading', { name: 'このPC' })).toBeVisible();
    await diagnosed(page);
    await toSourceStep(page, ja);
    await page.getByLabel('サーバまたはフォルダ').fill('\\\\nosuch');
    await action(page, '確認して次へ').click();
    await expect(page.locator('[data-error-code="source-not-found"]')).toContainText('Apex Oneサーバのファイル');
    await page.getByLabel('言語').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Where are the server\'s files?' })).toBeVisible();
    await expect(page.locator('[data-error-code="source-not-found"]')).toContainText('No Apex One server files');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('the language the app started with', () => {
  // The host was started in Japanese (--lang ja); the browser prefers English.
  test.use({ lang: 'ja', locale: 'en-US' });
  test('wins over the browser\'s: the page and the engine stay Japanese', async ({ page, harness }) => {
    await expect(page.getByRole('heading', { name: 'このPC' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    expect(harness.service.repair.state.lang).toBe('ja');
  });

  test('draws the first screen in it from the start: never a moment in the browser\'s language', async ({ page }) => {
    // Every heading of the page as each change left it, from the page's first script on (a reload).
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { headings: string[] }).headings = seen;
      new MutationObserver(() => {
        for (const h of document.querySelectorAll('main h2')) seen.push(h.textContent?.trim() ?? '');
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'このPC' })).toBeVisible();
    const headings = await page.evaluate(() => (window as unknown as { headings: string[] }).headings);
    expect(headings).toContain('このPC');
    expect(headings).not.toContain('This PC');
  });
});

test.describe('keyboard only', () => {
  test.use({ lang: 'en' });

  test('the happy path with Tab, Space and Enter', async ({ page }) => {
    await expect(page.getByText('This PC is ready for the repair.')).toBeVisible();
    const press = async (key: string, times = 1) => {
      for (let i = 0; i < times; i++) await page.keyboard.press(key);
    };
    // Tab until the control with this text (or, for a field, its label) has the focus.
    const focusButton = async (name: string) => {
      for (let i = 0; i < 40; i++) {
        await press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : el?.closest('label')?.textContent;
          return (label ?? el?.textContent ?? '').trim();
        });
        if (focused === name) return;
      }
      throw new Error(`could not reach "${name}" with Tab`);
    };
    await page.getByTestId('diagnosis').waitFor();
    await focusButton('Use another server or a kit');
    await press('Enter');
    await page.getByLabel('Server or folder').focus();
    // Enter in the field is the step's one action: check, then on to the copy.
    await press('Enter');
    await expect(page.getByRole('heading', { name: 'Copy the files to this PC' })).toBeFocused();
    await expect(page.getByTestId('announcer')).toContainText('Server files found.');
    await focusButton('Copy and continue');
    await press('Space');
    await expect(page.getByRole('heading', { name: 'Run IpXfer' })).toBeFocused();
    await expect(page.getByTestId('announcer')).toContainText('Copied and checked.');
    await focusButton('Agent unload password');
    await page.keyboard.type('anything');
    // The fake IpXfer is unsigned: tick the confirmation by keyboard too.
    await focusButton('I have checked these files: run them anyway');
    await press('Space');
    await focusButton('Agent unload password');
    await press('Enter');
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed');
  });
});

test.describe('a flood of output', () => {
  test.use({ lang: 'en', worldOptions: { behaviour: { flood: 100_000 } } });

  test('100k lines arrive, the pane keeps only what is visible in the page', async ({ page }) => {
    await toRunStep(page, en);
    await runWithoutPassword(page, en);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-outcome', 'fixed', { timeout: 30_000 });
    // The run's copies are done with (step 4 closed): its output stays on the repair screen.
    await page.getByRole('navigation').getByRole('button', { name: 'This PC' }).click();
    await expect(page.getByTestId('line-count')).toHaveText('100,000 lines');
    await expect(page.getByTestId('log')).toContainText('line 100000');
    expect(await page.getByTestId('log').locator('.line').count()).toBeLessThan(100);
  });
});

test.describe('files from another server than the agent\'s (issue 18 §2)', () => {
  test.use({ lang: 'en', worldOptions: { otherServers: ['old-srv'] } });

  test('are refused naming both servers; only a ticked confirmation goes on, and the plan says so', async ({ page, harness }) => {
    await diagnosed(page);
    await toSourceStep(page, en);
    // The agent's own server's certificate is shown with its thumbprint, as Windows shows it.
    await expect(page.getByTestId('thumbprint')).toHaveText(/^([0-9a-f]{2} ){19}[0-9a-f]{2}$/);
    const field = page.getByLabel('Server or folder');
    await field.fill('\\\\old-srv');
    await field.press('Enter');
    await expect(page.locator('[data-error-code="server-mismatch"]')).toContainText('The files come from old-srv, but this agent reports to srv');
    await expect(page.getByRole('navigation').getByRole('button', { name: 'Copy files' })).toBeDisabled();
    const confirm = page.getByTestId('other-server');
    const use = confirm.getByRole('button', { name: 'Use old-srv anyway' });
    await expect(use).toBeDisabled();
    await confirm.getByLabel('I have checked: use the files from old-srv for this agent (reporting to srv)').check();
    await use.click();
    await expect(page.getByRole('heading', { name: 'Copy the files to this PC' })).toBeVisible();
    expect(harness.service.repair.state.serverMatch).toMatchObject({ source: 'old-srv', agent: 'srv', allowed: true });
    await page.getByRole('navigation').getByRole('button', { name: 'Server' }).click();
    await expect(page.getByTestId('plan')).toContainText('These files are from old-srv, but this agent reports to srv: you confirmed using them');
  });
});
