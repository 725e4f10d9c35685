import { z } from 'zod';
import { roleSchema } from './roles';
import { zoneSchema } from './tenancy';

export const locales = ['zh-CN', 'en-US'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

/** At least 10 characters with letters and digits. */
export const newPasswordSchema = z
  .string()
  .min(10)
  .max(200)
  .regex(/[A-Za-z]/, { message: 'PASSWORD_NEEDS_LETTER' })
  .regex(/\d/, { message: 'PASSWORD_NEEDS_DIGIT' });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});

export const profileUpdateSchema = z.object({
  displayName: z.string().trim().min(2).max(40),
  locale: localeSchema,
});

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  locale: localeSchema,
  zoneId: z.uuid().nullable(),
  provinceId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  enterpriseId: z.uuid().nullable(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({
  user: sessionUserSchema,
  permissions: z.array(z.string()),
  zones: z.array(zoneSchema),
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;
