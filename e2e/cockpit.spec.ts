import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { loginViaApi } from './fixtures';

// Issue 10: the leader opens the cockpit, drills from the red project count to the project list (same number),
// and exports the monthly report. Other journeys change the shared demo data before this one runs, so no count is
// hard-coded: the number read on the cockpit is compared with the list it opens.
test('leader drills from the red project count to the red project list and exports the monthly report', async ({
  page,
}) => {
  await loginViaApi(page, 'leader');
  await page.goto('/cockpit');

  const red = page.getByTestId('lights-red');
  const value = red.locator('.ant-statistic-content-value');
  await expect(value).toHaveText(/^\d+$/);
  const redCount = Number(await value.textContent());

  await red.click();
  await expect(page).toHaveURL(/\/projects\?(.*&)?light=red/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  if (redCount === 0) {
    await expect(page.locator('.ant-table-tbody .ant-empty')).toBeVisible();
  } else {
    await expect(page.locator('.ant-pagination-total-text')).toHaveText(`共 ${redCount} 条`);
    // The first page shows min(total, page size) rows, each of them red.
    const pageSize = 20;
    await expect(rows).toHaveCount(Math.min(redCount, pageSize));
    for (const light of await rows.getByTestId('light').all()) await expect(light).toContainText('红灯');
  }

  await page.goBack();
  await expect(page).toHaveURL(/\/cockpit$/);
  const exportButton = page.getByRole('button', { name: '导出月报' });
  await expect(exportButton).toBeEnabled();
  const downloadPromise = page.waitForEvent('download');
  await exportButton.click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = await download.path();
  const bytes = await readFile(file);
  expect(bytes.length).toBeGreaterThan(0);
  expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an .xlsx is a zip
  await expect(exportButton).not.toHaveClass(/ant-btn-loading/);
});
