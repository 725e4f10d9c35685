import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  authorityHandlings,
  authorityModes,
  authoritySources,
  dispositionChannels,
  orgPhases,
  taskStatuses,
  whistleOrigins,
  whistleStatuses,
} from '../../../shared/reform';
import { dutyLists, receiverKinds } from '../../../shared/reform-lists';
import {
  commissionModes,
  cooperationAreas,
  cooperationKinds,
  financingKinds,
  matterCategories,
  matterStatuses,
} from '../../../shared/reform-platform';
import { zones } from '../tenancy/tenancy.tables';

/**
 * 权责清单 / 赋权清单 as a versioned register (DOMAIN.md §1). A zone has numbered versions; at most one is a
 * draft (partial unique index). Publishing freezes a version: its items are never changed again (the service
 * refuses, and a published version has no draft to edit). A new draft starts as a copy of the latest published
 * version.
 */
export const reformAuthorityVersions = pgTable(
  'reform_authority_versions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    versionNo: integer('version_no').notNull(),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('draft'),
    /** Date the list takes effect (Asia/Shanghai calendar date). */
    effectiveOn: date('effective_on'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: text('published_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reform_authority_versions_zone_no_uq').on(t.zoneId, t.versionNo),
    uniqueIndex('reform_authority_versions_one_draft_uq').on(t.zoneId).where(sql`status = 'draft'`),
  ],
);

/**
 * One power (事项) of one version. `code` is the item's stable identity across versions (the diff joins on it;
 * the approval domain derives its service catalogue from published items by code).
 */
export const reformAuthorityItems = pgTable(
  'reform_authority_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => reformAuthorityVersions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 行政许可 / 行政确认 / 行政处罚 / 其他行政权力 … (free text: localities name them differently). */
    category: text('category').notNull().default(''),
    source: text('source', { enum: authoritySources }).notNull(),
    mode: text('mode', { enum: authorityModes }).notNull(),
    grantingDept: text('granting_dept').notNull().default(''),
    legalBasis: text('legal_basis').notNull().default(''),
    handling: text('handling', { enum: authorityHandlings }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    unique('reform_authority_items_version_code_uq').on(t.versionId, t.code),
    index('reform_authority_items_zone_version_idx').on(t.zoneId, t.versionId, t.code),
    index('reform_authority_items_zone_code_idx').on(t.zoneId, t.code),
  ],
);

/** A district department (区直部门): an outside body the zone raises matters to, not one of the zone's departments. */
export const reformDistrictDepartments = pgTable(
  'reform_district_departments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    name: text('name').notNull(),
    contact: text('contact').notNull().default(''),
    /** Rule parameter: working days this department has to respond to a whistle (default for new matters). */
    responseDays: integer('response_days').notNull().default(5),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('reform_district_departments_zone_name_uq').on(t.zoneId, t.name)],
);

/** 园区吹哨、部门报到: a matter the zone raises to a district department, tracked like a case. */
export const reformWhistles = pgTable(
  'reform_whistles',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => reformDistrictDepartments.id),
    raisedOn: date('raised_on').notNull(),
    responseDays: integer('response_days').notNull(),
    dueOn: date('due_on').notNull(),
    dueProvisional: boolean('due_provisional').notNull().default(false),
    status: text('status', { enum: whistleStatuses }).notNull().default('open'),
    respondedOn: date('responded_on'),
    response: text('response').notNull().default(''),
    /** Working days from raisedOn to respondedOn (frozen at response). */
    responseWorkdays: integer('response_workdays'),
    closedOn: date('closed_on'),
    closureNote: text('closure_note').notNull().default(''),
    origin: text('origin', { enum: whistleOrigins }).notNull().default('zone'),
    /** Id of the originating record in another domain (e.g. an enterprise demand), when origin ≠ zone. */
    originRef: text('origin_ref'),
    raisedBy: text('raised_by').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reform_whistles_zone_code_uq').on(t.zoneId, t.code),
    index('reform_whistles_zone_status_due_idx').on(t.zoneId, t.status, t.dueOn),
    index('reform_whistles_zone_department_idx').on(t.zoneId, t.departmentId),
    index('reform_whistles_zone_raised_idx').on(t.zoneId, t.raisedOn),
  ],
);

/** Organisation before/after the reform (one row per phase): the raw counts the reduction rates come from. */
export const reformOrgSnapshots = pgTable(
  'reform_org_snapshots',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    phase: text('phase', { enum: orgPhases }).notNull(),
    asOf: date('as_of').notNull(),
    institutions: integer('institutions').notNull(),
    publicInstitutions: integer('public_institutions').notNull(),
    leadershipPosts: integer('leadership_posts').notNull(),
    sectionCadres: integer('section_cadres').notNull(),
    establishment: integer('establishment').notNull(),
    onStaff: integer('on_staff').notNull(),
    contractStaff: integer('contract_staff').notNull(),
    soeStaff: integer('soe_staff').notNull(),
    /** 全区在职人员总数 as reported (may differ from the sum of the three groups; the API shows both). */
    total: integer('total').notNull(),
    /** Yearly personnel cost in fen. */
    yearlyCostFen: bigint('yearly_cost_fen', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('reform_org_snapshots_zone_phase_uq').on(t.zoneId, t.phase)],
);

/**
 * 编外聘用人员分流 by the 七个一批 channels: one row per person (unique person number in the zone) with exactly one
 * channel (NOT NULL), so every person is accounted for exactly once by construction; the roster's total is
 * checked against the before/after counts (reform.org.service).
 */
export const reformContractStaff = pgTable(
  'reform_contract_staff',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    personNo: text('person_no').notNull(),
    name: text('name').notNull(),
    formerUnit: text('former_unit').notNull().default(''),
    channel: text('channel', { enum: dispositionChannels }).notNull(),
    decidedOn: date('decided_on'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    unique('reform_contract_staff_zone_person_uq').on(t.zoneId, t.personNo),
    index('reform_contract_staff_zone_channel_idx').on(t.zoneId, t.channel),
  ],
);

/** 清单化推进: the reform task checklist (e.g. 36 tasks in 8 working groups). */
export const reformTasks = pgTable(
  'reform_tasks',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    workGroup: text('work_group').notNull(),
    owner: text('owner').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status', { enum: taskStatuses }).notNull().default('not_started'),
    completedOn: date('completed_on'),
    evidence: text('evidence').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reform_tasks_zone_code_uq').on(t.zoneId, t.code),
    index('reform_tasks_zone_group_idx').on(t.zoneId, t.workGroup, t.code),
    index('reform_tasks_zone_deadline_idx').on(t.zoneId, t.status, t.deadline),
  ],
);

/**
 * 两张清单 + 边界清单: one row per entry of the 职责清单 (duty), 剥离社会事务清单 (stripped, with the receiving body)
 * or 边界清单 (boundary, with the district department and each side's duty). Effective-dated: in force from
 * effective_on until the day before retired_on, so the list as of any date can be reproduced.
 */
export const reformDutyItems = pgTable(
  'reform_duty_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    list: text('list', { enum: dutyLists }).notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    area: text('area').notNull(),
    detail: text('detail').notNull().default(''),
    receiverKind: text('receiver_kind', { enum: receiverKinds }),
    receivingBody: text('receiving_body').notNull().default(''),
    districtDepartmentId: uuid('district_department_id').references(() => reformDistrictDepartments.id),
    zoneDuty: text('zone_duty').notNull().default(''),
    districtDuty: text('district_duty').notNull().default(''),
    platformDuty: text('platform_duty').notNull().default(''),
    effectiveOn: date('effective_on').notNull(),
    retiredOn: date('retired_on'),
    note: text('note').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reform_duty_items_zone_list_code_uq').on(t.zoneId, t.list, t.code),
    index('reform_duty_items_zone_list_area_idx').on(t.zoneId, t.list, t.area),
    index('reform_duty_items_zone_name_idx').on(t.zoneId, t.name),
    index('reform_duty_items_zone_dept_idx').on(t.zoneId, t.districtDepartmentId),
  ],
);

/** 管委会+公司: a major matter of the platform company that needs the committee's decision (with its record). */
export const reformPlatformMatters = pgTable(
  'reform_platform_matters',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    category: text('category', { enum: matterCategories }).notNull(),
    company: text('company').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    detail: text('detail').notNull().default(''),
    status: text('status', { enum: matterStatuses }).notNull().default('draft'),
    submittedOn: date('submitted_on'),
    submittedBy: text('submitted_by').notNull().default(''),
    decidedOn: date('decided_on'),
    meeting: text('meeting').notNull().default(''),
    decisionNote: text('decision_note').notNull().default(''),
    decidedBy: text('decided_by').notNull().default(''),
    executedOn: date('executed_on'),
    executionNote: text('execution_note').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reform_platform_matters_zone_code_uq').on(t.zoneId, t.code),
    index('reform_platform_matters_zone_status_idx').on(t.zoneId, t.status),
  ],
);

/** Cooperation list between the committee and the platform company: commissioned (代建/购买服务) vs market work. */
export const reformPlatformCooperation = pgTable(
  'reform_platform_cooperation',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    area: text('area', { enum: cooperationAreas }).notNull(),
    kind: text('kind', { enum: cooperationKinds }).notNull(),
    mode: text('mode', { enum: commissionModes }),
    contractFen: bigint('contract_fen', { mode: 'number' }).notNull().default(0),
    year: integer('year').notNull(),
    counterparty: text('counterparty').notNull().default(''),
    note: text('note').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reform_platform_cooperation_zone_code_uq').on(t.zoneId, t.code),
    index('reform_platform_cooperation_zone_kind_idx').on(t.zoneId, t.kind, t.year),
  ],
);

/** Financing records of the platform company; a refinancing (置换) points at the record it replaces. */
export const reformPlatformFinancing = pgTable(
  'reform_platform_financing',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    code: text('code').notNull(),
    lender: text('lender').notNull(),
    kind: text('kind', { enum: financingKinds }).notNull(),
    principalFen: bigint('principal_fen', { mode: 'number' }).notNull(),
    /** Yearly rate in basis points (3.65% = 365). */
    rateBp: integer('rate_bp').notNull(),
    startOn: date('start_on').notNull(),
    endOn: date('end_on').notNull(),
    replacesId: uuid('replaces_id'),
    note: text('note').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reform_platform_financing_zone_code_uq').on(t.zoneId, t.code),
    /** A record is refinanced at most once. */
    uniqueIndex('reform_platform_financing_replaces_uq').on(t.zoneId, t.replacesId).where(sql`replaces_id is not null`),
  ],
);
