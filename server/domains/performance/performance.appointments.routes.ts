import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/common';
import {
  applicantInputSchema,
  appointmentInputSchema,
  appointmentListQuerySchema,
  appointmentSchema,
  roundInputSchema,
  roundSchema,
  roundScoresSchema,
} from '../../../shared/performance';
import { notFound } from '../../platform/errors';
import { idParams, scopeOf } from '../../platform/http/crud';
import * as appointmentsSvc from './performance.appointments';
import * as rounds from './performance.rounds';

const tags = ['performance'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** 聘任: appointment terms, and 竞聘上岗 rounds that end in appointments. */
export function appointmentRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  // ---------------------------------------------------------------- appointments (聘任)

  app.get(
    '/api/performance/appointments',
    {
      config: { access: 'performance.read' },
      schema: {
        tags,
        summary:
          'Appointment terms: a person’s history with archive rank beside appointed post (双轨), or expiry alerts',
        querystring: appointmentListQuerySchema,
        response: { 200: z.array(appointmentSchema), ...errors },
      },
    },
    async (req) => appointmentsSvc.listAppointments(db, await scopeOf(app, req), req.query),
  );

  app.post(
    '/api/performance/appointments',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary:
          'Appoint a person to a post for a term; beyond the consecutive-term limit a committee decision is required',
        body: appointmentInputSchema,
        response: { 200: appointmentSchema, ...errors },
      },
    },
    async (req) => appointmentsSvc.appoint(db, await scopeOf(app, req), req.body),
  );

  // ---------------------------------------------------------------- competitive appointment rounds (竞聘上岗)

  // 竞聘上岗 rounds: leaders run them; every performance reader sees them (results are public by design: 公示).
  app.get(
    '/api/performance/rounds',
    {
      config: { access: 'performance.read' },
      schema: { tags, summary: 'Competitive appointment rounds', response: { 200: z.array(roundSchema), ...errors } },
    },
    async (req) => rounds.listRounds(db, await scopeOf(app, req)),
  );
  app.post(
    '/api/performance/rounds',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Open a round: posts on offer with seats, score weights, pass score, publicity days',
        body: roundInputSchema,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => rounds.createRound(db, await scopeOf(app, req), req.body),
  );
  app.get(
    '/api/performance/rounds/:id',
    {
      config: { access: 'performance.read' },
      schema: {
        tags,
        summary: 'One round with applicants',
        params: idParams,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => {
      const r = await rounds.getRound(db, await scopeOf(app, req), req.params.id);
      if (!r) throw notFound();
      return r;
    },
  );
  app.post(
    '/api/performance/rounds/:id/applicants',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Register an applicant for one post (one post per person per round)',
        params: idParams,
        body: applicantInputSchema,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => rounds.addApplicant(db, await scopeOf(app, req), req.params.id, req.body),
  );
  app.put(
    '/api/performance/rounds/:id/scores',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Record written and interview scores (totals recomputed)',
        params: idParams,
        body: roundScoresSchema,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => rounds.saveScores(db, await scopeOf(app, req), req.params.id, req.body.scores),
  );
  app.post(
    '/api/performance/rounds/:id/publish',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Rank per post, select within seats and pass score, open the publicity period',
        params: idParams,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => rounds.publishRound(db, await scopeOf(app, req), req.params.id),
  );
  app.post(
    '/api/performance/rounds/:id/finalize',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'After publicity: appoint the selected applicants (term rules apply)',
        params: idParams,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => rounds.finalizeRound(db, await scopeOf(app, req), req.params.id),
  );
}
