import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { StageSets } from '../../../shared/investment';
import type { LightParams } from '../../../shared/projects';
import { enterprises } from '../enterprises/enterprises.tables';
import { departments } from '../org/org.tables';
import { subParks, zones } from '../tenancy/tenancy.tables';

/** Money is fen (分) in bigint; USD in cents with the exchange rate recorded beside it (numeric, never float). */
const fen = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/**
 * Per-zone rule parameters of the investment and project domains: the stage sets of each project type and the
 * traffic-light thresholds (DOMAIN.md §4, §5). A zone without a row uses the defaults in shared/.
 */
export const investmentSettings = pgTable('investment_settings', {
  zoneId: uuid('zone_id')
    .primaryKey()
    .references(() => zones.id),
  stageSets: jsonb('stage_sets').$type<StageSets>().notNull(),
  lightParams: jsonb('light_params').$type<LightParams>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 招商专班: a team with its leader. */
export const investmentTeams = pgTable(
  'investment_teams',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    name: text('name').notNull(),
    leaderName: text('leader_name').notNull().default(''),
    departmentId: uuid('department_id').references(() => departments.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('investment_teams_zone_name_uq').on(t.zoneId, t.name)],
);

/** Yearly targets of a team: signed count and amount, funds in place. */
export const investmentTargets = pgTable(
  'investment_targets',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => investmentTeams.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    signedCount: integer('signed_count').notNull().default(0),
    signedAmountFen: fen('signed_amount_fen'),
    fundsInPlaceFen: fen('funds_in_place_fen'),
  },
  (t) => [unique('investment_targets_zone_team_year_uq').on(t.zoneId, t.teamId, t.year)],
);

/** A project of the pipeline (线索 → … → 投产), one stage set per project type. */
export const investmentProjects = pgTable(
  'investment_projects',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    name: text('name').notNull(),
    type: text('type', { enum: ['industrial', 'service', 'headquarters'] }).notNull(),
    investor: text('investor').notNull().default(''),
    sourceRegion: text('source_region').notNull().default(''),
    teamId: uuid('team_id').references(() => investmentTeams.id),
    subParkId: uuid('sub_park_id').references(() => subParks.id),
    stage: text('stage').notNull(),
    stageEnteredAt: timestamp('stage_entered_at', { withTimezone: true }).notNull().defaultNow(),
    agreedInvestmentFen: fen('agreed_investment_fen'),
    fundsOutsideProvinceFen: fen('funds_outside_province_fen'),
    fundsAbroadUsdCents: fen('funds_abroad_usd_cents'),
    /** CNY per USD when the foreign funds were recorded (e.g. 7.1234). */
    usdRate: numeric('usd_rate', { precision: 10, scale: 4 }),
    fortune500: boolean('fortune500').notNull().default(false),
    listed: boolean('listed').notNull().default(false),
    xiangshangReturn: boolean('xiangshang_return').notNull().default(false),
    /** 一项一策 plan. */
    plan: text('plan').notNull().default(''),
    signedOn: date('signed_on'),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('investment_projects_zone_stage_idx').on(t.zoneId, t.type, t.stage),
    index('investment_projects_zone_team_idx').on(t.zoneId, t.teamId),
    index('investment_projects_zone_signed_idx').on(t.zoneId, t.signedOn),
  ],
);

/**
 * A request to move a project to its next stage: evidence first, then an approval (or rejection) by someone other
 * than the requester. At most one pending request per project (partial unique index).
 */
export const investmentStageMoves = pgTable(
  'investment_stage_moves',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => investmentProjects.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage').notNull(),
    toStage: text('to_stage').notNull(),
    evidence: jsonb('evidence').$type<{ summary: string; documentNo: string; date: string }>().notNull(),
    /** For the signing stage: the enterprise to create or link. */
    enterprise: jsonb('enterprise').$type<{ creditCode: string; name: string; industryCode: string } | null>(),
    /** For the signing stage: the key project it opens. */
    keyProject: jsonb('key_project').$type<{
      level: 'province_top10' | 'city' | 'district';
      plannedStart: string;
      plannedCompletion: string;
    } | null>(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    requestedBy: uuid('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    opinion: text('opinion').notNull().default(''),
    /** Whole days the project spent in from_stage, fixed at approval (funnel: time in stage). */
    daysInStage: integer('days_in_stage'),
  },
  (t) => [
    index('investment_stage_moves_zone_project_idx').on(t.zoneId, t.projectId),
    index('investment_stage_moves_zone_status_idx').on(t.zoneId, t.status),
    uniqueIndex('investment_stage_moves_one_pending_uq').on(t.zoneId, t.projectId).where(sql`status = 'pending'`),
  ],
);

/** Opinion log (意见) of a project. */
export const investmentOpinions = pgTable(
  'investment_opinions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => investmentProjects.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('investment_opinions_zone_project_idx').on(t.zoneId, t.projectId)],
);
