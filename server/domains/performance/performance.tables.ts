import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { GradeRules, PayParams } from '../../../shared/performance';
import { users } from '../auth/auth.tables';
import { departments, posts, staff } from '../org/org.tables';
import { zones } from '../tenancy/tenancy.tables';

const zoneId = () =>
  uuid('zone_id')
    .notNull()
    .references(() => zones.id);
const num = (name: string, precision = 12, scale = 2) => numeric(name, { precision, scale, mode: 'number' });

/** 考核周期: monthly / quarterly / annual. Scores are frozen when it closes. */
export const perfCycles = pgTable(
  'perf_cycles',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: zoneId(),
    name: text('name').notNull(),
    period: text('period', { enum: ['monthly', 'quarterly', 'annual'] }).notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    departmentSharePct: num('department_share_pct', 5, 2).notNull(),
    gradeRules: jsonb('grade_rules').$type<GradeRules>().notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    computedAt: timestamp('computed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('perf_cycles_zone_name_uq').on(t.zoneId, t.name),
    check('perf_cycles_period_ck', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** Department KPI templates (by class A/B) and individual KPIs of a cycle. */
export const perfIndicators = pgTable(
  'perf_indicators',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: zoneId(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => perfCycles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    level: text('level', { enum: ['department', 'individual'] }).notNull(),
    class: text('class', { enum: ['A', 'B'] }),
    name: text('name').notNull(),
    method: text('method', { enum: ['capped', 'efficacy', 'bonus', 'deduction'] }).notNull(),
    weight: num('weight', 5, 2).notNull(),
    target: num('target', 16, 2),
    cap: num('cap', 6, 2).notNull(),
    sourceKey: text('source_key'),
    zoneTarget: text('zone_target').notNull().default(''),
  },
  (t) => [index('perf_indicators_zone_cycle_idx').on(t.zoneId, t.cycleId, t.position)],
);

/** The actual value of an indicator for one department or one person, manual (with evidence) or automatic. */
export const perfValues = pgTable(
  'perf_values',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: zoneId(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => perfCycles.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => perfIndicators.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id').references(() => departments.id),
    staffId: uuid('staff_id').references(() => staff.id),
    actual: num('actual', 16, 2).notNull(),
    origin: text('origin', { enum: ['manual', 'auto'] }).notNull(),
    note: text('note').notNull().default(''),
    evidenceFileIds: uuid('evidence_file_ids').array().notNull().default(sql`'{}'`),
    records: jsonb('records').$type<{ entity: string; id: string; label: string }[]>().notNull().default([]),
    query: text('query').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('perf_values_subject_uq').on(t.indicatorId, t.departmentId, t.staffId).nullsNotDistinct(),
    index('perf_values_zone_cycle_idx').on(t.zoneId, t.cycleId),
    check('perf_values_one_subject_ck', sql`(${t.departmentId} is null) <> (${t.staffId} is null)`),
  ],
);

/** Computed scores (department and person), rank within class, grade; frozen once the cycle is closed. */
export const perfScores = pgTable(
  'perf_scores',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: zoneId(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => perfCycles.id, { onDelete: 'cascade' }),
    subject: text('subject', { enum: ['department', 'staff'] }).notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    staffId: uuid('staff_id').references(() => staff.id),
    ownScore: num('own_score', 8, 2).notNull(),
    score: num('score', 8, 2).notNull(),
    rank: integer('rank').notNull(),
    grade: text('grade', { enum: ['excellent', 'good', 'basic', 'fail'] }),
    gradeReason: text('grade_reason'),
    lines: jsonb('lines')
      .$type<
        {
          indicatorId: string;
          name: string;
          method: 'capped' | 'efficacy' | 'bonus' | 'deduction';
          weight: number;
          actual: number | null;
          target: number | null;
          points: number;
        }[]
      >()
      .notNull(),
  },
  (t) => [
    unique('perf_scores_subject_uq').on(t.cycleId, t.departmentId, t.staffId).nullsNotDistinct(),
    index('perf_scores_zone_cycle_idx').on(t.zoneId, t.cycleId, t.subject, t.rank),
  ],
);

/** 校准: every grade change after grading, with its reason. */
export const perfCalibrations = pgTable(
  'perf_calibrations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: zoneId(),
    scoreId: uuid('score_id')
      .notNull()
      .references(() => perfScores.id, { onDelete: 'cascade' }),
    fromGrade: text('from_grade').notNull(),
    toGrade: text('to_grade').notNull(),
    reason: text('reason').notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('perf_calibrations_zone_score_idx').on(t.zoneId, t.scoreId)],
);

/** 申诉: a person contests a grade; the leader upholds (with a new grade) or rejects it, in writing. */
export const perfAppeals = pgTable(
  'perf_appeals',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: zoneId(),
    scoreId: uuid('score_id')
      .notNull()
      .references(() => perfScores.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'upheld', 'rejected'] })
      .notNull()
      .default('pending'),
    reply: text('reply').notNull().default(''),
    filedBy: text('filed_by').notNull(),
    decidedBy: text('decided_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('perf_appeals_zone_status_idx').on(t.zoneId, t.status)],
);

/** A pay run: a quarterly advance or the year-end settlement of the performance pay pool. */
export const payRuns = pgTable(
  'pay_runs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: zoneId(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: ['advance', 'settlement'] }).notNull(),
    quarter: integer('quarter'),
    poolFen: bigint('pool_fen', { mode: 'bigint' }).notNull(),
    distributedFen: bigint('distributed_fen', { mode: 'bigint' }).notNull(),
    cycleId: uuid('cycle_id').references(() => perfCycles.id),
    params: jsonb('params').$type<PayParams>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('pay_runs_period_uq').on(t.zoneId, t.year, t.kind, t.quarter).nullsNotDistinct(),
    check('pay_runs_quarter_ck', sql`(${t.kind} = 'advance') = (${t.quarter} is not null)`),
  ],
);

/** One person's line of a pay run, with every figure of its derivation. */
export const payLines = pgTable(
  'pay_lines',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: zoneId(),
    runId: uuid('run_id')
      .notNull()
      .references(() => payRuns.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    postName: text('post_name').notNull(),
    departmentCoefficient: num('department_coefficient', 6, 2).notNull(),
    departmentWeight: num('department_weight', 14, 4).notNull(),
    departmentShareFen: bigint('department_share_fen', { mode: 'bigint' }).notNull(),
    postCoefficient: num('post_coefficient', 6, 2).notNull(),
    grade: text('grade', { enum: ['excellent', 'good', 'basic', 'fail'] }),
    gradeCoefficient: num('grade_coefficient', 6, 2).notNull(),
    weight: num('weight', 10, 4).notNull(),
    departmentWeightSum: num('department_weight_sum', 14, 4).notNull(),
    shareFen: bigint('share_fen', { mode: 'bigint' }).notNull(),
    extraFen: boolean('extra_fen').notNull(),
    advancesFen: bigint('advances_fen', { mode: 'bigint' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    flags: text('flags').array().notNull().default(sql`'{}'`),
  },
  (t) => [
    unique('pay_lines_run_staff_uq').on(t.runId, t.staffId),
    index('pay_lines_zone_run_idx').on(t.zoneId, t.runId, t.departmentId),
  ],
);

/**
 * 聘任: one term of a person in a post (3 years by default). Consecutive terms in the same post are counted; a term
 * beyond the limit needs a recorded committee decision (党委/党工委 决定).
 */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: zoneId(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id),
    method: text('method', { enum: ['competitive', 'mutual', 'open'] }).notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    termNo: integer('term_no').notNull(),
    committeeDecision: text('committee_decision').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_zone_staff_idx').on(t.zoneId, t.staffId, t.startsOn),
    index('appointments_zone_ends_idx').on(t.zoneId, t.endsOn),
    check('appointments_dates_ck', sql`${t.endsOn} > ${t.startsOn}`),
  ],
);

/**
 * 竞聘上岗 round: posts on offer with seats, applicants scored (written + interview, weights summing to 100), ranked
 * per post, results publicised for a number of days, then appointed (term and consecutive-term rules apply).
 */
export const appointmentRounds = pgTable(
  'appointment_rounds',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: zoneId(),
    name: text('name').notNull(),
    method: text('method', { enum: ['competitive', 'mutual', 'open'] }).notNull(),
    writtenWeight: num('written_weight', 5, 2).notNull(),
    interviewWeight: num('interview_weight', 5, 2).notNull(),
    passScore: num('pass_score', 5, 2).notNull(),
    publicityDays: integer('publicity_days').notNull(),
    termStartsOn: date('term_starts_on').notNull(),
    status: text('status', { enum: ['open', 'publicized', 'finalized'] })
      .notNull()
      .default('open'),
    publicityStartsOn: date('publicity_starts_on'),
    publicityEndsOn: date('publicity_ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('appointment_rounds_zone_name_uq').on(t.zoneId, t.name)],
);

export const appointmentRoundPosts = pgTable(
  'appointment_round_posts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: zoneId(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => appointmentRounds.id, { onDelete: 'cascade' }),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id),
    seats: integer('seats').notNull(),
  },
  (t) => [unique('appointment_round_posts_uq').on(t.roundId, t.postId)],
);

export const appointmentApplicants = pgTable(
  'appointment_applicants',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: zoneId(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => appointmentRounds.id, { onDelete: 'cascade' }),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    writtenScore: num('written_score', 5, 2),
    interviewScore: num('interview_score', 5, 2),
    total: num('total', 6, 2),
    rank: integer('rank'),
    result: text('result', { enum: ['selected', 'not_selected'] }),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
  },
  (t) => [
    unique('appointment_applicants_round_staff_uq').on(t.roundId, t.staffId),
    index('appointment_applicants_zone_round_idx').on(t.zoneId, t.roundId, t.postId),
  ],
);
