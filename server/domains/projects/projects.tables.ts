import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import type { AgendaSnapshot, LightReason, Milestone } from '../../../shared/projects';
import { enterprises } from '../enterprises/enterprises.tables';
import { files } from '../files/files.tables';
import { investmentProjects } from '../investment/investment.tables';
import { departments } from '../org/org.tables';
import { subParks, zones } from '../tenancy/tenancy.tables';

const fen = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/**
 * 重点项目. The traffic light is stored with its reasons and the date it was evaluated for, because the rule
 * "a red project turns yellow once it catches up" needs the previous light (DOMAIN.md §5).
 */
export const keyProjects = pgTable(
  'key_projects',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: ['province_top10', 'city', 'district'] }).notNull(),
    pipelineProjectId: uuid('pipeline_project_id').references(() => investmentProjects.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    subParkId: uuid('sub_park_id').references(() => subParks.id),
    ownerName: text('owner_name').notNull().default(''),
    leaderName: text('leader_name').notNull().default(''),
    unitId: uuid('unit_id').references(() => departments.id),
    plannedStart: date('planned_start').notNull(),
    plannedCompletion: date('planned_completion').notNull(),
    actualStart: date('actual_start'),
    actualCompletion: date('actual_completion'),
    /** 入统: the day the project entered the statistics register (固定资产投资统计库). */
    statsRegisteredOn: date('stats_registered_on'),
    totalInvestmentFen: fen('total_investment_fen'),
    milestones: jsonb('milestones').$type<Milestone[]>().notNull().default([]),
    light: text('light', { enum: ['green', 'yellow', 'red'] })
      .notNull()
      .default('green'),
    lightReasons: jsonb('light_reasons').$type<LightReason[]>().notNull().default([]),
    lightAsOf: date('light_as_of'),
    /** When the light last changed colour. */
    lightSince: date('light_since'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('key_projects_zone_code_uq').on(t.zoneId, t.code),
    index('key_projects_zone_light_idx').on(t.zoneId, t.light, t.name),
    index('key_projects_zone_level_idx').on(t.zoneId, t.level, t.name),
    index('key_projects_zone_enterprise_idx').on(t.zoneId, t.enterpriseId),
  ],
);

/** Annual planned investment of a key project. */
export const keyProjectYears = pgTable(
  'key_project_years',
  {
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    keyProjectId: uuid('key_project_id')
      .notNull()
      .references(() => keyProjects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    plannedFen: fen('planned_fen'),
  },
  (t) => [unique('key_project_years_uq').on(t.zoneId, t.keyProjectId, t.year)],
);

/** Completed investment of a key project in one month (月度完成投资). */
export const keyProjectMonths = pgTable(
  'key_project_months',
  {
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    keyProjectId: uuid('key_project_id')
      .notNull()
      .references(() => keyProjects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    completedFen: fen('completed_fen'),
  },
  (t) => [unique('key_project_months_uq').on(t.zoneId, t.keyProjectId, t.year, t.month)],
);

/** 调度会: weekly for major projects, bi-weekly for 双十大. The agenda is a snapshot taken when it is called. */
export const dispatchMeetings = pgTable(
  'dispatch_meetings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['weekly', 'biweekly'] }).notNull(),
    heldOn: date('held_on').notNull(),
    chairName: text('chair_name').notNull().default(''),
    agenda: jsonb('agenda').$type<AgendaSnapshot>().notNull(),
    minutes: text('minutes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dispatch_meetings_zone_held_idx').on(t.zoneId, t.heldOn)],
);

/** An issue raised at a meeting, closed one by one (消项制) by its owner before a working-day deadline. */
export const dispatchIssues = pgTable(
  'dispatch_issues',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => dispatchMeetings.id),
    keyProjectId: uuid('key_project_id').references(() => keyProjects.id),
    description: text('description').notNull(),
    ownerDepartmentId: uuid('owner_department_id').references(() => departments.id),
    ownerName: text('owner_name').notNull().default(''),
    /** 承诺制 / 容缺制 commitment attached to the issue, if any. */
    commitment: text('commitment', { enum: ['none', 'promise', 'tolerance'] })
      .notNull()
      .default('none'),
    /** Counting starts the day after this (the meeting day). */
    raisedOn: date('raised_on').notNull(),
    workdays: integer('workdays').notNull(),
    dueOn: date('due_on').notNull(),
    dueProvisional: boolean('due_provisional').notNull().default(false),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    closedOn: date('closed_on'),
    closingNote: text('closing_note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dispatch_issues_zone_status_idx').on(t.zoneId, t.status, t.dueOn),
    index('dispatch_issues_zone_meeting_idx').on(t.zoneId, t.meetingId),
    index('dispatch_issues_zone_project_idx').on(t.zoneId, t.keyProjectId),
  ],
);

/** Progress photos of a key project (files of the zone, checked with assertFilesUsable), with the day taken. */
export const keyProjectPhotos = pgTable(
  'key_project_photos',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    keyProjectId: uuid('key_project_id')
      .notNull()
      .references(() => keyProjects.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    takenOn: date('taken_on').notNull(),
    caption: text('caption').notNull().default(''),
    uploadedByName: text('uploaded_by_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('key_project_photos_file_uq').on(t.zoneId, t.keyProjectId, t.fileId),
    index('key_project_photos_zone_project_idx').on(t.zoneId, t.keyProjectId, t.takenOn),
  ],
);
