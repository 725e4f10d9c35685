import { expect, test } from '@playwright/test';
import { confirmPopover, loginViaApi } from './fixtures';

// 亩均论英雄: configure a yearly run from the defaults, compute it on the seeded data, open an enterprise's score
// breakdown, publish the run with its objection window.
test('per-mu evaluation: configure, compute, open a breakdown, publish', async ({ page }) => {
  await loginViaApi(page, 'leader');
  await page.goto('/efficiency');
  await expect(page.getByRole('link', { name: '2024 年度亩均效益综合评价' })).toBeVisible();

  await page.getByRole('button', { name: /新建|新增/ }).click();
  const dialog = page.getByRole('dialog', { name: '新建年度评价' });
  await dialog.getByLabel('年度').fill('2025');
  await dialog.getByLabel('名称').fill('2025 年度评价（试算）');
  await dialog.getByLabel('A 类至前(%)').fill('25');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();

  await expect(page.getByText('2025 年度评价（试算）')).toBeVisible();
  await expect(page.getByText('尚未计算')).toBeVisible();
  await page
    .getByRole('button', { name: '计 算' })
    .or(page.getByRole('button', { name: '计算' }))
    .click();
  await expect(page.getByText('已完成计算')).toBeVisible();
  await expect(page.getByText('A ≤ 25%')).toBeVisible();

  // The first-ranked enterprise's score, explained indicator by indicator.
  const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
  await expect(firstRow).toContainText('1');
  await firstRow.getByRole('button').first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('亩均税收(万元/亩)')).toBeVisible();
  await expect(drawer.getByText('单位能耗增加值(万元/吨标煤)')).toBeVisible();
  await expect(drawer.getByText('指标得分合计')).toBeVisible();
  await expect(drawer.getByText('差别化政策')).toBeVisible();
  await page.screenshot({ path: 'test-results/efficiency-breakdown.png' });
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();

  await confirmPopover(
    page,
    page.getByRole('button', { name: '公 示' }).or(page.getByRole('button', { name: '公示' })),
  );
  await expect(page.getByText('公示中')).toBeVisible();
  await expect(page.getByText(/异议期截止/)).toBeVisible();
  await page.screenshot({ path: 'test-results/efficiency-run.png', fullPage: true });
});
