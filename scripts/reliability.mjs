#!/usr/bin/env node
// The short versions of the reliability benchmarks (a step of `npm test`), each exiting non-zero when a check fails:
//   crash-recovery  SIGKILL of the server mid-write and mid-import, on PGlite and PostgreSQL (every acknowledged write
//                   present after restart, audit chain verifies, import rows all-or-none);
//   pg-outage       a scratch PostgreSQL cluster stopped under load (only quick 503s, recovery without restart);
//   soak 1          one minute of steady mixed load on PostgreSQL without an error.
// The long versions (`npm run bench -- soak 10`, …) are documented in docs/BENCHMARKS.md. Loopback only.
import { spawnSync } from 'node:child_process';

const runs = [['crash-recovery'], ['pg-outage'], ['soak', '1']];
for (const args of runs) {
  console.log(`\n· bench ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync('npx', ['tsx', 'bench/run.ts', ...args], { stdio: 'inherit', env: process.env });
  console.log(`· bench ${args.join(' ')}: exit ${r.status} after ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}
