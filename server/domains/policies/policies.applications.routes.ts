import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, pageOf } from '../../../shared/common';
import {
  applicationInputSchema,
  applicationListQuerySchema,
  applicationReviewSchema,
  applicationSchema,
  disclosureRowSchema,
  payoutInputSchema,
  payoutSchema,
} from '../../../shared/policies';
import { notFound } from '../../platform/errors';
import { idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import * as service from './policies.applications';

const tags = ['policies'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const A = '/api/policies/applications';

/** 统一申报、统一受理、统一公开: applications with a correction loop, review, payouts and the public disclosure. */
export async function policyApplicationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  app.post(
    '/api/policies/:id/apply',
    {
      config: { access: 'policies.apply' },
      schema: {
        tags,
        summary: 'The enterprise applies for a policy it is eligible for (once)',
        params: idParams,
        body: applicationInputSchema,
        response: { 200: applicationSchema, ...errors },
      },
    },
    async (req) => present(await service.applyForPolicy(db, await scopeOf(app, req), req.params.id, req.body)),
  );
  app.get(
    A,
    {
      config: { access: 'policies.read' },
      schema: {
        tags,
        summary: 'Applications (an enterprise: its own)',
        querystring: applicationListQuerySchema,
        response: { 200: pageOf(applicationSchema), ...errors },
      },
    },
    async (req) => {
      const { data, total } = await service.listApplications(db, await scopeOf(app, req), req.query);
      return { data: data.map(present), total, current: req.query.current, pageSize: req.query.pageSize };
    },
  );
  app.get(
    `${A}/:id`,
    {
      config: { access: 'policies.read' },
      schema: { tags, summary: 'One application', params: idParams, response: { 200: applicationSchema, ...errors } },
    },
    async (req) => {
      const a = await service.getApplication(db, await scopeOf(app, req), req.params.id);
      if (!a) throw notFound();
      return present(a);
    },
  );
  app.post(
    `${A}/:id/resubmit`,
    {
      config: { access: 'policies.apply' },
      schema: {
        tags,
        summary: 'Resubmit an application returned for correction (补正)',
        params: idParams,
        body: applicationInputSchema,
        response: { 200: applicationSchema, ...errors },
      },
    },
    async (req) => present(await service.resubmitApplication(db, await scopeOf(app, req), req.params.id, req.body)),
  );
  app.post(
    `${A}/:id/review`,
    {
      config: { access: 'policies.review' },
      schema: {
        tags,
        summary: 'Return for correction, reject, or approve with the award',
        params: idParams,
        body: applicationReviewSchema,
        response: { 200: applicationSchema, ...errors },
      },
    },
    async (req) => present(await service.reviewApplication(db, await scopeOf(app, req), req.params.id, req.body)),
  );
  app.get(
    `${A}/:id/payouts`,
    {
      config: { access: 'policies.read' },
      schema: {
        tags,
        summary: 'Payouts of an application',
        params: idParams,
        response: { 200: z.array(payoutSchema), ...errors },
      },
    },
    async (req) => (await service.listPayouts(db, await scopeOf(app, req), req.params.id)).map(present),
  );
  app.post(
    `${A}/:id/payouts`,
    {
      config: { access: 'policies.review' },
      schema: {
        tags,
        summary: 'Record a payment (兑现); the total never exceeds the award',
        params: idParams,
        body: payoutInputSchema,
        response: { 200: applicationSchema, ...errors },
      },
    },
    async (req) => present(await service.recordPayout(db, await scopeOf(app, req), req.params.id, req.body)),
  );
  app.get(
    '/api/public/policies/:id/awards',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Public disclosure (公示) of the approved awards of a zone (id = zone id), without login',
        params: idParams,
        security: [],
        response: { 200: z.array(disclosureRowSchema), 400: errorBodySchema },
      },
    },
    async (req) => service.disclosure(db, req.params.id),
  );
}
