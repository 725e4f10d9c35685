import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'ZoneOS-2026';

/** Log in through the API (fast); the session cookie lands in the page's browser context. */
export async function loginViaApi(page: Page, username: string, locale: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<void> {
  await page.addInitScript((l) => window.localStorage.setItem('zoneos.locale', l), locale);
  const res = await page.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
}

/** Log in through the form, as a person would. */
export async function loginViaForm(
  page: Page,
  username: string,
  labels = { user: '用户名', pass: '密码', button: '登录' },
) {
  await page.goto('/login');
  await page.getByLabel(labels.user).fill(username);
  await page.getByLabel(labels.pass).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: labels.button }).click();
}

/**
 * Choose an option of an antd Select and wait until the select shows it. Under CI load a click can land while
 * the dropdown is still sliding in (and be lost), so the open-and-click is retried until the choice is visible.
 */
export async function pickOption(
  page: Page,
  select: Locator,
  option: string,
  exact = false,
  /** For a searchable select with many options: type the text first (the list is virtual, far options are not rendered). */
  typeToFilter = false,
): Promise<void> {
  const root = select.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  await expect(async () => {
    await select.click();
    if (typeToFilter) await select.fill(option);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: exact ? new RegExp(`^\\s*${option}\\s*$`) : option })
      .first()
      .click({ timeout: 3_000 });
    await expect(root).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * Click `target` until `gone` (by default the target itself) disappears. Under load a click can land while an antd
 * modal or popover is still animating in and be lost; it is repeated only while the target is still shown, and a
 * loading OK button ignores repeats, so a slow save is not submitted twice.
 */
export async function clickUntilGone(target: Locator, gone: Locator = target): Promise<void> {
  await expect(target).toBeVisible();
  await expect(async () => {
    if (await target.isVisible()) await target.click({ timeout: 2_000 });
    await expect(gone).toBeHidden({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Opens a Popconfirm with its trigger and clicks OK until the popover is gone after a click. A popover can close by
 * itself when the page re-renders under it (data arriving just after it opened); OK was then never clicked and the
 * action never sent, so the trigger is clicked again rather than taking "gone" for "confirmed".
 */
export async function confirmPopover(page: Page, trigger: Locator): Promise<void> {
  const ok = page
    .locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons')
    .getByRole('button', { name: /确\s*定|OK/ });
  await expect(async () => {
    if (!(await ok.isVisible())) await trigger.click({ timeout: 2_000 }); // not open yet, or closed by itself
    await ok.click({ timeout: 2_000 });
    await expect(ok).toBeHidden({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}
