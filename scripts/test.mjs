#!/usr/bin/env node
// `npm test`: type-check, lint, dependency audit (high/critical advisories must be explained; skipped with a notice
// where the registry's advisory endpoint is unreachable), integration tests (PGlite, plus PostgreSQL when
// TEST_DATABASE_URL is set), the short reliability runs (scripts/reliability.mjs), web build, then the Playwright
// journeys in Chromium against the built app. Stops at the first failure.
import { spawnSync } from 'node:child_process';

const steps = [
  ['type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint (Biome)', 'npx', ['biome', 'check', '.']],
  ['dependency audit', 'node', ['scripts/audit-deps.mjs']],
  ['unit + integration (vitest)', 'npx', ['vitest', 'run']],
  ['reliability, short (kill -9, PostgreSQL outage, soak)', 'node', ['scripts/reliability.mjs']],
  ['web build (vite)', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']],
  ['journeys (Playwright, Chromium)', 'npx', ['playwright', 'test']],
];

const only = process.argv.slice(2);
const started = Date.now();
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n▶ ${name}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed after ${secs}s (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${name} (${secs}s)`);
}
console.log(`\nAll test steps passed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
