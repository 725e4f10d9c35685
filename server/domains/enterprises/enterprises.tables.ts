import { sql } from 'drizzle-orm';
import { date, index, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { Contact, EnterpriseTag } from '../../../shared/enterprises';
import { staff } from '../org/org.tables';
import { subParks, zones } from '../tenancy/tenancy.tables';

/**
 * 企业库: one row per enterprise of a zone. name_pinyin / name_initials are computed with pinyin-pro at write
 * time so search needs no extension (pg_trgm is not in PGlite by default).
 *
 * Indexes, chosen for the list (zone-scoped, filtered, sorted by name, paged):
 * - (zone_id, credit_code) unique — also serves the credit-code prefix search;
 * - (zone_id, name, id) — the default sort and keyset-friendly paging;
 * - (zone_id, sub_park_id, scale, name) — sub-park (+ 规上) filter in name order, so a page stops early;
 * - (zone_id, scale, name) — 规上 lists;
 * - (zone_id, service_officer_id) — an officer's portfolio;
 * - (zone_id, name_initials text_pattern_ops) and (zone_id, name_pinyin text_pattern_ops) — prefix search by
 *   initials/pinyin ("yydq%"). Name search is a substring ILIKE, which scans the zone's rows (a few thousand at
 *   most per zone; with pg_trgm on PostgreSQL a GIN trigram index would make it indexable — not used, to keep
 *   one schema for PGlite and PostgreSQL).
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    subParkId: uuid('sub_park_id').references(() => subParks.id),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull().default(''),
    nameInitials: text('name_initials').notNull().default(''),
    industryCode: text('industry_code').notNull(),
    /** 门类 letter of industry_code, kept for the section filter. */
    industrySection: text('industry_section').notNull(),
    scale: text('scale', { enum: ['above', 'below'] })
      .notNull()
      .default('below'),
    tags: text('tags').array().$type<EnterpriseTag[]>().notNull().default(sql`'{}'::text[]`),
    landMu: numeric('land_mu', { precision: 12, scale: 2, mode: 'number' }),
    buildingM2: numeric('building_m2', { precision: 14, scale: 2, mode: 'number' }),
    legalRep: text('legal_rep').notNull().default(''),
    contacts: jsonb('contacts').$type<Contact[]>().notNull().default([]),
    serviceOfficerId: uuid('service_officer_id').references(() => staff.id),
    establishedOn: date('established_on'),
    status: text('status', { enum: ['operating', 'suspended', 'moved_out', 'deregistered'] })
      .notNull()
      .default('operating'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('enterprises_zone_credit_code_uq').on(t.zoneId, t.creditCode),
    index('enterprises_zone_name_idx').on(t.zoneId, t.name, t.id),
    index('enterprises_zone_sub_park_idx').on(t.zoneId, t.subParkId, t.scale, t.name),
    index('enterprises_zone_scale_idx').on(t.zoneId, t.scale, t.name),
    index('enterprises_zone_officer_idx').on(t.zoneId, t.serviceOfficerId),
    index('enterprises_zone_initials_idx').on(t.zoneId, t.nameInitials.op('text_pattern_ops')),
    index('enterprises_zone_pinyin_idx').on(t.zoneId, t.namePinyin.op('text_pattern_ops')),
  ],
);
