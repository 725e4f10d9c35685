import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ JOBS_POLL_SECONDS: '5' });
});
afterAll(() => ctx.close());

describe('background jobs (pg-boss on the app database)', () => {
  it('works a job sent on this server at once (woken, not polled) and keeps its output', async () => {
    const jobs = ctx.app.ctx.jobs;
    await jobs.define<{ n: number }>({ name: 'test-double', handler: async ({ n }) => ({ doubled: n * 2 }) });
    await new Promise((r) => setTimeout(r, 100)); // the new worker's first fetch found nothing: it now sleeps 5 s
    const started = Date.now();
    const id = await jobs.send('test-double', { n: 21 });
    expect(await jobs.waitFor('test-double', id)).toEqual({ state: 'completed', output: { doubled: 42 } });
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('retries a failing job up to its retry limit, then fails it for good', async () => {
    const jobs = ctx.app.ctx.jobs;
    const attempts: number[] = [];
    await jobs.define<object>({
      name: 'test-flaky',
      retryLimit: 1,
      retryDelaySeconds: 0,
      handler: async (_data, meta) => {
        attempts.push(meta.retryCount);
        throw new Error('boom');
      },
    });
    const id = await jobs.send('test-flaky', {});
    // The retry is due at once (no delay) but the worker sleeps between polls: keep waking it.
    const waking = setInterval(() => jobs.wake('test-flaky'), 50);
    const status = await jobs.waitFor('test-flaky', id).finally(() => clearInterval(waking));
    expect(status.state).toBe('failed');
    expect(attempts).toEqual([0, 1]);
  });

  it('ignores a second send with the same id', async () => {
    const jobs = ctx.app.ctx.jobs;
    let runs = 0;
    await jobs.define<object>({ name: 'test-once', handler: async () => ++runs });
    const id = '0b8f2c2e-6a56-4d0a-9a43-3c1f1b2f9e01';
    expect(await jobs.send('test-once', {}, { id })).toBe(id);
    await jobs.waitFor('test-once', id);
    expect(await jobs.send('test-once', {}, { id })).toBe(id);
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toBe(1);
  });

  it('waits for, and does not deadlock with, an app transaction holding the connection', async () => {
    const { db } = ctx.database;
    const jobs = ctx.app.ctx.jobs;
    await jobs.define<object>({ name: 'test-after-tx', handler: async () => 'done' });
    let txEnded = 0;
    const tx = db.transaction(async (t) => {
      await t.execute(sql`select pg_sleep(0.2)`);
      txEnded = Date.now();
    });
    const id = await jobs.send('test-after-tx', {});
    await tx;
    expect((await jobs.waitFor('test-after-tx', id)).state).toBe('completed');
    expect(txEnded).toBeGreaterThan(0);
  });
});

describe('shutdown', () => {
  it('lets a running job finish before the app (and then the database) closes', async () => {
    const own = await createTestContext();
    const jobs = own.app.ctx.jobs;
    let finished = false;
    let release: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      release = resolve;
    });
    await jobs.define<object>({
      name: 'test-slow',
      handler: async () => {
        release();
        await new Promise((r) => setTimeout(r, 300));
        await own.database.db.execute(sql`select 1`);
        finished = true;
      },
    });
    await jobs.send('test-slow', {});
    await started;
    await own.close();
    expect(finished).toBe(true);
  });
});
