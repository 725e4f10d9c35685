import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/common';
import { policyRulesSchema } from '../../../shared/policies';
import {
  cultivationTiers,
  tierCandidateSchema,
  tierCriteriaInputSchema,
  tierMemberSchema,
  tierMoveInputSchema,
  tierMoveSchema,
  tierQuerySchema,
} from '../../../shared/tiers';
import { scopeOf } from '../../platform/http/crud';
import * as service from './tiers.service';

const tags = ['services'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const B = '/api/services/tiers';
const criteriaSchema = z.object(Object.fromEntries(cultivationTiers.map((t) => [t, policyRulesSchema])));

/** 四库三台阶: pool criteria, candidates computed from them, members, and the movements between pools. */
export async function tiersRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  app.get(
    `${B}/criteria`,
    {
      config: { access: 'services.metrics' },
      schema: { tags, summary: 'Entry criteria of each pool', response: { 200: criteriaSchema, ...errors } },
    },
    async (req) => service.criteriaOf(db, (await scopeOf(app, req)).zoneId),
  );
  app.put(
    `${B}/criteria`,
    {
      config: { access: 'services.rules.write' },
      schema: {
        tags,
        summary: "Set a pool's entry criteria",
        body: tierCriteriaInputSchema,
        response: { 200: criteriaSchema, ...errors },
      },
    },
    async (req) => service.setCriteria(db, await scopeOf(app, req), req.body),
  );
  app.get(
    `${B}/candidates`,
    {
      config: { access: 'services.metrics' },
      schema: {
        tags,
        summary: 'Enterprises meeting a pool’s criteria, not yet in it or higher',
        querystring: tierQuerySchema,
        response: { 200: z.array(tierCandidateSchema), ...errors },
      },
    },
    async (req) => service.candidates(db, await scopeOf(app, req), req.query.tier),
  );
  app.get(
    `${B}/members`,
    {
      config: { access: 'services.metrics' },
      schema: {
        tags,
        summary: 'Enterprises in a pool',
        querystring: tierQuerySchema,
        response: { 200: z.array(tierMemberSchema), ...errors },
      },
    },
    async (req) => service.members(db, await scopeOf(app, req), req.query.tier),
  );
  app.get(
    `${B}/moves`,
    {
      config: { access: 'services.metrics' },
      schema: {
        tags,
        summary: 'Movements between pools, newest first',
        querystring: z.object({ enterpriseId: z.uuid().optional() }),
        response: { 200: z.array(tierMoveSchema), ...errors },
      },
    },
    async (req) => service.moves(db, await scopeOf(app, req), req.query.enterpriseId),
  );
  app.post(
    `${B}/moves`,
    {
      config: { access: 'services.rules.write' },
      schema: {
        tags,
        summary: 'Move an enterprise into a pool (or out of every pool)',
        body: tierMoveInputSchema,
        response: { 200: tierMoveSchema.omit({ enterpriseName: true }).extend({ id: z.uuid() }), ...errors },
      },
    },
    async (req) => {
      const m = await service.moveTier(db, await scopeOf(app, req), req.body);
      return {
        id: m.id,
        enterpriseId: m.enterpriseId,
        fromTier: m.fromTier,
        toTier: m.toTier,
        movedOn: m.movedOn,
        note: m.note,
        direction: m.direction,
      };
    },
  );
}
