import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, type Tenant } from '../test/factories';
import { createTestContext, type TestContext } from '../test/harness';
import { canonical, chainOf, recordAudit, recordAudits, verifyAudit } from './audit';
import { rows } from './db';

let ctx: TestContext;
let tenant: Tenant;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
});
afterAll(() => ctx.close());

/** Tamper the way an attacker with SQL access would: bypassing the append-only trigger for one statement. */
async function tamper(statement: ReturnType<typeof sql>) {
  await ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

async function writeThree(): Promise<{ chain: string; zoneId: string }> {
  const t = await makeTenant(ctx.app);
  const c = await t.as('zone_leader');
  for (const code of ['AU1', 'AU2', 'AU3']) {
    expect((await c.post('/api/org/departments', { code, name: `审计测试${code}`, class: 'B' })).statusCode).toBe(200);
  }
  return { chain: chainOf(t.zoneId), zoneId: t.zoneId };
}

describe('audit log', () => {
  it('records actor, entity, before and after in the same transaction as the change', async () => {
    const c = await tenant.as('zone_leader');
    const created = (await c.post('/api/org/departments', { code: 'AUD', name: '审计部门', class: 'B' })).json();
    await c.put(`/api/org/departments/${created.id}`, { code: 'AUD', name: '审计部门（改）', class: 'B' });
    const auditor = await tenant.as('auditor');
    const list = (await auditor.get(`/api/audit/events?entity=department&pageSize=50`)).json();
    const update = list.data.find(
      (e: { action: string; entityId: string }) => e.action === 'update' && e.entityId === created.id,
    );
    expect(update).toMatchObject({
      actorId: tenant.users.zone_leader.id,
      actorRole: 'zone_leader',
      zoneId: tenant.zoneId,
      entity: 'department',
    });
    expect(update.before.name).toBe('审计部门');
    expect(update.after.name).toBe('审计部门（改）');
  });

  it('a failed change leaves neither the row nor an audit event (no half-written change)', async () => {
    const c = await tenant.as('zone_leader');
    const before = (await c.get('/api/org/departments?q=重复')).json().total;
    const countEvents = async () =>
      (
        await rows<{ n: number }>(
          ctx.database.db,
          sql`select count(*)::int as n from audit_events where zone_id = ${tenant.zoneId}`,
        )
      )[0]!.n;
    const eventsBefore = await countEvents();
    expect((await c.post('/api/org/departments', { code: 'DUP', name: '重复一', class: 'A' })).statusCode).toBe(200);
    const dup = await c.post('/api/org/departments', { code: 'DUP', name: '重复二', class: 'A' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields).toEqual({ code: '已存在相同的值' });
    expect((await c.get('/api/org/departments?q=重复')).json().total).toBe(before + 1);
    expect(await countEvents()).toBe(eventsBefore + 1);
  });

  it('is append-only: UPDATE and DELETE are refused by the database', async () => {
    await expect(
      ctx.database.db.execute(sql`update audit_events set action = 'x' where zone_id = ${tenant.zoneId}`),
    ).rejects.toThrow();
    await expect(
      ctx.database.db.execute(sql`delete from audit_events where zone_id = ${tenant.zoneId}`),
    ).rejects.toThrow();
  });

  it('verifies an intact chain', async () => {
    const { chain } = await writeThree();
    const result = await verifyAudit(ctx.database.db, { chains: [chain] });
    expect(result).toMatchObject({ ok: true, chains: 1, problems: [] });
    expect(result.events).toBeGreaterThanOrEqual(4);
  });

  it('detects one tampered row', async () => {
    const { chain } = await writeThree();
    await tamper(
      sql`update audit_events set after = jsonb_set(after, '{name}', '"篡改"') where chain = ${chain} and seq = 2`,
    );
    const result = await verifyAudit(ctx.database.db, { chains: [chain] });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'hash_mismatch', seq: 2 })]);
  });

  it('detects a deleted row in the middle and a deleted tail', async () => {
    const mid = await writeThree();
    await tamper(sql`delete from audit_events where chain = ${mid.chain} and seq = 2`);
    const r1 = await verifyAudit(ctx.database.db, { chains: [mid.chain] });
    expect(r1.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['missing_row', 'broken_link']));

    const tail = await writeThree();
    await tamper(
      sql`delete from audit_events where chain = ${tail.chain} and seq = (select max(seq) from audit_events where chain = ${tail.chain})`,
    );
    const r2 = await verifyAudit(ctx.database.db, { chains: [tail.chain] });
    expect(r2.problems.map((p) => p.kind)).toEqual(['head_mismatch']);
  });

  it('the verify API reports problems to the auditor of that zone only', async () => {
    const t = await makeTenant(ctx.app);
    const c = await t.as('zone_leader');
    await c.post('/api/org/departments', { code: 'V1', name: '验证部门', class: 'A' });
    const auditor = await t.as('auditor');
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true, chains: 1 });
    await tamper(sql`update audit_events set actor_name = '别人' where chain = ${chainOf(t.zoneId)} and seq = 1`);
    const res = (await auditor.get('/api/audit/verify')).json();
    expect(res.ok).toBe(false);
    expect(res.problems[0]).toMatchObject({ kind: 'hash_mismatch', chain: chainOf(t.zoneId) });
  });

  it('auditors see only their zone; the platform admin sees all', async () => {
    const other = await makeTenant(ctx.app);
    await (await other.as('zone_leader')).post('/api/org/departments', { code: 'OZ', name: '他区部门', class: 'A' });
    const auditor = await tenant.as('auditor');
    const mine = (await auditor.get('/api/audit/events?pageSize=500')).json();
    expect(mine.data.every((e: { zoneId: string }) => e.zoneId === tenant.zoneId)).toBe(true);
    const admin = await tenant.as('admin');
    const all = (await admin.get('/api/audit/events?pageSize=500&entity=department')).json();
    expect(all.data.some((e: { zoneId: string }) => e.zoneId === other.zoneId)).toBe(true);
  });

  it('concurrent appends to a new chain get seq 1..n without gaps, in one chain that verifies', async () => {
    // A chain nobody has written to: the first appenders race to create its head.
    const zoneId = randomUUID();
    const chain = chainOf(zoneId);
    const entry = (n: number) => ({ actor: null, zoneId, action: 'probe', entity: 'probe', entityId: String(n) });
    await Promise.all([
      ...Array.from({ length: 12 }, (_, n) =>
        ctx.database.db.transaction(async (tx) => {
          await recordAudit(tx, entry(n));
        }),
      ),
      ctx.database.db.transaction((tx) => recordAudits(tx, [entry(100), entry(101)])),
    ]);
    const seqs = await rows<{ seq: string; entity_id: string }>(
      ctx.database.db,
      sql`select seq::text as seq, entity_id from audit_events where chain = ${chain} order by audit_events.seq`,
    );
    expect(seqs.map((r) => Number(r.seq))).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    // The two events of one transaction are adjacent and in the order given.
    const at = seqs.findIndex((r) => r.entity_id === '100');
    expect(seqs[at + 1]?.entity_id).toBe('101');
    expect(await verifyAudit(ctx.database.db, { chains: [chain] })).toMatchObject({ ok: true, events: 14 });
  });

  it('an append rolled back with its transaction leaves the chain as it was', async () => {
    const zoneId = randomUUID();
    const chain = chainOf(zoneId);
    const entry = { actor: null, zoneId, action: 'probe', entity: 'probe' };
    await ctx.database.db.transaction((tx) => recordAudit(tx, entry));
    await expect(
      ctx.database.db.transaction(async (tx) => {
        await recordAudit(tx, entry);
        throw new Error('change failed after its audit entry');
      }),
    ).rejects.toThrow('change failed');
    await ctx.database.db.transaction((tx) => recordAudit(tx, entry));
    expect(await verifyAudit(ctx.database.db, { chains: [chain] })).toMatchObject({ ok: true, events: 2 });
  });

  it('canonical JSON ignores key order', () => {
    expect(canonical({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonical({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});
