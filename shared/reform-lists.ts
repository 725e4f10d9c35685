import { z } from 'zod';
import { pageQuerySchema } from './common';
import { authorityCodeSchema } from './reform';

// ---- 两张清单 + 边界清单 (DOMAIN.md §1) ----------------------------------------------------------------------------

/**
 * duty = 职责清单 (what the committee itself does); stripped = 剥离社会事务清单 (social affairs handed back, with
 * the receiving body); boundary = 边界清单 (who does what between the committee, a district department and the
 * platform company).
 */
export const dutyLists = ['duty', 'stripped', 'boundary'] as const;
export type DutyList = (typeof dutyLists)[number];
/** Who received a stripped social affair: a town/street (镇街), a district department, a municipal unit, other. */
export const receiverKinds = ['town', 'district_dept', 'municipal', 'other'] as const;
export type ReceiverKind = (typeof receiverKinds)[number];

export const dutyListLabels = {
  list: { duty: '职责清单', stripped: '剥离社会事务清单', boundary: '边界清单' },
  receiverKind: { town: '属地镇街', district_dept: '区直部门', municipal: '市直单位', other: '其他' },
} as const;

const text = (max: number) => z.string().trim().max(max).default('');

/**
 * One entry of one of the three lists. Rules (server checks the same, the web form shows them as field errors):
 * a stripped affair names its receiver (kind and body); a boundary item names the district department and both
 * sides' duties; an entry is effective from effectiveOn until the day before retiredOn.
 */
export const dutyItemInputSchema = z
  .object({
    list: z.enum(dutyLists),
    code: authorityCodeSchema,
    name: z.string().trim().min(2).max(200),
    /** 领域 (e.g. 民政和社会管理 / 平安建设 / 征地拆迁 / 经济发展). */
    area: z.string().trim().min(2).max(40),
    detail: text(1000),
    receiverKind: z.enum(receiverKinds).nullable().default(null),
    receivingBody: text(60),
    districtDepartmentId: z.uuid().nullable().default(null),
    zoneDuty: text(1000),
    districtDuty: text(1000),
    platformDuty: text(1000),
    effectiveOn: z.iso.date(),
    retiredOn: z.iso.date().nullable().default(null),
    note: text(500),
  })
  .superRefine((v, ctx) => {
    const need = (path: string) => ctx.addIssue({ code: 'custom', path: [path], message: 'REQUIRED' });
    if (v.list === 'stripped') {
      if (!v.receiverKind) need('receiverKind');
      if (!v.receivingBody) need('receivingBody');
    }
    if (v.list === 'boundary') {
      if (!v.districtDepartmentId) need('districtDepartmentId');
      if (!v.zoneDuty) need('zoneDuty');
      if (!v.districtDuty) need('districtDuty');
    }
    if (v.retiredOn && v.retiredOn <= v.effectiveOn)
      ctx.addIssue({ code: 'custom', path: ['retiredOn'], message: 'REFORM_RETIRED_BEFORE_EFFECTIVE' });
  });
export type DutyItemInput = z.infer<typeof dutyItemInputSchema>;

export const dutyItemSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  list: z.enum(dutyLists),
  code: z.string(),
  name: z.string(),
  area: z.string(),
  detail: z.string(),
  receiverKind: z.enum(receiverKinds).nullable(),
  receivingBody: z.string(),
  districtDepartmentId: z.uuid().nullable(),
  districtDepartmentName: z.string().nullable(),
  zoneDuty: z.string(),
  districtDuty: z.string(),
  platformDuty: z.string(),
  effectiveOn: z.string(),
  retiredOn: z.string().nullable(),
  note: z.string(),
  /** In force today (Asia/Shanghai). */
  inForce: z.boolean(),
  updatedAt: z.string(),
});
export type DutyItem = z.infer<typeof dutyItemSchema>;

export const dutyItemListQuerySchema = pageQuerySchema.extend({
  list: z.enum(dutyLists).optional(),
  area: z.string().trim().max(40).optional(),
  receiverKind: z.enum(receiverKinds).optional(),
  districtDepartmentId: z.uuid().optional(),
  /** Only entries in force on this date (effectiveOn ≤ asOf < retiredOn). */
  asOf: z.iso.date().optional(),
});
export type DutyItemListQuery = z.infer<typeof dutyItemListQuerySchema>;

export const dutySummaryQuerySchema = z.object({ asOf: z.iso.date().optional() });
/**
 * The figures the seed articles print, as of a date: "45 项职能 6 个方面移交属地镇街", "171 项社会事务",
 * "交由 27 个区直部门承担", "24 项权责边界".
 */
export const dutySummarySchema = z.object({
  asOf: z.string(),
  duty: z.object({ items: z.number().int(), areas: z.number().int() }),
  stripped: z.object({
    items: z.number().int(),
    areas: z.number().int(),
    receivingBodies: z.number().int(),
    byReceiverKind: z.array(
      z.object({
        receiverKind: z.enum(receiverKinds),
        items: z.number().int(),
        areas: z.number().int(),
        receivingBodies: z.number().int(),
      }),
    ),
  }),
  boundary: z.object({ items: z.number().int(), districtDepartments: z.number().int() }),
  byArea: z.array(z.object({ list: z.enum(dutyLists), area: z.string(), items: z.number().int() })),
});
export type DutySummary = z.infer<typeof dutySummarySchema>;

/** Half-open periods [effectiveOn, retiredOn) overlap (null retiredOn = open-ended). ISO dates compare as strings. */
export function periodsOverlap(
  a: { effectiveOn: string; retiredOn: string | null },
  b: { effectiveOn: string; retiredOn: string | null },
): boolean {
  const aEndsAfterBStarts = a.retiredOn === null || a.retiredOn > b.effectiveOn;
  const bEndsAfterAStarts = b.retiredOn === null || b.retiredOn > a.effectiveOn;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}
