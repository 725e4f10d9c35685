import { expect, test } from '@playwright/test';
import { clickUntilGone, loginViaApi } from './fixtures';

// Land: the seeded parcel map, a new parcel drawn from its boundary (area computed by the server), a standard-land
// contract on it (dates from the build-period rules), and the completion acceptance with its penalty line by line.
test('land: parcel map, new parcel, standard-land contract, completion acceptance', async ({ page }) => {
  const code = `E2E-${Date.now().toString().slice(-6)}`;
  await loginViaApi(page, 'leader');
  await page.goto('/land/parcels');
  await expect(page.getByRole('img', { name: '地块一张图' })).toBeVisible();
  await expect(page.getByText('本年巡查覆盖率')).toBeVisible();
  await page.getByText('按亩均等级着色').click();
  await page.screenshot({ path: 'test-results/land-map.png', fullPage: true });

  // A new parcel from its boundary (≈ 98 mu near the zone).
  await page.getByRole('tab', { name: '地块清单' }).click();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
  await page.getByRole('button', { name: /新建|新增/ }).click();
  const parcelForm = page.getByRole('dialog', { name: '新建地块' });
  await parcelForm.getByLabel('地块编号').fill(code);
  await parcelForm.getByLabel('地块名称').fill('E2E 标准地');
  await parcelForm.getByLabel('边界坐标').fill('112.35,28.57;112.353,28.57;112.353,28.572;112.35,28.572');
  await clickUntilGone(parcelForm.getByRole('button', { name: /保\s*存/ }), parcelForm);
  await expect(page).toHaveURL(/\/land\/parcels\/[0-9a-f-]{36}$/);
  await expect(page.getByText(`地块 ${code}`)).toBeVisible();
  await expect(page.getByText('97.9469')).toBeVisible();

  // The standard-land contract: 1,155,000 元, 8,000 万元 (≤ 1亿 → 1 year to build).
  await page.getByRole('button', { name: '签订标准地合同' }).click();
  const contractForm = page.getByRole('dialog', { name: '签订标准地合同' });
  await contractForm.getByLabel('合同编号').fill(`${code}-HT`);
  await contractForm.getByLabel('用地企业').fill('有限公司');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await contractForm.getByLabel('签订日期').fill('2023-01-15');
  await contractForm.getByLabel('出让价款(元)').fill('1155000');
  await contractForm.getByLabel('承诺总投资(万元)').fill('8000');
  await contractForm.getByLabel('容积率', { exact: true }).fill('1.2');
  await contractForm.getByLabel('亩均税收(万元/亩·年)').fill('20');
  await contractForm.getByLabel('约定开工日期').fill('2023-03-01');
  await clickUntilGone(contractForm.getByRole('button', { name: /保\s*存/ }), contractForm);
  await expect(page.getByText('2024-03-01')).toBeVisible(); // agreed completion

  // Completion 662 days late: 1,155,000 × 1‰ × 662 = 764,610 元.
  await page.getByRole('button', { name: '竣工验收' }).click();
  const review = page.getByRole('dialog', { name: '竣工验收' });
  await review.getByLabel('复核日期').fill('2026-01-10');
  await review.getByLabel('实际开工日期').fill('2023-03-01');
  await review.getByLabel('实际竣工日期').fill('2025-12-23');
  await review.getByLabel('实际容积率').fill('1.2');
  await clickUntilGone(review.getByRole('button', { name: /核\s*算/ }), review);
  await expect(page.getByText('1,155,000.00 × 1‰ × 662 = 764,610.00')).toBeVisible();
  await expect(page.getByTestId('total-penalty')).toHaveText('764,610.00');
  await page.screenshot({ path: 'test-results/land-review.png', fullPage: true });
});
