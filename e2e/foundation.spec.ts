import { expect, test } from '@playwright/test';
import { clickUntilGone, loginViaApi, loginViaForm } from './fixtures';

test('a zone leader signs in in Chinese, switches to English, creates a department; the auditor sees it in the audit log', async ({
  page,
}) => {
  const code = `E2E${Date.now().toString().slice(-6)}`;
  await loginViaForm(page, 'leader');
  await expect(page.getByText('周建国').first()).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /组织人事/ })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).first().click();
  await expect(page.getByRole('menuitem', { name: /Organization/ })).toBeVisible();

  await page.goto('/org/departments');
  await expect(
    page.getByRole('heading', { name: 'Departments' }).or(page.getByText('Departments').first()),
  ).toBeVisible();
  await expect(
    page.getByRole('cell', { name: 'General Office' }).or(page.getByRole('cell', { name: '党政综合办公室' })),
  ).toBeVisible();

  await page.getByRole('button', { name: /New/ }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Code').fill(code);
  await dialog.getByLabel('Department name').fill('数据资源局');
  await dialog.getByLabel('Class').click();
  await page
    .getByTitle('Coordination')
    .or(page.getByText('Coordination', { exact: true }))
    .last()
    .click();
  await clickUntilGone(dialog.getByRole('button', { name: /Save|OK/ }), dialog);
  await expect(page.getByRole('cell', { name: code })).toBeVisible();

  // The auditor of the same zone finds the creation in the audit log.
  await page.context().clearCookies();
  await loginViaApi(page, 'auditor', 'en-US');
  await page.goto('/audit');
  const row = page.getByRole('row').filter({ hasText: '周建国' }).filter({ hasText: 'Department' }).first();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /expand/i }).click();
  await expect(page.getByText(code).first()).toBeVisible();
});

test('wrong password shows the server message; an enterprise user gets 403 on the organisation pages', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('leader');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');

  await loginViaApi(page, 'enterprise');
  await page.goto('/org/departments');
  await expect(page.getByText('403')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /组织人事/ })).toHaveCount(0);
});

test('the shell works at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await loginViaApi(page, 'leader');
  await page.goto('/org/staff');
  await expect(page.getByText('档案职级').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});
