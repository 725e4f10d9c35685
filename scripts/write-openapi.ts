// Writes docs/openapi.json (committed so reviewers see API changes). Same as `zoneos openapi`.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['tsx', 'server/cli.ts', 'openapi', '--out', 'docs/openapi.json'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
