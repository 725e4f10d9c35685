/**
 * Shared pieces of the benchmarks that drive the real server: start `tsx server/main.ts` on a loopback port, wait
 * until healthy, sign in, build request headers, SIGKILL, count failed checks, make valid credit codes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { creditCodeCheckChar } from '../shared/credit-code';

export const PASSWORD = 'ZoneOS-2026';

export interface Session {
  cookie: string;
  csrf: string;
}

export class Harness {
  readonly base: string;
  failed = 0;
  #serial = 0;
  readonly #run = Date.now() % 97;

  constructor(readonly port: number) {
    this.base = `http://127.0.0.1:${port}`;
  }

  check(ok: boolean, what: string): void {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) this.failed++;
  }

  /** The real server with the demo zone, quiet logs and cheap password hashing (benchmarks sign in often). */
  start(env: Record<string, string>, stdio: 'inherit' | 'ignore' = 'inherit'): ChildProcess {
    return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
        NODE_ENV: 'production',
        ARGON2_MEMORY_KIB: '4096',
        ARGON2_TIME_COST: '1',
        JOBS_POLL_SECONDS: '1',
        WEB_DIST: './.no-web',
        ...env,
      },
      stdio: ['ignore', 'ignore', stdio],
    });
  }

  async waitHealthy(timeoutMs = 180_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      try {
        const res = await fetch(`${this.base}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error('server did not become healthy');
  }

  async login(username: string): Promise<Session> {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.base },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: (await res.json()).csrfToken };
  }

  headers(s: Session, extra: Record<string, string> = {}): Record<string, string> {
    return { cookie: s.cookie, 'x-csrf-token': s.csrf, 'accept-language': 'zh-CN', ...extra };
  }

  /** A valid, unique credit code: 91 + division 430900 + a 9-digit organisation code (run, stream, serial). */
  creditCode(stream: number): string {
    this.#serial++;
    const first17 = `91430900${String(this.#run).padStart(2, '0')}${stream}${String(this.#serial).padStart(6, '0')}`;
    return first17 + creditCodeCheckChar(first17);
  }
}

export function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Fails the process after `minutes` so a stuck benchmark never hangs CI or a developer's shell. */
export function guard(name: string, minutes: number): void {
  setTimeout(() => {
    console.error(`${name} exceeded ${minutes} minutes; giving up`);
    process.exit(1);
  }, minutes * 60_000).unref();
}
