#!/usr/bin/env node
// Before `npm start`: build the web app when dist/web is missing or older than its sources, so a fresh
// clone needs only `npm install && npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const out = 'dist/web/index.html';
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const sourcesTime = Math.max(newest('web'), newest('shared'));
if (existsSync(out) && statSync(out).mtimeMs >= sourcesTime) process.exit(0);
console.log('Building the web app (first start or sources changed)…');
const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
