import { type Browser, expect, type Page, test } from '@playwright/test';
import { loginViaApi, pickOption } from './fixtures';

async function as(browser: Browser, username: string, phone = false): Promise<Page> {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true } : {});
  const page = await context.newPage();
  await loginViaApi(page, username);
  return page;
}

const ok = (page: Page) => page.getByRole('dialog').getByRole('button', { name: /确\s*定|提\s*交/ });

test('an enterprise raises a demand on its phone; the routed department signs and resolves it; the enterprise rates it', async ({
  browser,
}) => {
  const title = `仓储配套需求${Date.now().toString().slice(-5)}`;

  // 1. The enterprise (phone-sized screen) raises a logistics demand; the tag rule routes it to 投资促进局.
  const enterprise = await as(browser, 'enterprise', true);
  await enterprise.goto('/services/demands');
  await enterprise.getByRole('button', { name: '提交诉求' }).click();
  const form = enterprise.getByRole('dialog');
  await form.getByLabel('标题').fill(title);
  await form.getByLabel('诉求内容').fill('扩产后需要在园区内租用约2000平方米配套仓储，请协助对接。');
  await pickOption(enterprise, form.getByLabel('分类'), '物流', false, true);
  await form.getByText('提交诉求', { exact: true }).click(); // closes the dropdown
  await ok(enterprise).click();
  await expect(enterprise).toHaveURL(/\/services\/demands\/[0-9a-f-]{36}$/);
  const url = enterprise.url();
  await expect(enterprise.getByText('待签收')).toBeVisible();
  await expect(enterprise.getByText('投资促进局')).toBeVisible();

  // 2. Department staff sign it and resolve it with evidence.
  const staff = await as(browser, 'invest.staff');
  await staff.goto('/services/demands');
  await staff.getByRole('link', { name: title }).click();
  await staff
    .getByRole('button', { name: '签 收' })
    .or(staff.getByRole('button', { name: '签收' }))
    .click();
  await expect(staff.getByText('已签收')).toBeVisible();
  await staff.getByRole('button', { name: /办\s*结/ }).click();
  const resolve = staff.getByRole('dialog');
  await resolve.getByLabel('办结情况').fill('已对接物流园区，企业租用仓储2000平方米，合同已签订。');
  await resolve.getByLabel('佐证说明').fill('仓储租赁合同（复印件存档）');
  await ok(staff).click();
  await expect(staff.getByText('已办结').first()).toBeVisible();

  // 3. The enterprise rates it: satisfied closes it.
  await enterprise.goto(url);
  await enterprise.getByRole('button', { name: /评\s*价/ }).click();
  const rate = enterprise.getByRole('dialog');
  await rate.getByLabel('满意', { exact: true }).check();
  await rate.getByLabel('意见').fill('响应迅速，问题解决');
  await ok(enterprise).click();
  await expect(enterprise.getByText('已关闭')).toBeVisible();
  await expect(enterprise.getByText('满意 · 企业端 · 响应迅速，问题解决')).toBeVisible();
  // The history shows each step.
  for (const step of ['提交诉求', '签收', '办结', '满意度回访']) {
    await expect(enterprise.getByText(step, { exact: true }).last()).toBeVisible();
  }
});

test('an officer logs a visit on a phone and raises a demand from it; the enterprise rates the visit anonymously', async ({
  browser,
}) => {
  const topic = `走访了解扩产计划${Date.now().toString().slice(-5)}`;
  const officer = await as(browser, 'officer', true);
  await officer.goto('/services/visits');
  await officer.getByRole('button', { name: '记录走访' }).click();
  const form = officer.getByRole('dialog');
  await pickOption(officer, form.getByLabel('企业'), '益阳电气装备有限公司', false, true);
  await form.getByLabel('参加人员').fill('企业服务局 李思雨；企业 王总');
  await form.getByLabel('走访内容').fill(topic);
  await form.getByRole('button', { name: /保\s*存/ }).click();

  const saved = officer.getByRole('dialog', { name: '走访已记录' });
  await saved.getByRole('button', { name: '提出诉求' }).click();
  const demand = officer.getByRole('dialog', { name: '提交诉求' });
  await demand.getByLabel('标题').fill('技术工人招聘困难');
  await demand.getByLabel('诉求内容').fill('新产线投产急需焊工、数控操作工约40名，请协助对接职业院校。');
  await pickOption(officer, demand.getByLabel('分类'), '用工', false, true);
  await demand.getByText('提交诉求', { exact: true }).click();
  await demand.getByRole('button', { name: /提\s*交/ }).click();
  await expect(officer).toHaveURL(/\/services\/demands\/[0-9a-f-]{36}$/);
  await expect(officer.getByText('走访', { exact: true })).toBeVisible();

  // The enterprise sees the visit and rates it (5 stars), once.
  const enterprise = await as(browser, 'enterprise');
  await enterprise.goto('/services/visits');
  const row = enterprise.getByRole('row').filter({ hasText: topic });
  await row.getByRole('button', { name: /评\s*价/ }).click();
  const rate = enterprise.getByRole('dialog');
  await rate.locator('.ant-rate-star').nth(4).click();
  await rate.getByLabel('意见').fill('问题记录详细');
  await rate.getByRole('button', { name: /确\s*定/ }).click();
  await expect(row.locator('.ant-rate-disabled')).toBeVisible();
  await expect(row.getByRole('button', { name: /评\s*价/ })).toHaveCount(0);
});
