import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log. One chain per zone ('zone:<id>') plus 'platform' for zone-less events.
 * Each row's hash covers its content and the previous row's hash; audit_chain_heads holds the last seq/hash
 * so a deleted tail is detected too. UPDATE/DELETE are refused by a trigger (see migration).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    zoneId: uuid('zone_id'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    unique('audit_events_chain_seq_uq').on(t.chain, t.seq),
    index('audit_events_zone_at_idx').on(t.zoneId, t.at),
    index('audit_events_entity_idx').on(t.entity, t.entityId),
  ],
);

export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
