import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** 省: the top of the tenancy tree. One deployment may host one zone or a whole province. */
export const provinces = pgTable('provinces', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 开发区/高新区: the tenant. Every business row carries zone_id. */
export const zones = pgTable(
  'zones',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    provinceId: uuid('province_id')
      .notNull()
      .references(() => provinces.id),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    level: text('level', { enum: ['national', 'provincial'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('zones_province_idx').on(t.provinceId)],
);

/** 园区/组团 inside a zone. */
export const subParks = pgTable(
  'sub_parks',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    focus: text('focus'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('sub_parks_zone_code_uq').on(t.zoneId, t.code), unique('sub_parks_zone_name_uq').on(t.zoneId, t.name)],
);
