import { z } from 'zod';
import { localeSchema, newPasswordSchema } from './auth';
import { pageQuerySchema } from './common';
import { roleSchema } from './roles';

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  locale: localeSchema,
  zoneId: z.uuid().nullable(),
  zoneName: z.string().nullable(),
  provinceId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  enterpriseId: z.uuid().nullable(),
  /** The staff member the account belongs to (zone-bound accounts only). */
  staffId: z.uuid().nullable(),
  staffName: z.string().nullable(),
  staffEmployeeNo: z.string().nullable(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

const scopeFields = {
  displayName: z.string().trim().min(2).max(40),
  role: roleSchema,
  locale: localeSchema.default('zh-CN'),
  zoneId: z.uuid().nullable().default(null),
  provinceId: z.uuid().nullable().default(null),
  departmentId: z.uuid().nullable().default(null),
  enterpriseId: z.uuid().nullable().default(null),
  /** Omitted on update: the link stays as it is. */
  staffId: z.uuid().nullable().optional(),
};

export const userCreateSchema = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-z0-9._-]+$/),
  password: newPasswordSchema,
  ...scopeFields,
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  ...scopeFields,
  disabled: z.boolean().default(false),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const resetPasswordSchema = z.object({ password: newPasswordSchema });

export const userListQuerySchema = pageQuerySchema.extend({
  role: roleSchema.optional(),
  zoneId: z.uuid().optional(),
});
