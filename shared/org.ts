import { z } from 'zod';
import { pageQuerySchema } from './common';

/** 内设机构 class: A 投资服务类, B 综合协调类. */
export const departmentClasses = ['A', 'B'] as const;
/** internal 内设机构, institution 事业单位, company 平台公司. */
export const departmentKinds = ['internal', 'institution', 'company'] as const;

const coefficient = z.number().min(0.1).max(10).multipleOf(0.01);

export const departmentInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(2).max(60),
  nameEn: z.string().trim().max(120).default(''),
  kind: z.enum(departmentKinds).default('internal'),
  class: z.enum(departmentClasses),
  coefficient: coefficient.default(1),
  establishment: z.number().int().min(0).max(10000).default(0),
  description: z.string().trim().max(500).default(''),
  active: z.boolean().default(true),
});
export type DepartmentInput = z.infer<typeof departmentInputSchema>;

export const departmentSchema = departmentInputSchema.extend({
  id: z.uuid(),
  zoneId: z.uuid(),
  staffCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Department = z.infer<typeof departmentSchema>;

export const departmentListQuerySchema = pageQuerySchema.extend({
  class: z.enum(departmentClasses).optional(),
  kind: z.enum(departmentKinds).optional(),
});

export const postInputSchema = z.object({
  departmentId: z.uuid(),
  name: z.string().trim().min(2).max(60),
  grade: z.string().trim().max(30).default(''),
  coefficient: coefficient,
  headcount: z.number().int().min(1).max(1000).default(1),
});
export type PostInput = z.infer<typeof postInputSchema>;

export const postSchema = postInputSchema.extend({
  id: z.uuid(),
  zoneId: z.uuid(),
  departmentName: z.string(),
  occupied: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Post = z.infer<typeof postSchema>;

export const postListQuerySchema = pageQuerySchema.extend({ departmentId: z.uuid().optional() });

/** 编制类型: 行政编 / 事业编 / 编外聘用 / 国企. */
export const establishmentTypes = ['administrative', 'institution', 'contract', 'soe'] as const;
export const staffStatuses = ['active', 'left'] as const;

/** 档案职级 (archive rank) is kept apart from the appointed post: 双轨运行. */
export const archiveRanks = [
  '正处',
  '副处',
  '正科',
  '副科',
  '一级主任科员',
  '二级主任科员',
  '三级主任科员',
  '四级主任科员',
  '一级科员',
  '二级科员',
  '专业技术',
  '无',
] as const;

export const staffInputSchema = z.object({
  employeeNo: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(2).max(30),
  gender: z.enum(['M', 'F']),
  departmentId: z.uuid(),
  postId: z.uuid().nullable().default(null),
  establishmentType: z.enum(establishmentTypes),
  archiveRank: z.enum(archiveRanks),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/)
    .or(z.literal(''))
    .default(''),
  hiredOn: z.iso.date().nullable().default(null),
  status: z.enum(staffStatuses).default('active'),
});
export type StaffInput = z.infer<typeof staffInputSchema>;

export const staffSchema = staffInputSchema.extend({
  id: z.uuid(),
  zoneId: z.uuid(),
  departmentName: z.string(),
  postName: z.string().nullable(),
  postCoefficient: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Staff = z.infer<typeof staffSchema>;

export const staffListQuerySchema = pageQuerySchema.extend({
  departmentId: z.uuid().optional(),
  establishmentType: z.enum(establishmentTypes).optional(),
  status: z.enum(staffStatuses).optional(),
});
