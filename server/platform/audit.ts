import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { AuditVerifyResult } from '../../shared/audit';
import type { Actor } from './access';
import { auditChainHeads, auditEvents } from './audit.tables';
import type { Db, Executor, Tx } from './db';

export const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  actor: Actor | null;
  zoneId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON with object keys sorted, so jsonb's key reordering does not change the hash. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Round-trip through JSON so what is stored equals what is hashed (Dates become ISO strings). */
function plain(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

interface HashedFields {
  chain: string;
  seq: number;
  zoneId: string | null;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  at: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  prevHash: string;
}

export function hashEvent(fields: HashedFields): string {
  return createHash('sha256').update(canonical(fields)).digest('hex');
}

export function chainOf(zoneId: string | null): string {
  return zoneId ? `zone:${zoneId}` : 'platform';
}

/**
 * Lock the chain's head row until the transaction ends and read it. A row lock rather than an advisory lock plus a
 * read: under READ COMMITTED, `FOR UPDATE` re-reads the newest committed version after waiting, so the wait and the
 * read are one round trip. A chain's first event creates its head (seq 0, genesis hash) with ON CONFLICT DO NOTHING,
 * which waits for a concurrent creator to finish, and reads it again.
 */
async function lockHead(tx: Tx, chain: string): Promise<{ seq: number; hash: string }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const [head] = await tx
      .select({ seq: auditChainHeads.seq, hash: auditChainHeads.hash })
      .from(auditChainHeads)
      .where(eq(auditChainHeads.chain, chain))
      .for('update');
    if (head) return head;
    await tx.insert(auditChainHeads).values({ chain, seq: 0, hash: GENESIS }).onConflictDoNothing();
  }
  throw new Error(`audit chain head ${chain} could not be created`);
}

const json = (v: unknown) => (v === null ? null : JSON.stringify(v));

/**
 * Append audit events inside the caller's transaction (the same one as the change they record), in the order given.
 * The chain's head stays locked until commit, so appends to one chain are serialised: seq has no gaps and each row
 * links to the previous hash. Every audited write of a zone queues here, so the time between this call and COMMIT
 * bounds a zone's write rate: call it as late as the change allows. Two round trips whatever the number of events:
 * lock and read the head, then one statement that inserts the rows and moves the head.
 */
export async function recordAudits(tx: Tx, entries: readonly AuditEntry[]): Promise<void> {
  const byChain = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    const chain = chainOf(e.zoneId);
    byChain.set(chain, [...(byChain.get(chain) ?? []), e]);
  }
  for (const chain of [...byChain.keys()].sort()) {
    const head = await lockHead(tx, chain);
    let seq = head.seq;
    let prevHash = head.hash;
    const values = [];
    for (const entry of byChain.get(chain)!) {
      seq++;
      const fields: HashedFields = {
        chain,
        seq,
        zoneId: entry.zoneId,
        actorId: entry.actor?.userId ?? null,
        actorName: entry.actor?.displayName ?? null,
        actorRole: entry.actor?.role ?? null,
        at: new Date().toISOString(),
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId ?? null,
        before: plain(entry.before),
        after: plain(entry.after),
        ip: entry.actor?.ip ?? null,
        prevHash,
      };
      prevHash = hashEvent(fields);
      const f = fields;
      values.push(
        sql`(${f.chain}, ${f.seq}, ${f.zoneId}::uuid, ${f.actorId}::uuid, ${f.actorName}, ${f.actorRole}, ${f.at}::timestamptz, ${f.action}, ${f.entity}, ${f.entityId}, ${json(f.before)}::jsonb, ${json(f.after)}::jsonb, ${f.ip}, ${f.prevHash}, ${prevHash})`,
      );
    }
    await tx.execute(sql`with appended as (
      insert into audit_events (chain, seq, zone_id, actor_id, actor_name, actor_role, at, action, entity, entity_id, before, after, ip, prev_hash, hash)
      values ${sql.join(values, sql`, `)})
      update audit_chain_heads set seq = ${seq}, hash = ${prevHash} where chain = ${chain}`);
  }
}

/** Append one audit event inside the caller's transaction (see recordAudits). */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, [entry]);
}

/** Recompute every chain: each row's hash, each link to the previous row, no gaps in seq, head matches tail. */
export async function verifyAudit(
  db: Db | Executor,
  options: { chains?: string[]; batchSize?: number } = {},
): Promise<AuditVerifyResult> {
  const batchSize = options.batchSize ?? 5000;
  const heads = await db.select().from(auditChainHeads).orderBy(asc(auditChainHeads.chain));
  const chainNames = new Set(heads.map((h) => h.chain));
  const extra = await db.selectDistinct({ chain: auditEvents.chain }).from(auditEvents);
  for (const e of extra) chainNames.add(e.chain);
  if (options.chains) {
    const only = new Set(options.chains);
    for (const c of [...chainNames]) if (!only.has(c)) chainNames.delete(c);
  }
  const problems: AuditVerifyResult['problems'] = [];
  let events = 0;
  for (const chain of [...chainNames].sort()) {
    let expectedSeq = 1;
    let prevHash = GENESIS;
    let lastSeq = 0;
    let lastHash = GENESIS;
    for (;;) {
      const batch = await db
        .select()
        .from(auditEvents)
        .where(sql`${auditEvents.chain} = ${chain} and ${auditEvents.seq} >= ${expectedSeq}`)
        .orderBy(asc(auditEvents.seq))
        .limit(batchSize);
      for (const row of batch) {
        events++;
        if (row.seq !== expectedSeq) {
          problems.push({
            chain,
            seq: expectedSeq,
            kind: 'missing_row',
            message: `rows ${expectedSeq}..${row.seq - 1} are missing`,
          });
        }
        if (row.prevHash !== prevHash) {
          problems.push({
            chain,
            seq: row.seq,
            kind: 'broken_link',
            message: 'prev_hash does not match the previous row',
          });
        }
        const recomputed = hashEvent({
          chain: row.chain,
          seq: row.seq,
          zoneId: row.zoneId,
          actorId: row.actorId,
          actorName: row.actorName,
          actorRole: row.actorRole,
          at: row.at.toISOString(),
          action: row.action,
          entity: row.entity,
          entityId: row.entityId,
          before: row.before ?? null,
          after: row.after ?? null,
          ip: row.ip,
          prevHash: row.prevHash,
        });
        if (recomputed !== row.hash) {
          problems.push({ chain, seq: row.seq, kind: 'hash_mismatch', message: 'content does not match its hash' });
        }
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
        lastSeq = row.seq;
        lastHash = row.hash;
      }
      if (batch.length < batchSize) break;
    }
    const head = heads.find((h) => h.chain === chain);
    if (!head || head.seq !== lastSeq || head.hash !== lastHash) {
      problems.push({
        chain,
        seq: head?.seq ?? null,
        kind: 'head_mismatch',
        message: `chain head says seq ${head?.seq ?? 'none'} but the last row is ${lastSeq}`,
      });
    }
  }
  return { ok: problems.length === 0, chains: chainNames.size, events, problems };
}
