import { type Browser, expect, type Page, test } from '@playwright/test';
import { clickUntilGone, confirmPopover, loginViaApi } from './fixtures';

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginViaApi(page, username);
  return page;
}

test('a policy is published; an eligible enterprise sees it and applies; the leader approves it and it is disclosed', async ({
  browser,
}) => {
  const title = `企业稳岗补贴${Date.now().toString().slice(-6)}`;

  // 1. The leader drafts a policy for every operating enterprise (no conditions) and publishes it.
  const leader = await as(browser, 'leader');
  await leader.goto('/policies');
  await leader.getByRole('button', { name: '新建政策' }).click();
  const form = leader.getByRole('dialog', { name: '新建政策' });
  await form.getByLabel('政策名称').fill(title);
  await form.getByLabel('每家奖补金额').fill('20000');
  await clickUntilGone(form.getByRole('button', { name: /确\s*定|OK/ }), form);
  await leader.getByRole('link', { name: title }).click();
  await confirmPopover(leader, leader.getByRole('button', { name: '发布并匹配' }));
  await expect(leader.getByText(/匹配并通知的企业（[1-9]\d*）/)).toBeVisible();

  // 2. The enterprise sees it among its policies and applies.
  const enterprise = await as(browser, 'enterprise');
  await enterprise.goto('/policies');
  await enterprise.getByRole('link', { name: title }).click();
  await enterprise.getByRole('button', { name: '我要申报' }).click();
  const apply = enterprise.getByRole('dialog', { name: '我要申报' });
  await apply.getByLabel('申报说明').fill('2025 年稳定用工 320 人，未裁员');
  await clickUntilGone(apply.getByRole('button', { name: /确\s*定|OK/ }), apply);
  await expect(enterprise.getByText('待审核')).toBeVisible();

  // 3. The leader approves it with the policy amount; the award is on the public disclosure page.
  await leader.reload();
  const row = leader.getByRole('row').filter({ hasText: '待审核' }).first();
  await row.getByRole('button', { name: '核定通过' }).click();
  const review = leader.getByRole('dialog', { name: '核定通过' });
  await clickUntilGone(review.getByRole('button', { name: /确\s*定|OK/ }), review);
  await expect(leader.getByRole('row').filter({ hasText: '已核定' }).first()).toBeVisible();
  await leader.goto('/policies/disclosure');
  await expect(leader.getByRole('row').filter({ hasText: title }).first()).toContainText('¥20,000.00');
});
