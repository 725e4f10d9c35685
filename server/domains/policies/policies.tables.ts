import { sql } from 'drizzle-orm';
import { bigint, date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PolicyRules } from '../../../shared/policies';
import { users } from '../auth/auth.tables';
import { enterprises } from '../enterprises/enterprises.tables';
import { zones } from '../tenancy/tenancy.tables';

/** 惠企政策 with structured eligibility rules. */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    issuer: text('issuer').notNull().default(''),
    mode: text('mode', { enum: ['apply', 'auto'] })
      .notNull()
      .default('apply'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    rules: jsonb('rules').$type<PolicyRules>().notNull(),
    status: text('status', { enum: ['draft', 'published', 'closed'] })
      .notNull()
      .default('draft'),
    publishedOn: date('published_on'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policies_zone_status_idx').on(t.zoneId, t.status, t.publishedOn)],
);

/** Enterprises found eligible when the policy was published (they are notified; 免申即享 grants from these). */
export const policyMatches = pgTable(
  'policy_matches',
  {
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    notifiedOn: date('notified_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.policyId, t.enterpriseId] }),
    index('policy_matches_zone_enterprise_idx').on(t.zoneId, t.enterpriseId),
  ],
);
