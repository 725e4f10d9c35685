import { z } from 'zod';

export const provinceSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string(), nameEn: z.string() });
export type Province = z.infer<typeof provinceSchema>;

export const zoneLevels = ['national', 'provincial'] as const;
export const zoneSchema = z.object({
  id: z.uuid(),
  provinceId: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  level: z.enum(zoneLevels),
});
export type Zone = z.infer<typeof zoneSchema>;

export const zoneInputSchema = z.object({
  provinceId: z.uuid(),
  code: z
    .string()
    .trim()
    .min(2)
    .max(20)
    .regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(2).max(60),
  nameEn: z.string().trim().min(2).max(120),
  level: z.enum(zoneLevels),
});

export const subParkSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  focus: z.string().nullable(),
});
export type SubPark = z.infer<typeof subParkSchema>;

export const subParkInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(2).max(60),
  nameEn: z.string().trim().min(2).max(120),
  focus: z.string().trim().max(200).nullish(),
});
