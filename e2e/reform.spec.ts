import { expect, test } from '@playwright/test';
import { clickUntilGone, confirmPopover, loginViaApi, pickOption } from './fixtures';

test('a zone leader publishes a new authority-list version and reads the diff against the 79-item list', async ({
  page,
}) => {
  await loginViaApi(page, 'leader');
  await page.goto('/reform/authority');
  // The seeded 2024 list compared with the one before the reform, as seed article 000 reports it.
  await expect(page.getByTestId('diff-summary')).toHaveText('保留 49 项 + 新增 30 项 − 取消 19 项 → 79 项');

  // 1. A draft starts as a copy of the 79 active powers.
  await page.getByRole('button', { name: '新建草稿版本' }).click();
  const draftDialog = page.getByRole('dialog', { name: '新建草稿版本' });
  await draftDialog.getByLabel('版本名称').fill('2025年赋权清单调整');
  await draftDialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.locator('.ant-card-head-title', { hasText: 'V3 2025年赋权清单调整' })).toBeVisible();
  await expect(page.getByText('共 79 条')).toBeVisible();

  // 2. One newly empowered power, one power given up.
  await page.getByRole('button', { name: /新\s*建$/ }).click();
  const itemDialog = page.getByRole('dialog', { name: '新增事项' });
  await itemDialog.getByLabel('事项编码').fill('yy-fq-101');
  await itemDialog.getByLabel('事项名称').fill('建设工程竣工规划核实（工业项目）');
  await itemDialog.getByLabel('赋权部门').fill('区自然资源局');
  await itemDialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('共 80 条')).toBeVisible();
  await page.getByPlaceholder('编码、名称或赋权部门').fill('YY-QL-049');
  await page.getByPlaceholder('编码、名称或赋权部门').press('Enter');
  const row = page.getByRole('row').filter({ hasText: 'YY-QL-049' });
  await row.getByText('编辑').click();
  const editDialog = page.getByRole('dialog', { name: '编辑事项' });
  await pickOption(page, editDialog.getByLabel('来源'), '取消');
  await clickUntilGone(editDialog.getByRole('button', { name: /保\s*存/ }), editDialog);
  await expect(row.getByText('取消')).toBeVisible();

  // 3. Publish: the version is frozen (no more item buttons) and the diff against V2 is shown.
  await confirmPopover(page, page.getByRole('button', { name: /发\s*布/ }));
  await expect(page.getByText('已发布').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /发\s*布/ })).toHaveCount(0);
  await expect(page.getByTestId('diff-summary')).toHaveText('保留 78 项 + 新增 1 项 − 取消 1 项 → 79 项');
  await page.getByRole('tab', { name: '新增 (1)' }).click();
  await expect(page.getByRole('cell', { name: 'YY-FQ-101' })).toBeVisible();
});

test('a department raises a whistle matter and sees its working-day deadline across National Day', async ({ page }) => {
  await loginViaApi(page, 'invest.staff');
  await page.goto('/reform/whistles');
  await page.getByRole('button', { name: '吹哨' }).click();
  const dialog = page.getByRole('dialog', { name: '吹哨' });
  const title = `E2E 用地红线复核 ${Date.now().toString().slice(-5)}`;
  await dialog.getByLabel('事项', { exact: true }).fill(title);
  await pickOption(page, dialog.getByLabel('区直部门'), '赫山区自然资源局');
  // The option list closes with an animation; until it is gone it covers the date field below it.
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  const date = dialog.getByLabel('吹哨日期');
  await date.click();
  await date.fill('2026-09-30');
  await date.press('Tab');
  await clickUntilGone(dialog.getByRole('button', { name: /保\s*存/ }), dialog);

  await page.getByPlaceholder('编号或事项').fill(title);
  await page.getByPlaceholder('编号或事项').press('Enter');
  const row = page.getByRole('row').filter({ hasText: title });
  // 5 working days after 30 September 2026: 1–7 October off, then 8, 9, 10 (make-up Saturday), 12, 13.
  await expect(row.getByTestId('due-on')).toHaveText('2026-10-13');
  await expect(row.getByText('超期')).toBeVisible();
});
