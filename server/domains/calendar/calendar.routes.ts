import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  calendarMonthQuerySchema,
  calendarMonthSchema,
  calendarPublishInputSchema,
  calendarPublishResultSchema,
  calendarVersionParams,
  calendarVersionSchema,
  calendarYearDetailSchema,
  calendarYearParams,
  calendarYearSchema,
  workdaysAddQuerySchema,
  workdaysAddSchema,
  workdaysBetweenQuerySchema,
  workdaysBetweenSchema,
} from '../../../shared/calendar';
import { errorBodySchema } from '../../../shared/common';
import { calendarOf } from '../../platform/calendar';
import { notFound } from '../../platform/errors';
import { requireActor } from '../../platform/http/guard';
import { registerImportKind } from '../imports/imports.registry';
import { calendarImport } from './calendar.import';
import * as service from './calendar.service';

const tags = ['calendar'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/**
 * The national working-day calendar (platform reference data: no zone, every role reads it, the platform
 * admin publishes new versions of a year's arrangement).
 */
export async function calendarRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  registerImportKind(calendarImport);

  app.get(
    '/api/calendar/years',
    {
      config: { access: 'calendar.read' },
      schema: {
        tags,
        summary: 'Years with a published arrangement, each with its current version',
        response: { 200: z.array(calendarYearSchema), ...errors },
      },
    },
    async () => service.listYears(db),
  );

  app.get(
    '/api/calendar/years/:year',
    {
      config: { access: 'calendar.read' },
      schema: {
        tags,
        summary: "A year's current arrangement (holidays and make-up working days) and all its versions",
        params: calendarYearParams,
        response: { 200: calendarYearDetailSchema, ...errors },
      },
    },
    async (req) => {
      const year = await service.getYear(db, req.params.year);
      if (!year) throw notFound();
      return year;
    },
  );

  app.get(
    '/api/calendar/years/:year/versions/:version',
    {
      config: { access: 'calendar.read' },
      schema: {
        tags,
        summary: 'One version of a year’s arrangement (older versions stay readable)',
        params: calendarVersionParams,
        response: { 200: calendarVersionSchema, ...errors },
      },
    },
    async (req) => {
      const version = await service.getVersion(db, req.params.year, req.params.version);
      if (!version) throw notFound();
      return version;
    },
  );

  app.post(
    '/api/calendar/years/:year/versions',
    {
      config: { access: 'calendar.write' },
      schema: {
        tags,
        summary: 'Publish a new version of a year’s arrangement; open deadlines are recomputed (audited)',
        params: calendarYearParams,
        body: calendarPublishInputSchema,
        response: { 200: calendarPublishResultSchema, ...errors },
      },
    },
    async (req) => service.publishVersion(db, requireActor(req), req.params.year, req.body),
  );

  app.get(
    '/api/calendar/workdays/add',
    {
      config: { access: 'calendar.read' },
      schema: {
        tags,
        summary: 'Deadline: the n-th working day counted from the day after start',
        querystring: workdaysAddQuerySchema,
        response: { 200: workdaysAddSchema, ...errors },
      },
    },
    async (req) => {
      const { start, n } = req.query;
      return { start, n, ...(await calendarOf(db)).addWorkdays(start, n) };
    },
  );

  app.get(
    '/api/calendar/workdays/between',
    {
      config: { access: 'calendar.read' },
      schema: {
        tags,
        summary: 'Working days after `from` up to and including `to` (negative when to < from)',
        querystring: workdaysBetweenQuerySchema,
        response: { 200: workdaysBetweenSchema, ...errors },
      },
    },
    async (req) => {
      const { from, to } = req.query;
      return { from, to, ...(await calendarOf(db)).workdaysBetween(from, to) };
    },
  );

  app.get(
    '/api/calendar/month',
    {
      config: { access: 'calendar.read' },
      schema: {
        tags,
        summary: 'Every day of a month with whether it is a working day (for a calendar view)',
        querystring: calendarMonthQuerySchema,
        response: { 200: calendarMonthSchema, ...errors },
      },
    },
    async (req) => service.monthView(db, req.query.month),
  );
}
