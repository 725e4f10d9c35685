import { expect, type Page, test } from '@playwright/test';
import { clickUntilGone, confirmPopover, loginViaApi, pickOption } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

async function csrf(page: Page): Promise<string> {
  return (await (await page.request.get('/api/auth/session')).json()).csrfToken;
}

/**
 * 竞聘上岗 (DOMAIN.md §8): the leader opens a round, registers applicants, scores them and publishes the ranking; the
 * appointment cannot be finalized while the publicity period runs (the button says why). The seeded round, publicised
 * ten days ago for five days, is then finalized and its winner appointed.
 */
test('a zone leader runs a competitive appointment round from opening to appointment', async ({ page }) => {
  await loginViaApi(page, 'leader');
  const people = (
    await (await page.request.get('/api/org/staff?current=1&pageSize=20&status=active')).json()
  ).data.slice(0, 2) as { name: string; employeeNo: string }[];
  const name = `竞聘-${unique()}`;

  await page.goto('/performance/rounds');
  await page.getByRole('button', { name: '发起竞聘' }).click();
  const modal = page.getByRole('dialog');
  await modal.getByLabel('竞聘名称').fill(name);
  await modal.getByLabel('任期起始日').fill('2027-01-01');
  await modal.getByLabel('任期起始日').press('Enter');
  await pickOption(page, modal.getByRole('combobox').last(), '·');
  await clickUntilGone(modal.getByRole('button', { name: /确\s?定|OK/ }));

  // The round opens in its drawer: register two applicants for the post.
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText(name)).toBeVisible();
  for (const p of people) {
    await pickOption(page, drawer.getByRole('combobox'), p.employeeNo);
    await drawer.getByRole('button', { name: '登记报名' }).click();
    await expect(drawer.getByRole('cell', { name: p.employeeNo, exact: true })).toBeVisible();
  }
  // Score them (written 40 %, interview 60 %): the first wins.
  const scores = [
    [88, 92],
    [75, 70],
  ];
  for (const [i, p] of people.entries()) {
    await drawer.getByRole('spinbutton', { name: `${p.name} 笔试` }).fill(String(scores[i]![0]));
    await drawer.getByRole('spinbutton', { name: `${p.name} 面试` }).fill(String(scores[i]![1]));
  }
  await drawer.getByRole('button', { name: '保存成绩' }).click();
  await expect(drawer.getByText('90.40')).toBeVisible(); // 88 × 0.4 + 92 × 0.6
  await expect(drawer.getByText('72.00')).toBeVisible();

  // Publish: ranked, selected within seats, publicity from today; finalize waits for its end.
  await confirmPopover(page, drawer.getByRole('button', { name: '排名并公示' }));
  await expect(drawer.getByText('公示中')).toBeVisible();
  await expect(drawer.getByText('拟聘', { exact: true })).toBeVisible();
  const finalize = drawer.getByRole('button', { name: '公示期满，正式聘任' });
  await expect(finalize).toBeDisabled();
  await page.getByTestId('finalize-wait').hover();
  await expect(page.getByRole('tooltip')).toContainText('期满次日起方可正式聘任');
  await clickUntilGone(page.locator('.ant-drawer-close'));

  // The seeded round's publicity is over: finalize it.
  await page.getByRole('button', { name: '2026年中层岗位竞聘（第一批）' }).click();
  const seeded = page.getByRole('dialog');
  const go = seeded.getByRole('button', { name: '公示期满，正式聘任' });
  await expect(go).toBeEnabled();
  await confirmPopover(page, go);
  await expect(seeded.getByText('已聘任').first()).toBeVisible();
  await expect(seeded.getByText('拟聘 · 已聘任')).toBeVisible();
});

/**
 * 指标设置: on an open cycle the leader builds the department and individual indicator set; a group whose weights do
 * not add up to 100 is refused with the total shown, then fixed and saved; the automatic source shows its rule.
 */
test('the indicator editor refuses weights that do not add up to 100, then saves the fixed set', async ({ page }) => {
  await loginViaApi(page, 'leader');
  const name = `指标设置-${unique()}`;
  const res = await page.request.post('/api/performance/cycles', {
    headers: { 'X-CSRF-Token': await csrf(page) },
    data: { name, period: 'monthly', periodStart: '2026-06-01', periodEnd: '2026-06-30' },
  });
  expect(res.status(), await res.text()).toBe(200);
  await page.goto(`/performance/cycles/${(await res.json()).id}`);
  await page.getByRole('tab', { name: '指标与取数' }).click();
  await page.getByRole('button', { name: '编辑指标' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('button', { name: '添加部门指标' }).click();
  await drawer.getByRole('button', { name: '添加部门指标' }).click();
  await drawer.getByRole('button', { name: '添加个人指标' }).click();

  // 1: automatic, approval on-time rate, capped completion.
  await drawer.getByRole('textbox', { name: '指标 1' }).fill('审批按时办结率');
  await pickOption(page, drawer.getByLabel('取数来源 1'), '审批按时办结率（%）');
  await expect(drawer.getByText('牵头部门为该部门、办结日期在考核期内的办件中')).toBeVisible();
  await drawer.getByRole('spinbutton', { name: '权重 1' }).fill('60');
  await drawer.getByRole('spinbutton', { name: '目标值 1' }).fill('95');
  // 2: manual, peer ranking (功效系数).
  await drawer.getByRole('textbox', { name: '指标 2' }).fill('专项工作评议');
  await pickOption(page, drawer.getByLabel('计分方法 2'), '功效系数');
  await drawer.getByRole('spinbutton', { name: '权重 2' }).fill('30');
  // 3: individual.
  await drawer.getByRole('textbox', { name: '指标 3' }).fill('岗位任务完成率');
  await drawer.getByRole('spinbutton', { name: '权重 3' }).fill('100');
  await drawer.getByRole('spinbutton', { name: '目标值 3' }).fill('100');

  await expect(drawer.getByText('部门 A类·投资服务类：90 ≠ 100')).toBeVisible();
  await drawer.getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.getByText('权重合计不为 100，未保存')).toBeVisible();
  await expect(drawer.getByText('本组权重合计为 90，须为 100').first()).toBeVisible();

  await drawer.getByRole('spinbutton', { name: '权重 2' }).fill('40');
  await expect(drawer.getByText('部门 A类·投资服务类：100 ✓')).toBeVisible();
  await drawer.getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.getByText('保存成功')).toBeVisible();
  await expect(drawer).toBeHidden();
  const table = page.getByRole('tabpanel');
  await expect(table.getByRole('cell', { name: '专项工作评议' })).toBeVisible();
  await expect(table.locator('.ant-tag', { hasText: '审批按时办结率' })).toBeVisible();
});
