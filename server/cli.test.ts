import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

async function cli(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(tsx, ['server/cli.ts', ...args], {
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('zoneos CLI', () => {
  it('migrates, seeds the demo zone, and verifies the audit chain', async () => {
    const DATA_DIR = mkdtempSync(join(tmpdir(), 'zoneos-cli-'));
    const env = { DATA_DIR, ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', DATABASE_URL: '' };
    const migrate = await cli(['migrate'], env);
    expect(migrate).toMatchObject({ code: 0 });
    expect(migrate.out).toMatch(/migrations applied: \d+/);
    const seed = await cli(['seed'], env);
    expect(seed.code).toBe(0);
    expect(seed.out).toMatch(/demo zone seeded; \d+ logins/);
    const user = await cli(
      [
        'user:create',
        '--username',
        'cli.leader',
        '--password',
        'Cli-password-1',
        '--role',
        'zone_leader',
        '--zone',
        'yiyang-hitech',
      ],
      env,
    );
    expect(user.out).toMatch(/created cli.leader \(zone_leader\)/);
    const verify = await cli(['audit:verify'], env);
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/intact/);
  }, 180_000);

  it('exits non-zero with a clear message on bad configuration or an unreachable database', async () => {
    const bad = await cli(['migrate'], { PORT: 'x' });
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/PORT/);
    const down = await cli(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(down.code).toBe(1);
  }, 60_000);
});
