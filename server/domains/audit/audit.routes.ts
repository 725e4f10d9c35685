import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEventSchema, auditListQuerySchema, auditVerifySchema } from '../../../shared/audit';
import { errorBodySchema, pageOf } from '../../../shared/common';
import { type Actor, visibleZoneIds } from '../../platform/access';
import { chainOf, verifyAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { requireActor } from '../../platform/http/guard';
import { listAuditEvents } from './audit.repository';

const tags = ['audit'];

async function auditZones(ex: Executor, actor: Actor): Promise<string[] | 'all'> {
  return actor.role === 'admin' ? 'all' : visibleZoneIds(ex, actor);
}

/** The append-only, hash-chained audit log: search and integrity check. */
export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  app.get(
    '/api/audit/events',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Search the audit log (newest first)',
        querystring: auditListQuerySchema,
        response: { 200: pageOf(auditEventSchema), 400: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req) => {
      const zones = await auditZones(db, requireActor(req));
      const { data, total } = await listAuditEvents(db, zones, req.query);
      return {
        data: data.map((e) => ({ ...e, id: String(e.id), at: e.at.toISOString() })),
        total,
        current: req.query.current,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Recompute the hash chains and report tampered or missing rows',
        response: { 200: auditVerifySchema, 403: errorBodySchema },
      },
    },
    async (req) => {
      const zones = await auditZones(db, requireActor(req));
      return verifyAudit(db, zones === 'all' ? {} : { chains: zones.map(chainOf) });
    },
  );
}
