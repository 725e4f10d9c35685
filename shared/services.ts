import { z } from 'zod';
import { pageQuerySchema } from './common';

/**
 * 企业服务 (DOMAIN.md §6): demands (诉求/问题卡) and the rules that time them.
 *
 * A demand comes from a visit, the enterprise portal or the hotline; it is routed to a department (or to an outside
 * body: 吹哨), signed, replied to and resolved within working-day limits counted on the zone's calendar, escalated
 * when late, and closed by the enterprise's satisfaction callback (an unsatisfied callback reopens it).
 */

/** Where a demand came from. */
export const demandSources = ['visit', 'portal', 'hotline'] as const;
export type DemandSource = (typeof demandSources)[number];

/** Taxonomy of demands (诉求分类), fixed list; routing rules map a tag to a department. */
export const demandTags = [
  'land',
  'approval',
  'finance',
  'labour',
  'policy',
  'infrastructure',
  'energy',
  'logistics',
  'ip_tech',
  'safety_env',
  'other',
] as const;
export type DemandTag = (typeof demandTags)[number];

/**
 * pending_route: waits for a dispatcher (no routing rule matched, or sent back);
 * assigned: routed, not yet signed (签收); signed; replied (答复); resolved (办结, with evidence);
 * closed: the enterprise's callback was satisfied (or basically satisfied).
 */
export const demandStatuses = ['pending_route', 'assigned', 'signed', 'replied', 'resolved', 'closed'] as const;
export type DemandStatus = (typeof demandStatuses)[number];

/** department: an internal department of the zone; external: an outside body (吹哨, linked to the reform module). */
export const demandRouteKinds = ['department', 'external'] as const;

/** Satisfaction callback (回访): unsatisfied reopens the demand. */
export const satisfactionLevels = ['satisfied', 'basically', 'unsatisfied'] as const;
export type Satisfaction = (typeof satisfactionLevels)[number];
export const callbackChannels = ['portal', 'phone', 'visit'] as const;

/** Working-day limits and escalation thresholds (DOMAIN.md §6 defaults), per zone and year. */
export const serviceRulesSchema = z.object({
  signDays: z.number().int().min(0).max(30).default(1),
  replyDays: z.number().int().min(0).max(60).default(2),
  resolveDays: z.number().int().min(1).max(120).default(10),
  complexDays: z.number().int().min(1).max(240).default(25),
  /** Working days late on resolution after which a demand escalates from the department head to the zone leader. */
  leaderEscalationDays: z.number().int().min(0).max(60).default(5),
  /** Visits of the same enterprise by several departments within this many calendar days warn (重复走访). */
  visitWindowDays: z.number().int().min(1).max(365).default(30),
  /** 涉企检查频次: routine inspections one department may make of one enterprise in a calendar year. */
  inspectionsPerDeptYear: z.number().int().min(1).max(52).default(2),
  /** 频繁检查: more than this many inspections (all departments) of one enterprise within the window are flagged. */
  inspectionsPerWindow: z.number().int().min(1).max(100).default(3),
  inspectionWindowDays: z.number().int().min(1).max(365).default(30),
});
export type ServiceRules = z.infer<typeof serviceRulesSchema>;
export const DEFAULT_SERVICE_RULES: ServiceRules = serviceRulesSchema.parse({});

export const serviceRulesInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  rules: serviceRulesSchema.refine((r) => r.complexDays >= r.resolveDays, {
    message: 'COMPLEX_SHORTER_THAN_RESOLVE',
    path: ['complexDays'],
  }),
});
export type ServiceRulesInput = z.infer<typeof serviceRulesInputSchema>;
export const serviceRulesRowSchema = z.object({ year: z.number().int(), rules: serviceRulesSchema });

const text = (max: number) => z.string().trim().max(max);

/** A new demand. Enterprise users may only raise their own (enterpriseId is forced to theirs). */
export const demandInputSchema = z.object({
  enterpriseId: z.uuid(),
  title: text(100).min(4),
  content: text(4000).min(4),
  source: z.enum(demandSources).default('portal'),
  tags: z
    .array(z.enum(demandTags))
    .min(1)
    .max(4)
    .transform((t) => [...new Set(t)]),
  contactName: text(30).default(''),
  contactPhone: text(20).default(''),
  /** Date the demand was received (hotline and visit entries may be typed in later); default today (Shanghai). */
  receivedOn: z.iso.date().optional(),
  visitId: z.uuid().nullable().default(null),
});
export type DemandInput = z.infer<typeof demandInputSchema>;

/**
 * Dispatch (分派): to a department, or to an outside body (吹哨): a district department of the reform module's
 * register, which gets a whistle matter (园区吹哨、部门报到) with its own response deadline.
 */
export const demandRouteInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('department'), departmentId: z.uuid(), note: text(500).default('') }),
  z.object({
    kind: z.literal('external'),
    districtDepartmentId: z.uuid(),
    /** Working days the outside body has to respond; its own default when omitted. */
    responseDays: z.number().int().min(1).max(60).nullable().default(null),
    note: text(500).default(''),
  }),
]);
export type DemandRouteInput = z.infer<typeof demandRouteInputSchema>;

export const demandReplyInputSchema = z.object({ reply: text(4000).min(2) });
export const demandComplexInputSchema = z.object({ reason: text(500).min(4) });
export const demandReturnInputSchema = z.object({ reason: text(500).min(4) });
/** 办结 with evidence: at least one attachment (photo, receipt…) or a written description of the evidence. */
export const demandResolveInputSchema = z
  .object({
    resolution: text(4000).min(4),
    evidenceFileIds: z.array(z.uuid()).max(20).default([]),
    evidenceNote: text(1000).default(''),
  })
  .refine((v) => v.evidenceFileIds.length > 0 || v.evidenceNote.length >= 4, {
    message: 'EVIDENCE_REQUIRED',
    path: ['evidenceFileIds'],
  });
export type DemandResolveInput = z.infer<typeof demandResolveInputSchema>;
export const demandRateInputSchema = z.object({
  satisfaction: z.enum(satisfactionLevels),
  comment: text(1000).default(''),
  channel: z.enum(callbackChannels).optional(),
});
export type DemandRateInput = z.infer<typeof demandRateInputSchema>;
export const demandReopenInputSchema = z.object({ reason: text(500).min(4) });
export const escalationRunInputSchema = z.object({ asOf: z.iso.date() });

const nullableString = z.string().nullable();

export const demandSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  serial: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  title: z.string(),
  content: z.string(),
  source: z.enum(demandSources),
  tags: z.array(z.enum(demandTags)),
  contactName: z.string(),
  contactPhone: z.string(),
  visitId: z.uuid().nullable(),
  status: z.enum(demandStatuses),
  routeKind: z.enum(demandRouteKinds).nullable(),
  departmentId: z.uuid().nullable(),
  departmentName: nullableString,
  externalBody: nullableString,
  whistleId: z.uuid().nullable(),
  /** The reform module's whistle matter (CS-yyyy-nnn) and its state, when whistled. */
  whistleCode: nullableString,
  whistleStatus: z.enum(['open', 'responded', 'closed']).nullable(),
  receivedOn: z.string(),
  cycleStartOn: z.string(),
  signDue: z.string(),
  replyDue: z.string(),
  resolveDue: z.string(),
  deadlineProvisional: z.boolean(),
  complex: z.boolean(),
  complexReason: nullableString,
  signedOn: nullableString,
  repliedOn: nullableString,
  resolvedOn: nullableString,
  closedOn: nullableString,
  reply: nullableString,
  resolution: nullableString,
  evidenceFileIds: z.array(z.uuid()),
  evidenceNote: nullableString,
  escalationLevel: z.number().int(),
  satisfaction: z.enum(satisfactionLevels).nullable(),
  satisfactionComment: nullableString,
  callbackChannel: z.enum(callbackChannels).nullable(),
  reopenCount: z.number().int(),
  /** Derived: which limit is missed today (null when none). */
  overdue: z.enum(['sign', 'reply', 'resolve']).nullable(),
  /** Derived: was every limit met (null while open). */
  onTime: z.boolean().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Demand = z.infer<typeof demandSchema>;

export const demandSortFields = ['receivedOn', 'resolveDue', 'serial', 'updatedAt'] as const;

export const demandListQuerySchema = pageQuerySchema.extend({
  status: z.enum(demandStatuses).optional(),
  source: z.enum(demandSources).optional(),
  tag: z.enum(demandTags).optional(),
  departmentId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  overdue: z.enum(['yes', 'no']).optional(),
  escalated: z.enum(['yes', 'no']).optional(),
});
export type DemandListQuery = z.infer<typeof demandListQuerySchema>;

/** Tag → department routing rule (分类派单). */
export const demandRoutingRuleInputSchema = z.object({ tag: z.enum(demandTags), departmentId: z.uuid() });
export const demandRoutingRuleSchema = z.object({
  tag: z.enum(demandTags),
  departmentId: z.uuid(),
  departmentName: z.string(),
});

export const demandHistoryItemSchema = z.object({
  at: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
});

/** Metrics per department: received, closed, on time, satisfaction (DOMAIN.md §6: "95 received, 100% closed"). */
export const demandMetricsRowSchema = z.object({
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  /** True for the row of demands sent to outside bodies (吹哨); false + null department = awaiting dispatch. */
  external: z.boolean(),
  received: z.number().int(),
  resolved: z.number().int(),
  closed: z.number().int(),
  onTime: z.number().int(),
  overdueOpen: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  /** Percentages as strings with two decimals, null when the denominator is 0. */
  closureRate: z.string().nullable(),
  onTimeRate: z.string().nullable(),
  satisfactionRate: z.string().nullable(),
});
export type DemandMetricsRow = z.infer<typeof demandMetricsRowSchema>;
export const demandMetricsQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

// ---- visits (走访) ----------------------------------------------------------------------------------------------

/** A visit log entry, short enough to fill in on a phone at the enterprise's door. */
export const visitInputSchema = z.object({
  enterpriseId: z.uuid(),
  visitedOn: z.iso.date(),
  /** Leaders and admin say which department visited; department roles always log for their own. */
  departmentId: z.uuid().optional(),
  officerId: z.uuid().nullable().default(null),
  people: text(500).min(2),
  topics: text(2000).min(2),
  photoFileIds: z.array(z.uuid()).max(12).default([]),
});
export type VisitInput = z.infer<typeof visitInputSchema>;

export const visitSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  officerId: z.uuid().nullable(),
  officerName: z.string().nullable(),
  visitedOn: z.string(),
  people: z.string(),
  topics: z.string(),
  photoFileIds: z.array(z.uuid()),
  demandCount: z.number().int(),
  /** The enterprise's anonymous score (1–5), null until rated. */
  ratingScore: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;

/** 重复走访: visits of the same enterprise by other departments within the zone's window. */
export const visitWarningSchema = z.object({
  visitId: z.uuid(),
  departmentName: z.string(),
  visitedOn: z.string(),
});
export const visitCreatedSchema = z.object({ visit: visitSchema, warnings: z.array(visitWarningSchema) });

export const visitListQuerySchema = pageQuerySchema.extend({
  enterpriseId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  rated: z.enum(['yes', 'no']).optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;

export const visitRateInputSchema = z.object({
  score: z.number().int().min(1).max(5),
  comment: text(500).default(''),
});
