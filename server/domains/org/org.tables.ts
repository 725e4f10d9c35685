import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { zones } from '../tenancy/tenancy.tables';

/** 内设机构 / 事业单位 / 平台公司 of a zone. class A 投资服务类, B 综合协调类. */
export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    kind: text('kind', { enum: ['internal', 'institution', 'company'] })
      .notNull()
      .default('internal'),
    class: text('class', { enum: ['A', 'B'] }).notNull(),
    coefficient: numeric('coefficient', { precision: 6, scale: 2, mode: 'number' }).notNull().default(1),
    establishment: integer('establishment').notNull().default(0),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('departments_zone_code_uq').on(t.zoneId, t.code),
    unique('departments_zone_name_uq').on(t.zoneId, t.name),
    check('departments_coefficient_ck', sql`${t.coefficient} > 0`),
  ],
);

/** 岗位 with its post coefficient (used by pay). */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    name: text('name').notNull(),
    grade: text('grade').notNull().default(''),
    coefficient: numeric('coefficient', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    headcount: integer('headcount').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('posts_department_name_uq').on(t.departmentId, t.name),
    index('posts_zone_idx').on(t.zoneId),
    check('posts_coefficient_ck', sql`${t.coefficient} > 0`),
  ],
);

/** 人员: establishment type and archive rank (档案职级) kept apart from the appointed post (双轨). */
export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    postId: uuid('post_id').references(() => posts.id),
    employeeNo: text('employee_no').notNull(),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['M', 'F'] }).notNull(),
    establishmentType: text('establishment_type', {
      enum: ['administrative', 'institution', 'contract', 'soe'],
    }).notNull(),
    archiveRank: text('archive_rank').notNull(),
    phone: text('phone').notNull().default(''),
    hiredOn: date('hired_on'),
    status: text('status', { enum: ['active', 'left'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('staff_zone_employee_no_uq').on(t.zoneId, t.employeeNo),
    index('staff_zone_department_idx').on(t.zoneId, t.departmentId),
  ],
);
