import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/enterprises.tables';
import { zones } from '../tenancy/tenancy.tables';
import { investmentProjects, investmentTeams } from './investment.tables';

/** 产业链 (招商图谱): a chain the zone builds, e.g. 电子信息. Links hang under it by segment (上/中/下游). */
export const investmentChains = pgTable(
  'investment_chains',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('investment_chains_zone_name_uq').on(t.zoneId, t.name)],
);

/**
 * A link (环节) of a chain, in one segment, optionally under a parent link of the same chain and segment.
 * `gap_action` is what the zone means to do there (补链 fill a missing link, 延链 extend, 强链 strengthen).
 */
export const investmentChainLinks = pgTable(
  'investment_chain_links',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    chainId: uuid('chain_id')
      .notNull()
      .references(() => investmentChains.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => investmentChainLinks.id, { onDelete: 'cascade' }),
    segment: text('segment', { enum: ['upstream', 'midstream', 'downstream'] }).notNull(),
    name: text('name').notNull(),
    gapAction: text('gap_action', { enum: ['none', 'fill', 'extend', 'strengthen'] })
      .notNull()
      .default('none'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    unique('investment_chain_links_chain_name_uq').on(t.zoneId, t.chainId, t.name),
    index('investment_chain_links_zone_chain_idx').on(t.zoneId, t.chainId),
  ],
);

/** Local enterprises placed on a link (what the zone already has there). */
export const investmentLinkEnterprises = pgTable(
  'investment_link_enterprises',
  {
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    linkId: uuid('link_id')
      .notNull()
      .references(() => investmentChainLinks.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    /** 链主 (chain leader) among the link's enterprises. */
    chainLeader: boolean('chain_leader').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.linkId, t.enterpriseId] }),
    index('investment_link_enterprises_zone_idx').on(t.zoneId, t.enterpriseId),
  ],
);

/** 招商目标库: companies the zone wants to attract, placed on a chain link; converted into a pipeline lead. */
export const investmentTargetCompanies = pgTable(
  'investment_target_companies',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    name: text('name').notNull(),
    chainId: uuid('chain_id').references(() => investmentChains.id, { onDelete: 'set null' }),
    linkId: uuid('link_id').references(() => investmentChainLinks.id, { onDelete: 'set null' }),
    region: text('region').notNull().default(''),
    industry: text('industry').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    priority: text('priority', { enum: ['A', 'B', 'C'] })
      .notNull()
      .default('B'),
    status: text('status', { enum: ['new', 'contacting', 'negotiating', 'converted', 'dropped'] })
      .notNull()
      .default('new'),
    fortune500: boolean('fortune500').notNull().default(false),
    listed: boolean('listed').notNull().default(false),
    notes: text('notes').notNull().default(''),
    projectId: uuid('project_id').references(() => investmentProjects.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('investment_target_companies_zone_name_uq').on(t.zoneId, t.name),
    index('investment_target_companies_zone_link_idx').on(t.zoneId, t.chainId, t.linkId),
  ],
);

/** 招商活动: outbound trips, inbound visits, events, calls, negotiations — with participants and the outcome. */
export const investmentActivities = pgTable(
  'investment_activities',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    kind: text('kind', { enum: ['outbound', 'inbound', 'event', 'call', 'negotiation'] }).notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull().default(''),
    teamId: uuid('team_id').references(() => investmentTeams.id, { onDelete: 'set null' }),
    projectId: uuid('project_id').references(() => investmentProjects.id, { onDelete: 'cascade' }),
    targetCompanyId: uuid('target_company_id').references(() => investmentTargetCompanies.id, {
      onDelete: 'set null',
    }),
    participants: jsonb('participants').$type<string[]>().notNull().default([]),
    counterparts: text('counterparts').notNull().default(''),
    outcome: text('outcome').notNull().default(''),
    recordedByName: text('recorded_by_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('investment_activities_zone_day_idx').on(t.zoneId, t.heldOn),
    index('investment_activities_zone_project_idx').on(t.zoneId, t.projectId),
  ],
);

/** 服务绿卡: issued to a signed project's investor, with its 专员 and privileges; one active card per project. */
export const investmentGreenCards = pgTable(
  'investment_green_cards',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => investmentProjects.id, { onDelete: 'cascade' }),
    cardNo: text('card_no').notNull(),
    holderName: text('holder_name').notNull(),
    holderPhone: text('holder_phone').notNull().default(''),
    specialistName: text('specialist_name').notNull(),
    specialistPhone: text('specialist_phone').notNull().default(''),
    privileges: jsonb('privileges').$type<string[]>().notNull().default([]),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until').notNull(),
    status: text('status', { enum: ['active', 'revoked'] })
      .notNull()
      .default('active'),
    revokedReason: text('revoked_reason').notNull().default(''),
    issuedByName: text('issued_by_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('investment_green_cards_zone_no_uq').on(t.zoneId, t.cardNo),
    uniqueIndex('investment_green_cards_one_active_uq').on(t.zoneId, t.projectId).where(sql`status = 'active'`),
  ],
);
