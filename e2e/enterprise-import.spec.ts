import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { nameSearchKeys } from '../server/domains/enterprises/enterprises.pinyin';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../shared/credit-code';
import { loginViaApi } from './fixtures';

const HEADER = [
  '统一社会信用代码',
  '企业名称',
  '行业代码',
  '规模',
  '所属园区',
  '标签',
  '用地(亩)',
  '建筑面积(㎡)',
  '法定代表人',
  '成立日期',
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DIGITS = '甲乙丙丁戊己庚辛壬癸';

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function uploadFile(page: Page, dialog: ReturnType<Page['getByRole']>, name: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: /选择文件并上传/ }).click();
  await (await chooser).setFiles({ name, mimeType: XLSX, buffer });
}

test('a zone leader imports enterprises from Excel: a bad credit code is refused with its row, the fixed file imports', async ({
  page,
}) => {
  const run = Date.now().toString().slice(-6);
  const codes = [1, 2, 3].map((i) => {
    const first17 = `91430900${run}MA${i}`;
    return first17 + creditCodeCheckChar(first17);
  });
  const good = codes[1]!;
  const wrongChar = CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(good.at(-1)!) + 1) % CREDIT_CODE_CHARSET.length]!;
  const bad = good.slice(0, 17) + wrongChar;
  const prefix = [...run].map((d) => DIGITS[Number(d)]).join('');
  const names = [`${prefix}智造有限公司`, `${prefix}新材料有限公司`, `${prefix}电子科技有限公司`];
  const rows = (second: string) => [
    [codes[0], names[0], '382', '规上', '', '高新技术企业', 12.5, 3000, '王建国', '2015-06-01'],
    [second, names[1], '29', '规下', '', '', '', '', '', ''],
    [codes[2], names[2], '39', '', '', '专精特新', '', '', '李华', ''],
  ];

  await loginViaApi(page, 'leader');
  await page.goto('/enterprises');
  await page.getByRole('button', { name: /导入/ }).click();
  const dialog = page.getByRole('dialog', { name: '导入企业' });
  await expect(dialog).toBeVisible();

  // 1. One wrong check character: nothing is imported, that row is listed with the character named.
  await uploadFile(page, dialog, '企业-有误.xlsx', await xlsxOf(rows(bad)));
  await expect(dialog.getByText('校验未通过：共 1 处问题，未导入任何数据')).toBeVisible();
  const problem = `第 18 位校验码应为“${good.at(-1)}”，实际为“${wrongChar}”`;
  const errorRow = dialog.getByRole('row').filter({ hasText: problem });
  await expect(errorRow).toHaveCount(1);
  await expect(errorRow.getByRole('cell').first()).toHaveText('3');
  await expect(errorRow.getByRole('cell', { name: '统一社会信用代码' })).toBeVisible();

  // 2. The error report downloads.
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /下载错误报告/ }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  // 3. The fixed file imports.
  await uploadFile(page, dialog, '企业.xlsx', await xlsxOf(rows(good)));
  await expect(dialog.getByText('导入成功，共导入 3 条')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // 4. A new enterprise is found by the pinyin initials of its name.
  const initials = nameSearchKeys(names[1]!).nameInitials;
  await page.getByLabel('搜索').fill(initials);
  await page.getByLabel('搜索').press('Enter');
  await expect(page.getByRole('link', { name: names[1] })).toBeVisible();
  await expect(page.getByRole('link', { name: names[0] })).toBeHidden();
});
