import { expect, test } from '@playwright/test';
import { loginViaApi } from './fixtures';

/** First Sunday of February of `year`, as an ISO date (a valid make-up working day). */
function firstSundayOfFebruary(year: number): string {
  const d = new Date(Date.UTC(year, 1, 1));
  d.setUTCDate(1 + ((7 - d.getUTCDay()) % 7));
  return d.toISOString().slice(0, 10);
}

test('the admin reads the 2026 calendar and publishes next year’s arrangement by pasting it', async ({ page }) => {
  // The seeded arrangements end with 2026; next year has none until it is published.
  const next = new Date().getFullYear() + 1;
  const warning = page.getByText(`${next} 年尚未发布放假安排`);
  await loginViaApi(page, 'admin');
  await page.goto('/calendar');
  await expect(page.getByRole('menuitem', { name: /工作日历/ })).toBeVisible();
  await expect(warning).toBeVisible();

  // 2026: the nine-day Spring Festival (15–23 Feb) with make-up working days on 14 and 28 Feb.
  await page.getByRole('link', { name: '2026 年', exact: true }).click();
  await expect(page.getByRole('heading', { name: '2026 年工作日历' })).toBeVisible();
  const february = page.getByRole('group', { name: '2026-02' });
  await expect(february.getByText(/春节 02-15 – 02-23/)).toBeVisible();
  await expect(february.getByText('2026-02-14 春节 · 调休上班')).toBeAttached();
  await expect(february.getByText('2026-02-28 春节 · 调休上班')).toBeAttached();
  await expect(february.getByText('班', { exact: true }).first()).toBeVisible();
  await expect(february.getByText('休', { exact: true }).first()).toBeVisible();

  // Publish next year's arrangement: two days pasted into the drawer.
  await page.getByRole('button', { name: '返回年度列表' }).click();
  await page.getByRole('button', { name: '发布放假安排' }).click();
  const drawer = page.getByRole('dialog', { name: `发布 ${next} 年放假安排` });
  await expect(drawer.getByText(`${next} 年尚无放假安排，发布后成为第 1 版`)).toBeVisible();
  await drawer.getByLabel('粘贴导入').fill(`${next}-01-01,holiday,元旦\n${firstSundayOfFebruary(next)} 上班 春节`);
  await drawer.getByRole('button', { name: '解析并加入' }).click();
  await expect(drawer.getByLabel('日期 2')).toBeVisible();
  await expect(drawer.getByLabel('节日名称 2')).toHaveValue('春节');
  await drawer.getByLabel('发布文号').fill(`国务院办公厅关于${next}年部分节假日安排的通知（E2E）`);
  await drawer.getByRole('button', { name: '发布', exact: true }).click();

  const result = page.getByRole('dialog').filter({ hasText: `已发布 ${next} 年第 1 版` });
  await expect(result).toBeVisible();
  await expect(result.getByText('重新计算的未结期限', { exact: true })).toBeVisible();
  await result.getByRole('button', { name: '知道了' }).click();

  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `${next} 年`, exact: true }) });
  await expect(row).toContainText('第 1 版');
  await expect(row).toContainText('（E2E）');
  await expect(warning).toHaveCount(0);

  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name: `${next} 年工作日历` })).toBeVisible();
  await expect(page.getByRole('row', { name: /^第 1 版 当前/ })).toContainText('（E2E）');
});
