import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { InspectionFlag } from '../../../shared/inspections';
import type { PolicyRules } from '../../../shared/policies';
import type { DemandTag, ServiceRules } from '../../../shared/services';
import { users } from '../auth/auth.tables';
import { enterprises } from '../enterprises/enterprises.tables';
import { departments, staff } from '../org/org.tables';
import { reformWhistles } from '../reform/reform.tables';
import { zones } from '../tenancy/tenancy.tables';

/** Per-zone, per-year parameters of the service rules (working-day limits, escalation, visit window). */
export const serviceRules = pgTable(
  'service_rules',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    year: integer('year').notNull(),
    rules: jsonb('rules').$type<ServiceRules>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('service_rules_zone_year_uq').on(t.zoneId, t.year)],
);

/** 分类派单: a demand tagged `tag` goes to `department_id` unless a dispatcher routes it by hand. */
export const demandRoutingRules = pgTable(
  'demand_routing_rules',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    tag: text('tag').$type<DemandTag>().notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
  },
  (t) => [unique('demand_routing_rules_zone_tag_uq').on(t.zoneId, t.tag)],
);

/** 走访: a visit by a department (often its chief service officer) to an enterprise. */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    officerId: uuid('officer_id').references(() => staff.id),
    visitedOn: date('visited_on').notNull(),
    people: text('people').notNull().default(''),
    topics: text('topics').notNull().default(''),
    /** Photos of the visit (files domain). */
    photoFileIds: uuid('photo_file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visits_zone_enterprise_idx').on(t.zoneId, t.enterpriseId, t.visitedOn),
    index('visits_zone_date_idx').on(t.zoneId, t.visitedOn),
  ],
);

/**
 * The enterprise's anonymous rating of a visit (one per visit): who at the enterprise rated is not stored, so the
 * visiting department sees the score, never the person.
 */
export const visitRatings = pgTable(
  'visit_ratings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    score: smallint('score').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('visit_ratings_visit_uq').on(t.visitId),
    index('visit_ratings_zone_idx').on(t.zoneId, t.visitId),
    check('visit_ratings_score_ck', sql`${t.score} between 1 and 5`),
  ],
);

/** 问题卡 / 诉求. Deadlines are ISO dates counted on the working-day calendar from cycle_start_on. */
export const demands = pgTable(
  'demands',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    serial: text('serial').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    title: text('title').notNull(),
    content: text('content').notNull(),
    source: text('source', { enum: ['visit', 'portal', 'hotline'] }).notNull(),
    tags: text('tags').array().$type<DemandTag[]>().notNull().default(sql`'{}'::text[]`),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    visitId: uuid('visit_id').references(() => visits.id),
    status: text('status', { enum: ['pending_route', 'assigned', 'signed', 'replied', 'resolved', 'closed'] })
      .notNull()
      .default('pending_route'),
    routeKind: text('route_kind', { enum: ['department', 'external'] }),
    departmentId: uuid('department_id').references(() => departments.id),
    /** 吹哨: the outside body's name, and the reform module's whistle matter raised for this routing. */
    externalBody: text('external_body'),
    whistleId: uuid('whistle_id').references(() => reformWhistles.id),
    receivedOn: date('received_on').notNull(),
    /** Start of the current handling cycle: received_on, or the reopening date. */
    cycleStartOn: date('cycle_start_on').notNull(),
    signDue: date('sign_due').notNull(),
    replyDue: date('reply_due').notNull(),
    resolveDue: date('resolve_due').notNull(),
    deadlineProvisional: boolean('deadline_provisional').notNull().default(false),
    complex: boolean('complex').notNull().default(false),
    complexReason: text('complex_reason'),
    signedOn: date('signed_on'),
    repliedOn: date('replied_on'),
    resolvedOn: date('resolved_on'),
    closedOn: date('closed_on'),
    reply: text('reply'),
    resolution: text('resolution'),
    /** Attachments (files domain) proving the resolution, and/or a description of the evidence. */
    evidenceFileIds: uuid('evidence_file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    evidenceNote: text('evidence_note'),
    /** 0 none, 1 department head (a limit missed), 2 zone leader (resolution late beyond the threshold). */
    escalationLevel: smallint('escalation_level').notNull().default(0),
    escalatedOn: date('escalated_on'),
    /** Every limit of every cycle met so far (false sticks once a limit is missed). */
    allOnTime: boolean('all_on_time').notNull().default(true),
    satisfaction: text('satisfaction', { enum: ['satisfied', 'basically', 'unsatisfied'] }),
    satisfactionComment: text('satisfaction_comment'),
    callbackChannel: text('callback_channel', { enum: ['portal', 'phone', 'visit'] }),
    reopenCount: integer('reopen_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('demands_zone_serial_uq').on(t.zoneId, t.serial),
    index('demands_zone_status_idx').on(t.zoneId, t.status, t.resolveDue),
    index('demands_zone_department_idx').on(t.zoneId, t.departmentId, t.status),
    index('demands_zone_enterprise_idx').on(t.zoneId, t.enterpriseId, t.receivedOn),
    index('demands_zone_received_idx').on(t.zoneId, t.receivedOn),
    check('demands_escalation_ck', sql`${t.escalationLevel} between 0 and 2`),
  ],
);

/** 一码护商: the enterprise's code, printed as a QR card; scanning it is how an inspection is registered. */
export const enterpriseCodes = pgTable(
  'enterprise_codes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    code: text('code').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('enterprise_codes_enterprise_uq').on(t.enterpriseId),
    unique('enterprise_codes_zone_code_uq').on(t.zoneId, t.code),
  ],
);

/** 涉企检查, registered against the enterprise code; flags are computed by the zone's rules when registered. */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** 联合检查: the other departments that came along (one entry, one visit for the enterprise). */
    jointDepartmentIds: uuid('joint_department_ids').array().notNull().default(sql`'{}'::uuid[]`),
    inspectedOn: date('inspected_on').notNull(),
    inspectors: text('inspectors').notNull(),
    kind: text('kind', { enum: ['routine', 'complaint', 'special'] }).notNull(),
    purpose: text('purpose').notNull(),
    result: text('result', { enum: ['no_issue', 'rectify', 'penalty'] }).notNull(),
    resultNote: text('result_note').notNull().default(''),
    flags: text('flags').array().$type<InspectionFlag[]>().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspections_zone_enterprise_idx').on(t.zoneId, t.enterpriseId, t.inspectedOn),
    index('inspections_zone_department_idx').on(t.zoneId, t.departmentId, t.inspectedOn),
  ],
);

/** 四库三台阶: entry criteria of each cultivation pool (structured conditions), per zone. */
export const cultivationCriteria = pgTable(
  'cultivation_criteria',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    tier: text('tier', { enum: ['upscale', 'provincial', 'national', 'group'] }).notNull(),
    rules: jsonb('rules').$type<PolicyRules>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('cultivation_criteria_zone_tier_uq').on(t.zoneId, t.tier)],
);

/** The pool an enterprise is in now (at most one). */
export const enterpriseTiers = pgTable(
  'enterprise_tiers',
  {
    enterpriseId: uuid('enterprise_id')
      .primaryKey()
      .references(() => enterprises.id),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    tier: text('tier', { enum: ['upscale', 'provincial', 'national', 'group'] }).notNull(),
    since: date('since').notNull(),
  },
  (t) => [index('enterprise_tiers_zone_tier_idx').on(t.zoneId, t.tier)],
);

/** Every movement between pools (the progress record of 三台阶). */
export const enterpriseTierMoves = pgTable(
  'enterprise_tier_moves',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    fromTier: text('from_tier', { enum: ['upscale', 'provincial', 'national', 'group'] }),
    toTier: text('to_tier', { enum: ['upscale', 'provincial', 'national', 'group'] }),
    movedOn: date('moved_on').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enterprise_tier_moves_zone_idx').on(t.zoneId, t.movedOn)],
);
