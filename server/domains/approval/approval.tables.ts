import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ApprovalRules, CaseStatus, Material, NoticeContent, Suspension } from '../../../shared/approval';
import { users } from '../auth/auth.tables';
import { enterprises } from '../enterprises/enterprises.tables';
import { departments } from '../org/org.tables';
import { zones } from '../tenancy/tenancy.tables';

/**
 * 事项: the service catalogue (DOMAIN.md §2), derived from the authority list through authority_item_code (the
 * stable code of a 权责清单 item; the reference is wired when the reform domain lands).
 */
export const approvalItems = pgTable(
  'approval_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: ['license', 'filing', 'technical_review', 'intermediary', 'utility'] }).notNull(),
    stage: integer('stage'),
    leadDepartmentId: uuid('lead_department_id')
      .notNull()
      .references(() => departments.id),
    statutoryDays: integer('statutory_days').notNull(),
    committedDays: integer('committed_days').notNull(),
    limitUnit: text('limit_unit', { enum: ['workday', 'calendar'] })
      .notNull()
      .default('workday'),
    modes: text('modes').array().$type<('commitment' | 'rongque')[]>().notNull().default(sql`'{}'::text[]`),
    materials: jsonb('materials').$type<Material[]>().notNull().default([]),
    prerequisiteCodes: text('prerequisite_codes').array().notNull().default(sql`'{}'::text[]`),
    fees: jsonb('fees').$type<{ name: string; amountFen: number }[]>().notNull().default([]),
    online: boolean('online').notNull().default(true),
    authorityItemCode: text('authority_item_code'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('approval_items_zone_code_uq').on(t.zoneId, t.code),
    index('approval_items_zone_name_idx').on(t.zoneId, t.name, t.id),
    index('approval_items_zone_dept_idx').on(t.zoneId, t.leadDepartmentId),
    check('approval_items_committed_le_statutory', sql`${t.committedDays} <= ${t.statutoryDays}`),
    check('approval_items_stage', sql`${t.stage} is null or ${t.stage} between 1 and 4`),
  ],
);

/**
 * 办件: one application for one item, or for several items at once (一件事 bundle: one form, one deduplicated set of
 * materials). Deadlines are stored (recomputed on every step and when the calendar changes) so lists and metrics
 * read them without walking the calendar; the page shows the live clock computed from the same inputs.
 */
export const approvalCases = pgTable(
  'approval_cases',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    /** Public case number (globally unique: the status lookup works without a zone). */
    caseNo: text('case_no').notNull(),
    itemIds: uuid('item_ids').array().notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    leadDepartmentId: uuid('lead_department_id')
      .notNull()
      .references(() => departments.id),
    projectCode: text('project_code'),
    projectName: text('project_name'),
    stage: integer('stage'),
    mode: text('mode', { enum: ['normal', 'commitment'] })
      .notNull()
      .default('normal'),
    online: boolean('online').notNull().default(true),
    joint: boolean('joint').notNull().default(false),
    rongqueAllowed: boolean('rongque_allowed').notNull().default(false),
    status: text('status').$type<CaseStatus>().notNull().default('DRAFT'),
    outcome: text('outcome', { enum: ['approved', 'denied'] }),
    limitUnit: text('limit_unit', { enum: ['workday', 'calendar'] })
      .notNull()
      .default('workday'),
    committedDays: integer('committed_days').notNull(),
    statutoryDays: integer('statutory_days').notNull(),
    /** Materials the items would ask for one by one; minus materials.length = saved by the bundle. */
    materialsBeforeBundle: integer('materials_before_bundle').notNull().default(0),
    extensionDays: integer('extension_days').notNull().default(0),
    extensionApprover: text('extension_approver'),
    materials: jsonb('materials').$type<Material[]>().notNull().default([]),
    suppliedMaterials: text('supplied_materials').array().notNull().default(sql`'{}'::text[]`),
    /** Attachment ids (files domain) per material code. */
    attachments: jsonb('attachments').$type<Record<string, string[]>>().notNull().default({}),
    correctionList: text('correction_list').array().notNull().default(sql`'{}'::text[]`),
    rongqueMaterials: text('rongque_materials').array().notNull().default(sql`'{}'::text[]`),
    rongqueDue: date('rongque_due'),
    verificationDue: date('verification_due'),
    suspensions: jsonb('suspensions').$type<Suspension[]>().notNull().default([]),
    form: jsonb('form').$type<Record<string, string>>().notNull().default({}),
    agentUserId: uuid('agent_user_id').references(() => users.id),
    submittedOn: date('submitted_on'),
    acceptedOn: date('accepted_on'),
    decidedOn: date('decided_on'),
    closedOn: date('closed_on'),
    lastOn: date('last_on'),
    committedDue: date('committed_due'),
    statutoryDue: date('statutory_due'),
    deadlineProvisional: boolean('deadline_provisional').notNull().default(false),
    /** Working days on the clock at decision (handling time); null while open. */
    handlingDays: integer('handling_days'),
    committedPassed: boolean('committed_passed').notNull().default(false),
    overdue: boolean('overdue').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('approval_cases_case_no_uq').on(t.caseNo),
    index('approval_cases_zone_created_idx').on(t.zoneId, t.createdAt, t.id),
    index('approval_cases_zone_status_idx').on(t.zoneId, t.status),
    index('approval_cases_zone_dept_idx').on(t.zoneId, t.leadDepartmentId, t.decidedOn),
    index('approval_cases_zone_enterprise_idx').on(t.zoneId, t.enterpriseId),
    index('approval_cases_zone_project_idx').on(t.zoneId, t.projectCode),
    index('approval_cases_zone_decided_idx').on(t.zoneId, t.decidedOn),
  ],
);

/** Every step of a case, in order: what the enterprise and the public status page show. */
export const approvalCaseEvents = pgTable(
  'approval_case_events',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => approvalCases.id),
    on: date('on').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorName: text('actor_name'),
    reason: text('reason'),
    materials: text('materials').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [index('approval_case_events_zone_case_idx').on(t.zoneId, t.caseId, t.at)],
);

/**
 * 文书 issued at a step and kept as issued (DOMAIN.md §2 Documents): 暂停（中止计时）告知书, 恢复计时告知书, 延期告知书,
 * 不予受理通知书.
 * The content is a snapshot taken in the step's transaction, so a later calendar or rule change never rewrites a
 * notice the enterprise already received.
 */
export const approvalNotices = pgTable(
  'approval_notices',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => approvalCases.id),
    kind: text('kind', { enum: ['suspension', 'resumption', 'extension', 'not_accepted'] }).notNull(),
    /** Document number: case number + kind prefix + sequence (e.g. SP20260105AB12CD34-ZT1). */
    noticeNo: text('notice_no').notNull(),
    issuedOn: date('issued_on').notNull(),
    issuedBy: text('issued_by'),
    content: jsonb('content').$type<NoticeContent>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('approval_notices_no_uq').on(t.noticeNo),
    index('approval_notices_zone_case_idx').on(t.zoneId, t.caseId, t.createdAt),
  ],
);

/** Rule parameters per zone and year (DOMAIN.md: thresholds are defaults of configurable rules). */
export const approvalRules = pgTable(
  'approval_rules',
  {
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    year: integer('year').notNull(),
    params: jsonb('params').$type<ApprovalRules>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('approval_rules_zone_year_uq').on(t.zoneId, t.year)],
);
