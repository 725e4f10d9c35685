import { z } from 'zod';
import { pageQuerySchema } from './common';

export const auditEventSchema = z.object({
  id: z.string(),
  chain: z.string(),
  seq: z.number().int(),
  zoneId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListQuerySchema = pageQuerySchema.extend({
  entity: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});

export const auditProblemSchema = z.object({
  chain: z.string(),
  seq: z.number().int().nullable(),
  kind: z.enum(['hash_mismatch', 'broken_link', 'missing_row', 'head_mismatch']),
  message: z.string(),
});
export const auditVerifySchema = z.object({
  ok: z.boolean(),
  chains: z.number().int(),
  events: z.number().int(),
  problems: z.array(auditProblemSchema),
});
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;
