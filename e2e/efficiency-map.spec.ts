import { expect, test } from '@playwright/test';
import { confirmPopover, loginViaApi } from './fixtures';

// 亩均论英雄 end to end: configure a yearly run, compute it, read one enterprise's breakdown, publish it, then find the
// classes on the parcel map (coloured by 亩均 class) and click a classed parcel to open it.
test('per-mu evaluation reaches the parcel map: compute, breakdown, publish, map by class, open a parcel', async ({
  page,
}) => {
  const name = `E2E 亩均评价 ${Date.now().toString().slice(-6)}`;
  await loginViaApi(page, 'leader');
  await page.goto('/efficiency');
  await page.getByRole('button', { name: /新建|新增/ }).click();
  const dialog = page.getByRole('dialog', { name: '新建年度评价' });
  await dialog.getByLabel('年度').fill('2025');
  await dialog.getByLabel('名称').fill(name);
  await dialog.getByLabel('A 类至前(%)').fill('25');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();

  await expect(page.getByText(name)).toBeVisible();
  await expect(page.getByText('尚未计算')).toBeVisible();
  await page
    .getByRole('button', { name: '计 算' })
    .or(page.getByRole('button', { name: '计算' }))
    .click();
  await expect(page.getByText('已完成计算')).toBeVisible();
  await expect(page.getByText('A ≤ 25%')).toBeVisible();

  // One enterprise's score, indicator by indicator.
  const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
  await firstRow.getByRole('button').first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('亩均税收(万元/亩)')).toBeVisible();
  await expect(drawer.getByText('指标得分合计')).toBeVisible();
  await expect(drawer.getByText('差别化政策')).toBeVisible();
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();
  await expect(drawer).toBeHidden();

  await confirmPopover(
    page,
    page.getByRole('button', { name: '公 示' }).or(page.getByRole('button', { name: '公示' })),
  );
  await expect(page.getByText('公示中')).toBeVisible();

  // The parcel map takes the classes of the latest published run.
  await page.goto('/land/parcels');
  const map = page.getByRole('img', { name: '地块一张图' });
  await expect(map).toBeVisible();
  await page.getByText('按亩均等级着色').click();
  for (const cls of ['A', 'B', 'C', 'D'])
    await expect(page.locator('.ant-tag', { hasText: new RegExp(`^${cls}$`) })).toBeVisible();
  await expect(map).toHaveAttribute('data-rendered', 'true'); // drawn, entry animation over
  await page.screenshot({ path: 'test-results/efficiency-map.png', fullPage: true });

  // Hover across the map until the tooltip names a parcel with a 亩均 class, then click that parcel.
  const box = (await map.boundingBox())!;
  let found = false;
  for (let y = 0.1; y < 0.95 && !found; y += 0.05) {
    for (let x = 0.1; x < 0.95 && !found; x += 0.04) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
      if (await page.getByText(/亩均等级: [ABCD]/).isVisible()) {
        found = true;
        await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
      }
    }
  }
  expect(found, 'a parcel coloured by class on the map').toBe(true);
  await expect(page).toHaveURL(/\/land\/parcels\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/^地块 /).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/efficiency-map-parcel.png', fullPage: true });
});
