import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { loginViaApi, pickOption } from './fixtures';

/**
 * The leader's appraisal-and-pay journey on the demo zone (seeded fresh for the run): close the open quarter, read the
 * department league tables and personal grades, calibrate one grade with a reason, then export the year's settlement
 * for the payroll office and check that it adds up to the pool to the fen.
 */
test('a zone leader closes a quarter, sees department and personal scores, calibrates one grade and exports pay', async ({
  page,
}) => {
  await loginViaApi(page, 'leader');
  await page.goto('/performance/cycles');
  await page.getByRole('link', { name: '2026年第四季度考核' }).click();

  // 1. Close the quarter: scores are frozen.
  await page.getByRole('button', { name: '关闭周期' }).click();
  await page.getByRole('button', { name: /确\s?定/ }).click();
  await expect(page.getByText('本周期已关闭，分数已冻结')).toBeVisible();
  await expect(page.getByRole('button', { name: '关闭周期' })).toBeHidden();

  // 2. Department league tables by class, then personal scores with grades.
  await expect(page.getByText('A类·投资服务类')).toBeVisible();
  await expect(page.getByText('B类·综合协调类')).toBeVisible();
  await expect(page.getByRole('cell', { name: '投资促进局' }).first()).toBeVisible();
  await page.getByRole('tab', { name: '个人成绩' }).click();
  const first = page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: '1', exact: true }) })
    .first();
  await expect(first.getByText('优秀')).toBeVisible();

  // 3. Calibrate the top person from 优秀 to 合格 with a written reason.
  await first.getByRole('button', { name: '校准' }).click();
  const dialog = page.getByRole('dialog');
  await pickOption(page, dialog.getByLabel('等次'), '合格', true);
  await dialog.getByLabel('理由').fill('重点项目材料补正后复核，按合格评定');
  await dialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.getByText('保存成功')).toBeVisible();
  await page.getByRole('tab', { name: '校准与申诉' }).click();
  await expect(page.getByRole('cell', { name: '重点项目材料补正后复核，按合格评定' })).toBeVisible();

  // 4. Pay: the year-end settlement, each line's derivation, and the payroll office's Excel.
  await page.goto('/performance/pay');
  await page.getByRole('link', { name: '2025年度清算' }).click();
  await expect(page.getByText('两级均按最大余数法精确到分')).toBeVisible();
  await page
    .getByRole('button', { name: /展开行|Expand row/ })
    .first()
    .click();
  await expect(page.getByText(/清算：应得 .* − 已预发 .* = 本次发放/)).toBeVisible();

  const run = await (await page.request.get('/api/pay/runs')).json();
  const settlement = run.find((r: { kind: string; year: number }) => r.kind === 'settlement' && r.year === 2025);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出工资表' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('绩效工资-2025年度清算.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  const shareCol = header.indexOf('应得（元）') + 1;
  let fen = 0;
  for (let r = 2; r <= ws.rowCount; r++) fen += Math.round(Number(ws.getRow(r).getCell(shareCol).value) * 100);
  expect(ws.rowCount - 1).toBe(settlement.people);
  expect(fen).toBe(settlement.poolFen);
});
