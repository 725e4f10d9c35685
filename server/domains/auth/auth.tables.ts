import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { Locale } from '../../../shared/auth';
import type { Role } from '../../../shared/roles';
import { departments, staff } from '../org/org.tables';
import { provinces, zones } from '../tenancy/tenancy.tables';

/** Local accounts. Platform-level: admin and province viewers have no zone; everyone else is bound to one. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<Role>().notNull(),
    locale: text('locale').$type<Locale>().notNull().default('zh-CN'),
    zoneId: uuid('zone_id').references(() => zones.id),
    provinceId: uuid('province_id').references(() => provinces.id),
    departmentId: uuid('department_id').references(() => departments.id),
    enterpriseId: uuid('enterprise_id'),
    /** The staff member (人员) this account belongs to, if any: their own KPIs, scores and pay ("我的考核"). */
    staffId: uuid('staff_id').references(() => staff.id),
    disabled: boolean('disabled').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_zone_idx').on(t.zoneId), unique('users_staff_uq').on(t.staffId)],
);

/** DB-backed sessions so app servers stay stateless. id is sha256 of the cookie token; the token itself is never stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed and successful logins, used for rate limiting across app servers. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_username_at_idx').on(t.username, t.at),
    index('login_attempts_ip_at_idx').on(t.ip, t.at),
  ],
);
