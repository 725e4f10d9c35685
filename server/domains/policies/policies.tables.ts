import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
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

/**
 * 统一申报/统一受理: an enterprise's application for a policy, one per policy and enterprise. A 免申即享 policy
 * creates approved ones (auto_granted) at publication. The reviewer may return it for correction (补正) any number
 * of times before approving (with the award) or rejecting.
 */
export const policyApplications = pgTable(
  'policy_applications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    status: text('status', { enum: ['submitted', 'returned', 'approved', 'rejected'] }).notNull(),
    statement: text('statement').notNull().default(''),
    fileIds: uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    autoGranted: boolean('auto_granted').notNull().default(false),
    submittedOn: date('submitted_on').notNull(),
    returnCount: integer('return_count').notNull().default(0),
    reviewNote: text('review_note'),
    decidedOn: date('decided_on'),
    awardFen: bigint('award_fen', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('policy_applications_policy_enterprise_uq').on(t.policyId, t.enterpriseId),
    index('policy_applications_zone_status_idx').on(t.zoneId, t.status),
  ],
);

/** 兑现: money paid on an approved application (possibly in instalments; never more than the award). */
export const policyPayouts = pgTable(
  'policy_payouts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => policyApplications.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on').notNull(),
    voucher: text('voucher').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('policy_payouts_application_idx').on(t.applicationId),
    check('policy_payouts_amount_ck', sql`${t.amountFen} > 0`),
  ],
);
