import { z } from 'zod';
import { pageQuerySchema } from './common';
import { fileIdsSchema } from './files';

/** 事项类型: 许可 / 备案 / 技术审查 / 中介 / 市政接入 (DOMAIN.md §2). */
export const itemTypes = ['license', 'filing', 'technical_review', 'intermediary', 'utility'] as const;
/** 工程建设项目审批四个阶段: 1 立项用地规划许可 → 2 工程建设许可 → 3 施工许可 → 4 竣工验收. */
export const stages = [1, 2, 3, 4] as const;
export const limitUnits = ['workday', 'calendar'] as const;
/** 告知承诺制 / 容缺受理. */
export const approvalModes = ['commitment', 'rongque'] as const;

export const materialSchema = z.object({
  /** Stable key used to deduplicate materials across the items of a 一件事 bundle. */
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(100),
  required: z.boolean().default(true),
  /** May be supplied after acceptance (容缺受理). */
  mayFollow: z.boolean().default(false),
});
export type Material = z.infer<typeof materialSchema>;

export const feeSchema = z.object({
  name: z.string().trim().min(1).max(60),
  /** Fen (分), whole number. */
  amountFen: z.number().int().min(0).max(1_000_000_000_00),
});

const itemFields = {
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(2).max(100),
  type: z.enum(itemTypes),
  stage: z.number().int().min(1).max(4).nullable().default(null),
  leadDepartmentId: z.uuid(),
  statutoryDays: z.number().int().min(1).max(365),
  committedDays: z.number().int().min(1).max(365),
  limitUnit: z.enum(limitUnits).default('workday'),
  modes: z.array(z.enum(approvalModes)).max(2).default([]),
  materials: z.array(materialSchema).max(60).default([]),
  prerequisiteCodes: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  fees: z.array(feeSchema).max(20).default([]),
  online: z.boolean().default(true),
  /**
   * 权责清单 item this service derives from: the stable code of a power in the zone's currently published authority
   * list (reform domain; sources retained / newly empowered). Checked on save.
   */
  authorityItemCode: z.string().trim().toUpperCase().max(40).nullable().default(null),
  active: z.boolean().default(true),
};

/** 事项 as staff edit it. Rule: 承诺时限 ≤ 法定时限. */
export const itemInputSchema = z.object(itemFields).superRefine((v, ctx) => {
  if (v.committedDays > v.statutoryDays) {
    ctx.addIssue({ code: 'custom', path: ['committedDays'], message: 'COMMITTED_OVER_STATUTORY' });
  }
  const codes = v.materials.map((m) => m.code);
  if (new Set(codes).size !== codes.length) {
    ctx.addIssue({ code: 'custom', path: ['materials'], message: 'DUPLICATE_VALUE' });
  }
});
export type ItemInput = z.infer<typeof itemInputSchema>;

/** A power of the published authority list as the catalogue shows it (the link of an item to the reform register). */
export const authorityLinkSchema = z.object({
  code: z.string(),
  name: z.string(),
  source: z.enum(['retained', 'empowered']),
  handling: z.enum(['full', 'accept_only']),
  grantingDept: z.string(),
});
export type AuthorityLink = z.infer<typeof authorityLinkSchema>;

export const itemSchema = z.object({
  ...itemFields,
  authorityItemCode: z.string().nullable(),
  id: z.uuid(),
  zoneId: z.uuid(),
  stage: z.number().int().nullable(),
  leadDepartmentName: z.string().nullable(),
  /** The linked power in the currently published list; null when there is no code or the power is no longer in it. */
  authority: authorityLinkSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Item = z.infer<typeof itemSchema>;

export const itemListQuerySchema = pageQuerySchema.extend({
  type: z.enum(itemTypes).optional(),
  stage: z.coerce.number().int().min(1).max(4).optional(),
  leadDepartmentId: z.uuid().optional(),
  online: z.enum(['true', 'false']).optional(),
});
export type ItemListQuery = z.infer<typeof itemListQuerySchema>;

// ---- cases (办件) -------------------------------------------------------------------------------------------

export const caseStatuses = [
  'DRAFT',
  'SUBMITTED',
  'ACCEPTED',
  'NOT_ACCEPTED',
  'AWAITING_CORRECTION',
  'IN_REVIEW',
  'SUSPENDED',
  'DECIDED',
  'ISSUED',
  'CLOSED',
  'WITHDRAWN',
  'TERMINATED',
  'APPROVED_ON_COMMITMENT',
  'VERIFICATION_DUE',
  'VERIFIED',
  'REVOKED',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Statuses whose clock is frozen (no further deadlines move). */
export const FINAL_STATUSES: readonly CaseStatus[] = [
  'NOT_ACCEPTED',
  'ISSUED',
  'CLOSED',
  'WITHDRAWN',
  'TERMINATED',
  'VERIFIED',
  'REVOKED',
];

/** 补正 / 专家评审 / 公示 / 听证 / 检测 / 现场勘验. */
export const suspensionTypes = [
  'correction',
  'expert_review',
  'publicity',
  'hearing',
  'testing',
  'site_survey',
] as const;
export type SuspensionType = (typeof suspensionTypes)[number];

export const caseActions = [
  'submit',
  'accept',
  'not_accept',
  'request_correction',
  'resubmit',
  'start_review',
  'suspend',
  'resume',
  'extend',
  'approve',
  'deny',
  'approve_on_commitment',
  'open_verification',
  'verify',
  'revoke',
  'issue',
  'close',
  'withdraw',
  'terminate',
  'supplement',
] as const;
export type CaseAction = (typeof caseActions)[number];

/** Rule parameters (DOMAIN.md: defaults of configurable rules, per zone and year). */
export const approvalRulesSchema = z
  .object({
    /** 5-day completeness rule: no notice within N working days → accepted on receipt. */
    completenessDays: z.number().int().min(1).max(30).default(5),
    /** Extension: single agency +10, joint (一件事 / several departments) +15. */
    extensionSingleDays: z.number().int().min(0).max(60).default(10),
    extensionJointDays: z.number().int().min(0).max(60).default(15),
    /** Statutory limit of joint handling (联合办理/一件事), before the extension. */
    jointStatutoryDays: z.number().int().min(1).max(365).default(45),
    /** Yellow when ≤ N working days remain to the committed due date; red when ≤ M remain or it passed. */
    yellowDays: z.number().int().min(0).max(30).default(3),
    redDays: z.number().int().min(0).max(30).default(1),
    /** 容缺: working days to supply the may-follow materials after acceptance. */
    rongqueDays: z.number().int().min(1).max(120).default(10),
    /** 告知承诺后检: working days after approval by which verification is due. */
    verificationDays: z.number().int().min(1).max(250).default(40),
    /** Cap per suspension type in working days (days beyond the cap count on the clock). */
    suspensionCaps: z
      .object({
        correction: z.number().int().min(1).max(120).default(10),
        expert_review: z.number().int().min(1).max(120).default(20),
        publicity: z.number().int().min(1).max(120).default(10),
        hearing: z.number().int().min(1).max(120).default(20),
        testing: z.number().int().min(1).max(120).default(30),
        site_survey: z.number().int().min(1).max(120).default(10),
      })
      .default({ correction: 10, expert_review: 20, publicity: 10, hearing: 20, testing: 30, site_survey: 10 }),
  })
  .superRefine((v, ctx) => {
    // Red is the later warning: it fires with fewer working days left than yellow.
    if (v.redDays > v.yellowDays) ctx.addIssue({ code: 'custom', path: ['redDays'], message: 'RED_OVER_YELLOW' });
    // A joint case may not get less extension than a single-agency case.
    if (v.extensionJointDays < v.extensionSingleDays) {
      ctx.addIssue({ code: 'custom', path: ['extensionJointDays'], message: 'JOINT_EXTENSION_SHORTER' });
    }
  });
export type ApprovalRules = z.infer<typeof approvalRulesSchema>;
export const DEFAULT_RULES: ApprovalRules = approvalRulesSchema.parse({});

/** The rule parameters in force for a year: saved for that year, or carried from the latest earlier year. */
export const rulesInForceSchema = z.object({
  year: z.number().int(),
  /** The year the parameters were saved for (null: the defaults of DOMAIN.md, nothing saved yet). */
  fromYear: z.number().int().nullable(),
  params: approvalRulesSchema,
  savedYears: z.array(z.object({ year: z.number().int(), updatedAt: z.string() })),
  /** Open cases whose stored due dates moved with this save (0 on read). */
  recomputed: z.number().int(),
});
export type RulesInForce = z.infer<typeof rulesInForceSchema>;

export const suspensionSchema = z.object({
  type: z.enum(suspensionTypes),
  from: z.string(),
  to: z.string().nullable(),
  reason: z.string(),
});
export type Suspension = z.infer<typeof suspensionSchema>;

export const clockSchema = z.object({
  /** Day the clock counts from (exclusive): acceptance, or receipt when deemed accepted. */
  startOn: z.string().nullable(),
  deemedAccepted: z.boolean(),
  completenessDue: z.string().nullable(),
  committedDue: z.string().nullable(),
  statutoryDue: z.string().nullable(),
  elapsedWorkdays: z.number().int(),
  suspendedWorkdays: z.number().int(),
  remainingCommitted: z.number().int().nullable(),
  light: z.enum(['none', 'green', 'yellow', 'red']),
  committedPassed: z.boolean(),
  /** 超期: the statutory due date passed before a decision. */
  overdue: z.boolean(),
  paused: z.boolean(),
  provisional: z.boolean(),
});
export type Clock = z.infer<typeof clockSchema>;

const dateString = z.iso.date({ message: 'INVALID_DATE' });

export const caseInputSchema = z.object({
  itemIds: z.array(z.uuid()).min(1).max(20),
  enterpriseId: z.uuid(),
  projectName: z.string().trim().max(100).nullable().default(null),
  /** Construction project code (项目代码) grouping all cases of one project across the four stages. */
  projectCode: z.string().trim().max(40).nullable().default(null),
  mode: z.enum(['normal', 'commitment']).default('normal'),
  form: z.record(z.string(), z.string().max(500)).default({}),
  /** Codes of the materials supplied with the application. */
  suppliedMaterials: z.array(z.string().max(40)).max(200).default([]),
  /** Uploaded files per material code (attachment ids from /api/files); a material with files counts as supplied. */
  attachments: z.record(z.string().max(40), fileIdsSchema).default({}),
  submit: z.boolean().default(true),
  online: z.boolean().default(true),
  /** Window intake of a paper application (staff only): the day it was received; defaults to today. */
  receivedOn: dateString.optional(),
});
export type CaseInput = z.infer<typeof caseInputSchema>;

export const caseActionInputSchema = z.object({
  action: z.enum(caseActions),
  /** Working day the action takes effect (Asia/Shanghai); defaults to today. Back-dating is for staff entry. */
  on: dateString.optional(),
  reason: z.string().trim().max(500).optional(),
  /** request_correction: the one-time list of missing items; accept: 容缺 materials that may follow. */
  materials: z.array(z.string().trim().min(1).max(40)).max(100).optional(),
  suspensionType: z.enum(suspensionTypes).optional(),
  /** resubmit / supplement: uploaded files per material code (those materials count as supplied). */
  attachments: z.record(z.string().max(40), fileIdsSchema).optional(),
});
export type CaseActionInput = z.infer<typeof caseActionInputSchema>;

/** Recorded notices (文书 kept as issued): 暂停（中止计时）告知书, 恢复计时告知书, 延期告知书, 不予受理通知书. */
export const noticeKinds = ['suspension', 'resumption', 'extension', 'not_accepted'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export const noticeContentSchema = z.object({
  reason: z.string().nullable(),
  /** suspension: type, from day, cap in working days (days beyond count on the clock). */
  suspensionType: z.enum(suspensionTypes).nullable().default(null),
  capWorkdays: z.number().int().nullable().default(null),
  /** resumption: the day the suspension began and the working days it kept off the clock (at most the cap). */
  suspendedFrom: z.string().nullable().default(null),
  suspendedWorkdays: z.number().int().nullable().default(null),
  /** extension: working days added and the approver. */
  extensionDays: z.number().int().nullable().default(null),
  approver: z.string().nullable().default(null),
  /** Due dates before and after the step (extension: the statutory date moves). */
  committedDue: z.string().nullable().default(null),
  statutoryDueBefore: z.string().nullable().default(null),
  statutoryDueAfter: z.string().nullable().default(null),
});
export type NoticeContent = z.infer<typeof noticeContentSchema>;

export const noticeSchema = z.object({
  id: z.uuid(),
  kind: z.enum(noticeKinds),
  noticeNo: z.string(),
  issuedOn: z.string(),
  issuedBy: z.string().nullable(),
  content: noticeContentSchema,
});
export type Notice = z.infer<typeof noticeSchema>;

export const caseEventSchema = z.object({
  at: z.string(),
  on: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  materials: z.array(z.string()),
});

export const caseSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  caseNo: z.string(),
  itemIds: z.array(z.uuid()),
  itemNames: z.array(z.string()),
  bundle: z.boolean(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  leadDepartmentId: z.uuid(),
  leadDepartmentName: z.string().nullable(),
  projectName: z.string().nullable(),
  projectCode: z.string().nullable(),
  stage: z.number().int().nullable(),
  mode: z.enum(['normal', 'commitment']),
  online: z.boolean(),
  status: z.enum(caseStatuses),
  outcome: z.enum(['approved', 'denied']).nullable(),
  committedDays: z.number().int(),
  statutoryDays: z.number().int(),
  extensionDays: z.number().int(),
  extensionApprover: z.string().nullable(),
  materials: z.array(materialSchema),
  suppliedMaterials: z.array(z.string()),
  attachments: z.record(z.string(), z.array(z.uuid())),
  correctionList: z.array(z.string()),
  rongqueMaterials: z.array(z.string()),
  rongqueDue: z.string().nullable(),
  verificationDue: z.string().nullable(),
  suspensions: z.array(suspensionSchema),
  agentUserId: z.uuid().nullable(),
  agentName: z.string().nullable(),
  submittedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  form: z.record(z.string(), z.string()),
  clock: clockSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Case = z.infer<typeof caseSchema>;

export const caseListQuerySchema = pageQuerySchema.extend({
  status: z.enum(caseStatuses).optional(),
  itemId: z.uuid().optional(),
  leadDepartmentId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  projectCode: z.string().max(40).optional(),
  light: z.enum(['overdue', 'open']).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

/** What anyone may see by case number without signing in: no names, no enterprise, no materials. */
export const publicCaseSchema = z.object({
  caseNo: z.string(),
  itemNames: z.array(z.string()),
  status: z.enum(caseStatuses),
  outcome: z.enum(['approved', 'denied']).nullable(),
  submittedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  committedDue: z.string().nullable(),
  decidedOn: z.string().nullable(),
  steps: z.array(z.object({ on: z.string(), toStatus: z.string() })),
});

export const metricsSchema = z.object({
  items: z.number().int(),
  onlineItems: z.number().int(),
  onlineRate: z.number(),
  compression: z.number(),
  cases: z.number().int(),
  decided: z.number().int(),
  avgWorkdays: z.number(),
  p90Workdays: z.number(),
  onTimeRate: z.number(),
  overdueOpen: z.number().int(),
  bundleMaterialsSaved: z.number().int(),
  byDepartment: z.array(
    z.object({
      departmentId: z.uuid(),
      name: z.string(),
      cases: z.number().int(),
      decided: z.number().int(),
      onTimeRate: z.number(),
      avgWorkdays: z.number(),
    }),
  ),
  byItem: z.array(
    z.object({
      itemId: z.uuid(),
      name: z.string(),
      cases: z.number().int(),
      decided: z.number().int(),
      onTimeRate: z.number(),
      avgWorkdays: z.number(),
      compression: z.number(),
    }),
  ),
});
export type Metrics = z.infer<typeof metricsSchema>;

/** Two-decimal rate (percent), never float noise. */
export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 100;
}

/** Deduplicated materials of several items (一件事一次办: one set of materials), first occurrence wins. */
export function bundleMaterials(items: { materials: Material[] }[]): Material[] {
  const byCode = new Map<string, Material>();
  for (const item of items) {
    for (const m of item.materials) {
      const seen = byCode.get(m.code);
      if (!seen) byCode.set(m.code, { ...m });
      else {
        // Required if any item requires it; may follow only if every item allows it.
        seen.required = seen.required || m.required;
        seen.mayFollow = seen.mayFollow && m.mayFollow;
      }
    }
  }
  return [...byCode.values()];
}

/** Labels of statuses and actions in both languages (server messages; the web has its own locale keys). */
export const STATUS_LABELS: Record<CaseStatus, { zh: string; en: string }> = {
  DRAFT: { zh: '草稿', en: 'draft' },
  SUBMITTED: { zh: '已提交', en: 'submitted' },
  ACCEPTED: { zh: '已受理', en: 'accepted' },
  NOT_ACCEPTED: { zh: '不予受理', en: 'not accepted' },
  AWAITING_CORRECTION: { zh: '待补正', en: 'awaiting correction' },
  IN_REVIEW: { zh: '审查中', en: 'in review' },
  SUSPENDED: { zh: '已中止计时', en: 'suspended' },
  DECIDED: { zh: '已决定', en: 'decided' },
  ISSUED: { zh: '已发证', en: 'issued' },
  CLOSED: { zh: '已办结', en: 'closed' },
  WITHDRAWN: { zh: '已撤回', en: 'withdrawn' },
  TERMINATED: { zh: '已终止', en: 'terminated' },
  APPROVED_ON_COMMITMENT: { zh: '告知承诺已批准', en: 'approved on commitment' },
  VERIFICATION_DUE: { zh: '待核查', en: 'verification due' },
  VERIFIED: { zh: '核查通过', en: 'verified' },
  REVOKED: { zh: '已撤销', en: 'revoked' },
};

export const ACTION_LABELS: Record<CaseAction, { zh: string; en: string }> = {
  submit: { zh: '提交', en: 'submit' },
  accept: { zh: '受理', en: 'accept' },
  not_accept: { zh: '不予受理', en: 'refuse to accept' },
  request_correction: { zh: '一次性告知补正', en: 'request correction' },
  resubmit: { zh: '补正后重新提交', en: 'resubmit' },
  start_review: { zh: '开始审查', en: 'start review' },
  suspend: { zh: '中止计时', en: 'suspend' },
  resume: { zh: '恢复计时', en: 'resume' },
  extend: { zh: '批准延期', en: 'approve an extension' },
  approve: { zh: '准予许可', en: 'approve' },
  deny: { zh: '不予许可', en: 'deny' },
  approve_on_commitment: { zh: '告知承诺批准', en: 'approve on commitment' },
  open_verification: { zh: '启动核查', en: 'open verification' },
  verify: { zh: '核查通过', en: 'verify' },
  revoke: { zh: '撤销', en: 'revoke' },
  issue: { zh: '发证', en: 'issue' },
  close: { zh: '办结', en: 'close' },
  withdraw: { zh: '撤回', en: 'withdraw' },
  terminate: { zh: '终止', en: 'terminate' },
  supplement: { zh: '补交材料', en: 'supplement materials' },
};
