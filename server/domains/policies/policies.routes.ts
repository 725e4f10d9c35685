import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, pageOf } from '../../../shared/common';
import {
  policyInputSchema,
  policyListQuerySchema,
  policyMatchSchema,
  policyRulesSchema,
  policySchema,
} from '../../../shared/policies';
import { notFound } from '../../platform/errors';
import { idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import { policyApplicationsRoutes } from './policies.applications.routes';
import * as service from './policies.service';

const tags = ['policies'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const base = '/api/policies';

/** 惠企政策: drafts with structured eligibility rules, preview of matches, publish (match + notify). */
export async function policiesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  await app.register(policyApplicationsRoutes);

  app.get(
    base,
    {
      config: { access: 'policies.read' },
      schema: {
        tags,
        summary: 'List policies (an enterprise: published policies it is eligible for)',
        querystring: policyListQuerySchema,
        response: { 200: pageOf(policySchema), ...errors },
      },
    },
    async (req) => {
      const { data, total } = await service.listPolicies(db, await scopeOf(app, req), req.query);
      return { data: data.map(present), total, current: req.query.current, pageSize: req.query.pageSize };
    },
  );

  app.post(
    base,
    {
      config: { access: 'policies.write' },
      schema: {
        tags,
        summary: 'Create a draft policy',
        body: policyInputSchema,
        response: { 200: policySchema, ...errors },
      },
    },
    async (req) => present(await service.createPolicy(db, await scopeOf(app, req), req.body)),
  );

  app.post(
    `${base}/preview`,
    {
      config: { access: 'policies.write' },
      schema: {
        tags,
        summary: 'Enterprises eligible today under some rules (the rule editor’s preview)',
        body: z.object({ rules: policyRulesSchema }),
        response: { 200: z.array(policyMatchSchema.omit({ notifiedOn: true })), ...errors },
      },
    },
    async (req) => service.previewMatches(db, await scopeOf(app, req), req.body.rules),
  );

  app.get(
    `${base}/:id`,
    {
      config: { access: 'policies.read' },
      schema: { tags, summary: 'One policy', params: idParams, response: { 200: policySchema, ...errors } },
    },
    async (req) => {
      const p = await service.getPolicy(db, await scopeOf(app, req), req.params.id);
      if (!p) throw notFound();
      return present(p);
    },
  );

  app.put(
    `${base}/:id`,
    {
      config: { access: 'policies.write' },
      schema: {
        tags,
        summary: 'Edit a draft policy',
        params: idParams,
        body: policyInputSchema,
        response: { 200: policySchema, ...errors },
      },
    },
    async (req) => present(await service.updatePolicy(db, await scopeOf(app, req), req.params.id, req.body)),
  );

  app.post(
    `${base}/:id/publish`,
    {
      config: { access: 'policies.write' },
      schema: {
        tags,
        summary: 'Publish: match eligible enterprises and notify them',
        params: idParams,
        response: { 200: policySchema, ...errors },
      },
    },
    async (req) => present(await service.publishPolicy(db, await scopeOf(app, req), req.params.id)),
  );

  app.get(
    `${base}/:id/matches`,
    {
      config: { access: 'policies.read' },
      schema: {
        tags,
        summary: 'Enterprises matched at publication (an enterprise: itself only)',
        params: idParams,
        response: { 200: z.array(policyMatchSchema), ...errors },
      },
    },
    async (req) => service.listMatches(db, await scopeOf(app, req), req.params.id),
  );
}
