import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables';
import { enterprises } from '../enterprises/enterprises.tables';
import { zones } from '../tenancy/tenancy.tables';

/**
 * Attachment metadata. The bytes live in the file store (platform/storage.ts: a directory, shared by app servers
 * in a scaled-out deployment), under `storage_key`; domain rows keep the ids of their attachments.
 * `enterprise_id` marks files an enterprise may read (its own uploads, or staff uploads on its behalf).
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('files_zone_enterprise_idx').on(t.zoneId, t.enterpriseId)],
);
