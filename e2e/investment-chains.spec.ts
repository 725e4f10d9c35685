import { expect, test } from '@playwright/test';
import { clickUntilGone, loginViaApi, pickOption } from './fixtures';

test('the chain map shows segments with gaps, the target library adds a company placed on a link, activities are counted by kind', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await loginViaApi(page, 'invest.staff');
  await page.goto('/investment/chains');
  await expect(page.getByRole('img', { name: /产业链图谱/ })).toBeVisible();
  await expect(page.getByText('上游', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('缺链', { exact: true }).first()).toBeVisible();

  const run = Date.now().toString().slice(-6);
  const name = `E2E目标企业${run}`;
  await page.goto('/investment/targets');
  await page
    .getByRole('button', { name: /新\s*建|新增/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: '新增目标企业' });
  await dialog.getByLabel('企业名称').fill(name);
  await pickOption(page, dialog.getByLabel('产业链'), '电气装备', true);
  await pickOption(page, dialog.getByLabel('环节'), '上游 / 硅钢与铜材');
  await clickUntilGone(dialog.getByRole('button', { name: '保存' }), dialog);
  await page.getByPlaceholder('搜索企业名称、地区、行业').fill(name);
  await page.getByPlaceholder('搜索企业名称、地区、行业').press('Enter');
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('硅钢与铜材');

  // The year's activities by kind (outbound trips, inbound visits…) above the activity list.
  await page.goto('/investment/activities');
  await expect(page.getByText(/年活动统计/)).toBeVisible();
  await expect(page.getByText('外出招商', { exact: true }).first()).toBeVisible();
});
