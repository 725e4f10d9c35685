import { expect, type Page } from '@playwright/test';

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
