import { expect, type Locator, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { clickUntilGone, loginViaApi, pickOption } from './fixtures';

const SAVE = /保\s*存/;
const suffix = () => `${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e4)}`;

async function fillDate(dialog: Locator, label: string, value: string) {
  const input = dialog.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  // Tab, not Enter: Enter in a form field submits the dialog (a loan was saved before its 置换对象 was picked).
  await input.press('Tab');
  await expect(input).toHaveValue(value);
}

async function search(page: Page, placeholder: string | RegExp, text: string) {
  const box = page.getByPlaceholder(placeholder).locator('visible=true').first();
  await box.fill(text);
  await box.press('Enter');
}

test('两张清单: a duty item and a stripped social affair with its receiving body, listed and exported', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await loginViaApi(page, 'leader');
  const n = suffix();
  await page.goto('/reform/lists?list=duty');

  // 1. 职责清单: a function the committee keeps.
  await page.getByRole('button', { name: /新\s*建/ }).click();
  let dialog = page.getByRole('dialog', { name: '新增清单事项' });
  await dialog.getByLabel('编号').fill(`E2E-ZZ-${n}`);
  await dialog.getByLabel('领域').fill('招商引资');
  await dialog.getByLabel('职能 / 事项').fill(`产业链精准招商 ${n}`);
  await clickUntilGone(dialog.getByRole('button', { name: SAVE }), dialog);
  await search(page, '搜索编号、名称、承接主体', n);
  await expect(page.getByRole('row').filter({ hasText: `产业链精准招商 ${n}` })).toBeVisible();

  // 2. 剥离社会事务清单: handed to a town, which must be named.
  await page.getByRole('tab', { name: '剥离社会事务清单' }).click();
  const stripped = page.getByRole('tabpanel', { name: '剥离社会事务清单' });
  await stripped.getByRole('button', { name: /新\s*建/ }).click();
  dialog = page.getByRole('dialog', { name: '新增清单事项' });
  await dialog.getByLabel('编号').fill(`E2E-BL-${n}`);
  await dialog.getByLabel('领域').fill('民政和社会管理');
  await dialog.getByLabel('职能 / 事项').fill(`城乡低保审核 ${n}`);
  await clickUntilGone(
    dialog.getByRole('button', { name: SAVE }),
    page.locator('.ant-form-item-explain-error').first(),
  );
  // without a receiving body the stripped affair is refused by the form
  await expect(dialog).toBeVisible();
  await pickOption(page, dialog.getByLabel('承接主体类型'), '属地镇街');
  await dialog.getByLabel('承接主体', { exact: true }).fill(`谢林港镇人民政府 ${n}`);
  await clickUntilGone(dialog.getByRole('button', { name: SAVE }), dialog);
  await search(page, '搜索编号、名称、承接主体', n);
  const row = page.getByRole('row').filter({ hasText: `城乡低保审核 ${n}` });
  await expect(row).toBeVisible();
  await expect(row.getByText(`谢林港镇人民政府 ${n}`)).toBeVisible();
  await expect(row.getByText('属地镇街')).toBeVisible();

  // 3. Export what the table shows (the search applies): one data row, the receiving body in it.
  const download = page.waitForEvent('download');
  await stripped.getByRole('button', { name: /导\s*出/ }).click();
  const file = await download;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => {
    rows.push((r.values as unknown[]).slice(1));
  });
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain(`E2E-BL-${n}`);
  expect(rows[1]).toContain(`谢林港镇人民政府 ${n}`);
});

test('平台公司: a major matter recorded and approved; a refinancing shows the interest saved', async ({ page }) => {
  test.setTimeout(180_000);
  await loginViaApi(page, 'leader');
  const n = suffix();
  await page.goto('/reform/platform');

  // 1. Record a major matter, submit it to the committee, approve it with the meeting record.
  await page
    .getByRole('tabpanel')
    .getByRole('button', { name: /新\s*建/ })
    .click();
  let dialog = page.getByRole('dialog', { name: '新增重大事项' });
  await dialog.getByLabel('编号').fill(`E2E-ZD-${n}`);
  await dialog.getByLabel('事项').fill(`标准厂房三期投资 ${n}`);
  await pickOption(page, dialog.getByLabel('类别'), '重大投资');
  await dialog.getByLabel('公司').fill('高新区建设投资有限公司');
  await clickUntilGone(dialog.getByRole('button', { name: SAVE }), dialog);
  await search(page, /搜索|编号/, n);
  const matter = page.getByRole('row').filter({ hasText: `标准厂房三期投资 ${n}` });
  await expect(matter.getByText('草稿')).toBeVisible();
  await clickUntilGone(matter.getByRole('button', { name: '报送管委会' }));
  await expect(matter.getByText('已报送')).toBeVisible();
  await matter.getByRole('button', { name: '决策' }).click();
  dialog = page.getByRole('dialog', { name: /决策：/ });
  await expect(dialog.getByLabel('决策日期')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await dialog.getByLabel('决策会议').fill('管委会主任办公会');
  await dialog.getByLabel('决策意见').fill('同意实施');
  await clickUntilGone(dialog.getByRole('button', { name: SAVE }), dialog);
  await expect(matter.getByText('已批准')).toBeVisible();
  await expect(matter.getByText('管委会主任办公会')).toBeVisible();

  // 2. Financing: an old 7.43% loan, then its refinancing at 3.65%.
  await page.getByRole('tab', { name: '融资台账' }).click();
  const panel = page.getByRole('tabpanel', { name: '融资台账' });
  const addLoan = async (code: string, lender: string, rate: string, replaces?: string) => {
    await panel.getByRole('button', { name: /新\s*建/ }).click();
    const d = page.getByRole('dialog', { name: '新增融资' });
    await d.getByLabel('编号').fill(code);
    await d.getByLabel('融资机构').fill(lender);
    await d.getByLabel('本金(元)').fill('1000000');
    await d.getByLabel('年利率(%)').fill(rate);
    await fillDate(d, '起始日', '2024-06-01');
    await fillDate(d, '到期日', '2029-06-01');
    if (replaces) {
      await pickOption(page, d.getByLabel('置换对象'), replaces, false, true);
      await expect(d.getByTestId('old-rate')).toHaveValue('7.43%');
      await expect(d.getByTestId('saved-preview')).toContainText('年节约利息 37,800 元');
    }
    await clickUntilGone(d.getByRole('button', { name: SAVE }), d);
  };
  await addLoan(`E2E-RZ-${n}-A`, `某信托公司 ${n}`, '7.43');
  await addLoan(`E2E-RZ-${n}-B`, `国家开发银行 ${n}`, '3.65', `E2E-RZ-${n}-A`);
  await search(page, /搜索|编号/, `E2E-RZ-${n}`);
  const refi = panel.getByRole('row').filter({ hasText: `E2E-RZ-${n}-B` });
  await expect(refi.getByText(`E2E-RZ-${n}-A（7.43%）`)).toBeVisible();
  await expect(refi.getByText('37,800')).toBeVisible();
  await expect(
    panel
      .getByRole('row')
      .filter({ hasText: `E2E-RZ-${n}-A` })
      .getByText('已被置换'),
  ).toBeVisible();
});
