import { type Browser, expect, type Page, test } from '@playwright/test';
import { creditCodeCheckChar } from '../shared/credit-code';
import { loginViaApi } from './fixtures';

async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await loginViaApi(page, username);
  return page;
}

async function pickDate(page: Page, label: string | RegExp, value: string, scope = page.locator('body')) {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

test('a lead moves to signed with evidence and approval, its key project shows red; a dispatch issue is closed and recording the start turns the light yellow', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const run = Date.now().toString().slice(-6);
  const name = `储能电池E2E项目${run}`;
  const first17 = `914309000${run}MA3`.slice(0, 17);
  const creditCode = first17 + creditCodeCheckChar(first17);
  const staff = await as(browser, 'invest.staff');
  const head = await as(browser, 'invest.head');

  // Staff record the lead.
  await staff.goto('/investment');
  await staff.getByRole('button', { name: '新建项目' }).click();
  const dialog = staff.getByRole('dialog', { name: '新建项目' });
  await dialog.getByLabel('项目名称').fill(name);
  await dialog.getByLabel('投资方').fill('某新能源集团');
  await dialog.getByLabel('协议投资(万元)').fill('50000');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const leadColumn = staff.getByTestId('stage-lead');
  await leadColumn.getByText(name).click();

  // No stage moves without evidence.
  const drawer = staff.getByRole('dialog', { name });
  await drawer.getByRole('button', { name: '提交审批' }).click();
  await expect(drawer.getByText(/请输入佐证材料|必填/).first()).toBeVisible();
  await drawer.getByLabel('佐证材料').fill('赴深圳实地考察，形成洽谈纪要');
  await drawer.getByRole('button', { name: '提交审批' }).click();
  await expect(drawer.getByText(/待审批：推进到“洽谈”/)).toBeVisible();

  // The head approves.
  const approve = async () => {
    await head.goto('/investment');
    await head.getByText(name).click();
    const d = head.getByRole('dialog', { name });
    await d.getByLabel('审批意见').fill('同意推进');
    await d.getByRole('button', { name: '同意' }).click();
    await expect(d.getByText(/待审批：推进到/)).toBeHidden();
  };
  await approve();

  // Staff ask to sign: the enterprise and the key project are named.
  await staff.reload();
  await staff.getByTestId('stage-negotiating').getByText(name).click();
  await drawer.getByLabel('佐证材料').fill('投资协议已签署，协议文号益高投〔2026〕8号');
  await drawer.getByLabel('企业名称').fill(`益阳储能E2E${run}有限公司`);
  await drawer.getByLabel('统一社会信用代码').fill(creditCode);
  await drawer.getByLabel('行业代码').fill('384');
  await pickDate(staff, '计划开工', '2026-01-05', drawer);
  // Enter in the last date field submits the form (as a keyboard user would).
  await pickDate(staff, '计划竣工', '2027-12-31', drawer);
  await expect(drawer.getByText(/待审批：推进到“签约”/)).toBeVisible();
  await approve();

  // The key project exists, red because it has not started 3 months after its planned start.
  const d = head.getByRole('dialog', { name });
  await expect(d.getByText('签约', { exact: true })).toBeVisible();
  await d.getByRole('link', { name: '查看重点项目' }).click();
  await expect(head).toHaveURL(/\/projects\?open=/);
  const kp = head.getByRole('dialog', { name: new RegExp(`^KP\\d{4}-\\d{3} ${name}$`) });
  await expect(kp.getByTestId('light').getByText('红灯')).toBeVisible();
  await expect(kp.getByText('计划开工 2026-01-05 已超 3 个月未开工')).toBeVisible();
  await kp.getByRole('button', { name: '关闭' }).click();
  await expect(kp).toBeHidden();

  // A dispatch meeting puts it on the agenda; an issue is assigned and closed (消项).
  await head.getByRole('tab', { name: '调度会' }).click();
  await head.getByLabel('会议名称').fill(`E2E周调度会${run}`);
  await head.getByRole('button', { name: '生成议程' }).click();
  const agenda = head.locator('.ant-card').filter({ hasText: `E2E周调度会${run}（` });
  await expect(agenda.getByText(name)).toBeVisible();
  const issueForm = head.locator('form#issue');
  // The agenda can list many projects (a virtual list): type to filter, then pick.
  await issueForm.getByLabel('重点项目').fill(name);
  await head.locator('.ant-select-dropdown').getByText(name).click();
  await issueForm.getByLabel('问题').fill('施工许可证办理滞后');
  await issueForm.getByLabel('责任人').fill('刘志强');
  await issueForm.getByRole('button', { name: '交办' }).click();
  const row = head.locator('tr').filter({ hasText: '施工许可证办理滞后' }).filter({ hasText: name });
  await expect(row).toBeVisible();
  await row.getByLabel('销号说明').fill('已取得施工许可证');
  await row.getByRole('button', { name: '销号' }).click();
  await expect(row.getByText(/销号 已取得施工许可证/)).toBeVisible();

  // Recording the start: the red project has caught up and turns yellow, with the reason.
  await head.getByRole('tab', { name: '重点项目' }).click();
  await head.getByPlaceholder('项目名称、编号或业主').fill(name);
  await head.getByPlaceholder('项目名称、编号或业主').press('Enter');
  await head
    .getByRole('link', { name })
    .or(head.locator('a').filter({ hasText: name }))
    .first()
    .click();
  await pickDate(head, '实际开工', '2026-11-20', kp); // Enter submits the start form
  await expect(kp.getByTestId('light').getByText('黄灯', { exact: true })).toBeVisible();
  await expect(kp.getByText(/红灯项目已追上进度/)).toBeVisible();
});
