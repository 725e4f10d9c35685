/**
 * Web figures: initial JavaScript of the login page and the shell (gzipped), and time to interactive of the pages a
 * leader opens first, in headless Chromium on localhost.
 *
 *   npm run build && npm run bench -- web
 *
 * 1. Bundle: the entry script of dist/web/index.html plus every chunk it imports statically (what the browser must
 *    fetch before the login page can render), gzipped level 9; budget 350 KB. Domain pages must be separate lazy
 *    chunks: the count is printed.
 * 2. Time to interactive: the real server (demo zone, PGlite) and Debian's Chromium (playwright-core). For the login
 *    page, the home page and the zone cockpit: ms from navigation start until the page's content is drawn (no spinner,
 *    the expected element visible), median of 5 loads with a warm cache. Baseline beside it: the same browser loading
 *    a static page of the same server (/api/health as HTML-less JSON) — the floor of a navigation on this machine.
 * Loopback only; bounded; exits non-zero when the bundle is over budget.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { guard, Harness, kill9, PASSWORD } from './harness.helper';

const DIST = 'dist/web';
const BUDGET_KB = 350;
const h = new Harness(Number(process.env.WEB_BENCH_PORT ?? 3295));

function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    // Static imports in Vite's output: `import{…}from"./x.js"` and `import"./x.js"` (dynamic ones are import("…")).
    for (const m of code.matchAll(/(?:^|[;}\s])import(?:[^"'();]*?from)?\s*["'](\.\/[^"']+\.js)["']/g)) {
      visit(join(file, '..', m[1]!).replace(/^\.\//, ''));
    }
  };
  visit(entry);
  return [...seen];
}

function bundle(): number {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no module entry in dist/web/index.html (run npm run build)');
  const files = staticClosure(entry);
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+)"/g)].map((m) => m[1]!);
  const gz = (f: string) => gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length;
  const js = files.reduce((n, f) => n + gz(f), 0);
  const cssBytes = css.reduce((n, f) => n + gz(f), 0);
  const lazy = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js')).length - files.length;
  console.log(
    `initial JS (login + shell): ${(js / 1024).toFixed(1)} KB gzipped in ${files.length} files (budget ${BUDGET_KB} KB)`,
  );
  console.log(`initial CSS: ${(cssBytes / 1024).toFixed(1)} KB gzipped; lazily loaded chunks: ${lazy}`);
  h.check(js / 1024 <= BUDGET_KB, `initial JS within ${BUDGET_KB} KB`);
  return js;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function main(): Promise<number> {
  guard('web', 8);
  bundle();

  const dir = mkdtempSync(join(tmpdir(), 'zoneos-web-'));
  const server = h.start({ DATABASE_URL: '', DATA_DIR: dir, WEB_DIST: DIST });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    await h.waitHealthy();
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const timeTo = async (path: string, ready: () => Promise<unknown>): Promise<number> => {
      const samples: number[] = [];
      for (let i = 0; i < 6; i++) {
        await page.goto(`${h.base}${path}`);
        await ready();
        const ms = await page.evaluate(() => performance.now());
        if (i > 0) samples.push(ms); // the first load fills the cache
      }
      return median(samples);
    };
    const floor = await timeTo('/api/health', () => page.waitForLoadState('load'));
    const login = await timeTo('/login', () => page.getByRole('button', { name: /登\s*录/ }).waitFor());
    const res = await context.request.post(`${h.base}/api/auth/login`, {
      data: { username: 'leader', password: PASSWORD },
    });
    if (!res.ok()) throw new Error(`login: ${res.status()}`);
    const noSpinner = () => page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0);
    const home = await timeTo('/', async () => {
      await page.locator('main, .ant-layout-content').first().waitFor();
      await noSpinner();
    });
    const cockpit = await timeTo('/cockpit', async () => {
      await page.waitForFunction(() => document.querySelectorAll('canvas').length >= 3);
      await noSpinner();
    });
    console.log(`navigation floor (JSON page)   ${floor.toFixed(0)} ms`);
    console.log(`login page interactive         ${login.toFixed(0)} ms`);
    console.log(`home (shell + modules)         ${home.toFixed(0)} ms`);
    console.log(`zone cockpit, charts drawn     ${cockpit.toFixed(0)} ms`);
  } finally {
    await browser.close();
    await kill9(server);
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(h.failed ? `\n${h.failed} check(s) failed` : '\nall checks passed');
  return h.failed ? 1 : 0;
}
