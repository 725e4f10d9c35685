/**
 * Screenshots of the leadership cockpits for docs/screenshots (issue 10).
 *
 * Usage (after `npm run build`):
 *   PORT=3318 HOST=127.0.0.1 DATA_DIR=.tmp/shots-db npx tsx server/main.ts &   # fresh DATA_DIR → demo is seeded
 *   node scripts/screenshots.mjs [baseUrl] [outDir]
 * Defaults: baseUrl http://127.0.0.1:3318, outDir docs/screenshots. Chromium comes from CHROMIUM
 * (default /usr/bin/chromium). Logs in via POST /api/auth/login as the demo users `leader` (zone cockpit) and
 * `province` (province cockpit), zh-CN, and writes for each cockpit
 *   <outDir>/cockpit-zone.png, <outDir>/cockpit-province.png            (1920×1080 wall screen)
 *   <outDir>/cockpit-zone-1366.png, <outDir>/cockpit-province-1366.png  (1366×768 laptop, only with --laptop)
 * The page is captured after its charts have rendered (canvas present, no spinner, network idle).
 */
import { chromium } from 'playwright-core';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const laptop = process.argv.includes('--laptop');
const base = args[0] ?? 'http://127.0.0.1:3318';
const outDir = args[1] ?? 'docs/screenshots';
const password = 'ZoneOS-2026';

const shots = [
  { user: 'leader', path: '/cockpit', name: 'cockpit-zone' },
  { user: 'province', path: '/cockpit/province', name: 'cockpit-province' },
];
const sizes = [
  { width: 1920, height: 1080, suffix: '' },
  ...(laptop ? [{ width: 1366, height: 768, suffix: '-1366' }] : []),
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const s of shots) {
    for (const size of sizes) {
      const context = await browser.newContext({ viewport: size, locale: 'zh-CN', baseURL: base });
      await context.addInitScript(() => window.localStorage.setItem('zoneos.locale', 'zh-CN'));
      const page = await context.newPage();
      const res = await page.request.post('/api/auth/login', { data: { username: s.user, password } });
      if (res.status() !== 200) throw new Error(`login ${s.user}: ${res.status()} ${await res.text()}`);
      await page.goto(s.path, { waitUntil: 'networkidle' });
      await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 30_000 });
      await page
        .locator('.ant-spin-spinning')
        .waitFor({ state: 'detached', timeout: 30_000 })
        .catch(() => {});
      await page.waitForLoadState('networkidle');
      // let ECharts finish its entry animation
      await page
        .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, {
          timeout: 5_000,
        })
        .catch(() => {});
      await page.waitForTimeout(1200);
      const file = `${outDir}/${s.name}${size.suffix}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
      console.log(`wrote ${file}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
