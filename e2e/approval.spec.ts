import { type Browser, expect, type Page, test } from '@playwright/test';
import { loginViaApi, pickOption } from './fixtures';

const PDF = { name: 'material.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% zoneos e2e\n') };
const ROLLING = '建设资金已落实承诺书'; // SG-001's 容缺 material: may follow after acceptance

async function pageAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await loginViaApi(page, username);
  return page;
}

/** Takes one step on the case page: the button, then the dialog's confirm (the dialog's OK has the same label). */
async function act(page: Page, label: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
}

test('一件事: an enterprise applies for a bundle with one 容缺 material; staff accept, suspend for expert review, resume and approve; the enterprise and the public lookup see each step', async ({
  browser,
}) => {
  test.setTimeout(180_000); // a long journey with three browsers on a shared two-core machine
  // 1. The enterprise applies for the construction-permit bundle, leaving out the material that may follow.
  const ent = await pageAs(browser, 'enterprise');
  await ent.goto('/approval/cases');
  await ent.getByRole('button', { name: '申报' }).click();
  const apply = ent.getByRole('dialog', { name: '在线申报' });
  const items = apply.getByLabel('申报事项');
  for (const code of ['SG-001', 'SG-003']) {
    await items.fill(code);
    await ent.locator('.ant-select-item-option').filter({ hasText: code }).click();
  }
  await items.press('Escape');
  await apply.getByLabel('项目名称').fill('二期厂房');
  // One set of materials for both items (申请表, 营业执照, 总平面图 … once each).
  const uploads = apply.locator('.ant-form-item').filter({ has: ent.locator('input[type=file]') });
  // The second item's materials join the form a moment after it is chosen: wait for the merged set.
  await expect.poll(() => uploads.count()).toBeGreaterThanOrEqual(6);
  const n = await uploads.count();
  for (let i = 0; i < n; i++) {
    const item = uploads.nth(i);
    const label = ((await item.locator('label').first().textContent()) ?? '').trim();
    if (label.includes(ROLLING) || label.includes('授权委托书')) continue;
    await item.locator('input[type=file]').setInputFiles(PDF);
    await expect(item.getByText('material.pdf')).toBeVisible();
  }
  await apply.getByRole('button', { name: '提交' }).click();
  await expect(ent).toHaveURL(/\/approval\/cases\/[0-9a-f-]{36}$/);
  const url = ent.url();
  const caseNo = ((await ent.locator('.ant-card-head-title span').first().textContent()) ?? '').trim();
  expect(caseNo).toMatch(/^SP\d{8}[0-9A-F]{8}$/);
  await expect(ent.getByText('已提交').first()).toBeVisible();
  await expect(ent.getByText('一件事').first()).toBeVisible();

  // 2. Staff of the lead department accept (容缺), open the review, suspend for expert review and resume.
  const staff = await pageAs(browser, 'approval.staff');
  await staff.goto(url.replace(/^https?:\/\/[^/]+/, ''));
  await act(staff, '受理');
  await expect(staff.getByText('已受理').first()).toBeVisible();
  await expect(staff.getByText('容缺材料补齐期限')).toBeVisible();
  // The acceptance slip lists the material that may follow.
  await staff.getByRole('button', { name: '受理通知书' }).click();
  await expect(staff.getByRole('heading', { name: '受理通知书' })).toBeVisible();
  await expect(staff.getByText(ROLLING)).toBeVisible();
  await staff.goBack();
  await act(staff, '开始审查');
  await act(staff, '中止计时', async (dialog) => {
    await pickOption(staff, dialog.getByLabel('中止类型'), '专家评审');
    await dialog.getByLabel('理由/意见').fill('组织消防设计专家评审');
  });
  await expect(staff.getByText('计时已中止').first()).toBeVisible();
  // The suspension notice is recorded at the step and printable (暂停办理告知书 with the type and its cap).
  await staff.getByRole('button', { name: '暂停办理告知书' }).click();
  await expect(staff.getByRole('heading', { name: '暂停办理告知书' })).toBeVisible();
  await expect(staff.getByText(/需要专家评审.*最长 20 个工作日/)).toBeVisible();
  await staff.goBack();

  // The enterprise sees the suspension.
  await ent.reload();
  await expect(ent.getByText('已中止计时').first()).toBeVisible();
  await expect(ent.locator('.ant-timeline').getByText('组织消防设计专家评审')).toBeVisible();

  await act(staff, '恢复计时');
  await expect(staff.getByText('审查中').first()).toBeVisible();

  // Approval waits for the 容缺 material.
  await staff.getByRole('button', { name: '准予许可', exact: true }).click();
  await staff.getByRole('dialog').getByRole('button', { name: '准予许可', exact: true }).click();
  await expect(staff.getByText('容缺材料尚未补齐，不能作出准予决定')).toBeVisible();
  await staff.getByRole('dialog').getByRole('button', { name: '取消' }).click();

  // 3. The enterprise supplies it.
  await ent.reload();
  await act(ent, '补交材料', async (dialog) => {
    const item = dialog.locator('.ant-form-item').filter({ hasText: ROLLING });
    await item.locator('input[type=file]').setInputFiles(PDF);
    await expect(item.getByText('material.pdf')).toBeVisible();
  });

  // 4. Staff approve; the enterprise sees the decision and every step.
  await staff.reload();
  await act(staff, '准予许可');
  await expect(staff.getByText('已决定').first()).toBeVisible();
  await ent.reload();
  await expect(ent.getByText('已决定').first()).toBeVisible();
  for (const step of ['受理', '开始审查', '中止计时', '恢复计时', '补交材料', '准予许可']) {
    await expect(ent.locator('.ant-timeline').getByText(step, { exact: true })).toBeVisible();
  }

  // 5. Anyone looks the case up by its number, without signing in, and sees only progress.
  const context = await browser.newContext({ locale: 'zh-CN' });
  const anon = await context.newPage();
  await anon.goto(`/lookup?no=${caseNo}`);
  await expect(anon.getByTestId('public-status')).toHaveText('已决定');
  await expect(anon.getByText('益阳电气装备有限公司')).toHaveCount(0);
  await expect(anon.getByText('二期厂房')).toHaveCount(0);
});
