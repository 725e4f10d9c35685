import { type Browser, expect, type Page, test } from '@playwright/test';
import { clickUntilGone, loginViaApi, pickOption } from './fixtures';

/** The demo enterprise (fixed id in the demo seed); the demo login 'enterprise' belongs to it. */
const DEMO_ENTERPRISE_ID = '7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b';

async function as(browser: Browser, username: string, phone = false): Promise<Page> {
  const context = await browser.newContext(
    phone ? { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } : {},
  );
  const page = await context.newPage();
  await loginViaApi(page, username);
  return page;
}

test('an inspector opens the enterprise code card, registers an inspection on a phone by its URL; the enterprise sees it', async ({
  browser,
}) => {
  const purpose = `消防通道专项检查${Date.now().toString().slice(-6)}`;

  // 1. Department staff open the enterprise's code card: the QR and the URL it encodes.
  const staff = await as(browser, 'invest.staff');
  await staff.goto(`/services/enterprise-code/${DEMO_ENTERPRISE_ID}`);
  const card = staff.getByLabel('涉企检查企业码');
  await expect(card.getByText('益阳电气装备有限公司')).toBeVisible();
  const qr = card.getByTestId('enterprise-qr');
  await expect(qr).toBeVisible();
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const shown = (await card.getByText(/\/inspect\/[0-9A-Z]{10}$/).textContent())!.trim();
  const path = new URL(shown).pathname;
  expect(path).toMatch(/^\/inspect\/[0-9A-Z]{10}$/);

  // 2. On a phone, the URL from the card opens the registration page for that enterprise.
  const phone = await as(browser, 'invest.staff', true);
  await phone.goto(path);
  await expect(phone.getByTestId('inspect-enterprise')).toContainText('益阳电气装备有限公司');
  await phone.getByLabel('检查人员').fill('王强、李丽');
  await phone.getByLabel('检查事项').fill(purpose);
  await pickOption(phone, phone.getByLabel('检查结果'), '责令整改');
  await phone.getByLabel('结果说明').fill('安全出口堆放杂物，责令3日内清理');
  await clickUntilGone(phone.getByRole('button', { name: /保\s*存/ }));
  await expect(phone.getByText('检查已登记')).toBeVisible();

  // 3. The enterprise sees the inspection in its own list.
  const enterprise = await as(browser, 'enterprise');
  await enterprise.goto('/services/inspections');
  const row = enterprise.getByRole('row').filter({ hasText: purpose });
  await expect(row).toBeVisible();
  await expect(row).toContainText('投资促进局');
  await expect(row).toContainText('责令整改');
});
