import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, okSchema, pageOf } from '../../../shared/common';
import {
  contractInputSchema,
  contractListQuerySchema,
  contractSchema,
  idleRunResultSchema,
  landStatsQuerySchema,
  landStatsSchema,
  parcelGeoJsonImportSchema,
  parcelImportResultSchema,
  parcelInputSchema,
  parcelListQuerySchema,
  parcelMapSchema,
  parcelSchema,
  patrolInputSchema,
  patrolListQuerySchema,
  patrolSchema,
  reviewInputSchema,
  reviewSchema,
} from '../../../shared/land';
import { notFound } from '../../platform/errors';
import { pages, sendXlsx } from '../../platform/excel/export';
import { crudRoutes, idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import { registerImportKind } from '../imports/imports.registry';
import { idleQueue, registerLandTimeline, runIdleEvaluation } from './land.idle';
import { contractImport, parcelExportColumns, parcelImport } from './land.import';
import * as repo from './land.repository';
import * as service from './land.service';
import { landStats } from './land.stats';

const tags = ['land'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** Land: parcels and their map, standard-land contracts and reviews, the idle-land evaluation, patrols. */
export async function landRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  registerImportKind(parcelImport);
  registerImportKind(contractImport);
  registerLandTimeline();
  await app.ctx.jobs.define(idleQueue(db, app.ctx.jobs));

  app.get(
    '/api/land/parcels/map',
    {
      config: { access: 'land.read' },
      schema: {
        tags,
        summary: 'Every parcel as GeoJSON with status, idle flag and the owner’s latest 亩均 class (for the map)',
        response: { 200: parcelMapSchema, ...errors },
      },
    },
    async (req) => repo.parcelMap(db, await scopeOf(app, req)),
  );

  app.get(
    '/api/land/parcels/export.xlsx',
    {
      config: { access: 'land.read' },
      schema: {
        tags,
        summary: 'Export parcels (same filters as the list) as .xlsx, boundary included',
        querystring: parcelListQuerySchema,
        response: { 403: errorBodySchema },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const { current: _c, pageSize: _p, ...filters } = req.query;
      return sendXlsx(reply, {
        fileName: req.locale === 'zh-CN' ? '地块' : 'Parcels',
        sheet: req.locale === 'zh-CN' ? '地块' : 'Parcels',
        columns: parcelExportColumns(),
        rows: pages((offset, limit) => repo.parcelPage(db, scope, filters, offset, limit)),
        locale: req.locale,
      });
    },
  );

  app.post(
    '/api/land/parcels/import-geojson',
    {
      config: { access: 'land.write' },
      schema: {
        tags,
        summary: 'Import parcels from a GeoJSON FeatureCollection (matched by properties.code), all or nothing',
        body: parcelGeoJsonImportSchema,
        response: { 200: parcelImportResultSchema, ...errors },
      },
    },
    async (req) => service.importGeoJson(db, await scopeOf(app, req), req.body),
  );

  crudRoutes(app, {
    path: '/api/land/parcels',
    tag: 'land',
    noun: 'parcel',
    read: 'land.read',
    write: 'land.write',
    listQuery: parcelListQuerySchema,
    input: parcelInputSchema,
    output: parcelSchema,
    list: (scope, q) => repo.listParcels(db, scope, q),
    get: (scope, id) => repo.getParcel(db, scope, id),
    create: (scope, input) => service.createParcel(db, scope, input),
    update: (scope, id, input) => service.updateParcel(db, scope, id, input),
    remove: (scope, id) => service.deleteParcel(db, scope, id),
  });

  crudRoutes(app, {
    path: '/api/land/contracts',
    tag: 'land',
    noun: 'standard-land contract',
    read: 'land.read',
    write: 'land.write',
    listQuery: contractListQuerySchema,
    input: contractInputSchema,
    output: contractSchema,
    list: (scope, q) => repo.listContracts(db, scope, q),
    get: (scope, id) => repo.getContract(db, scope, id),
    create: (scope, input) => service.createContract(db, scope, input),
    update: (scope, id, input) => service.updateContract(db, scope, id, input),
    remove: (scope, id) => service.deleteContract(db, scope, id),
  });

  app.get(
    '/api/land/contracts/:id/reviews',
    {
      config: { access: 'land.read' },
      schema: {
        tags,
        summary: 'Completion acceptances and production reviews of a contract, newest first',
        params: idParams,
        response: { 200: z.array(reviewSchema), ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      if (!(await repo.getContract(db, scope, req.params.id))) throw notFound();
      return (await repo.listReviews(db, scope, req.params.id)).map(present);
    },
  );

  app.post(
    '/api/land/contracts/:id/reviews',
    {
      config: { access: 'land.write' },
      schema: {
        tags,
        summary: '竣工验收 or 达产复核: checks against the commitments and the penalty, line by line',
        params: idParams,
        body: reviewInputSchema,
        response: { 200: reviewSchema, ...errors },
      },
    },
    async (req) => present(await service.reviewContract(db, await scopeOf(app, req), req.params.id, req.body)),
  );

  app.get(
    '/api/land/patrols',
    {
      config: { access: 'land.read' },
      schema: {
        tags,
        summary: 'List patrols (巡查), newest first',
        querystring: patrolListQuerySchema,
        response: { 200: pageOf(patrolSchema), ...errors },
      },
    },
    async (req) => {
      const page = await repo.listPatrols(db, await scopeOf(app, req), req.query);
      return { ...page, data: page.data.map(present), current: req.query.current, pageSize: req.query.pageSize };
    },
  );

  app.post(
    '/api/land/patrols',
    {
      config: { access: 'land.write' },
      schema: {
        tags,
        summary: 'Record a patrol of a parcel with photos',
        body: patrolInputSchema,
        response: { 200: patrolSchema, ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      const row = await service.createPatrol(db, scope, req.body);
      const { zoneId: _z, createdBy: _c, ...rest } = row;
      return present({
        ...rest,
        parcelCode: (await repo.getParcel(db, scope, row.parcelId))!.code,
        inspectorName: scope.actor.displayName,
      });
    },
  );

  app.delete(
    '/api/land/patrols/:id',
    {
      config: { access: 'land.write' },
      schema: { tags, summary: 'Delete a patrol record', params: idParams, response: { 200: okSchema, ...errors } },
    },
    async (req) => {
      await service.deletePatrol(db, await scopeOf(app, req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/land/stats',
    {
      config: { access: 'land.read' },
      schema: {
        tags,
        summary: 'Patrol coverage, start/completion default rates, idle and revitalised mu over a period',
        querystring: landStatsQuerySchema,
        response: { 200: landStatsSchema, ...errors },
      },
    },
    async (req) => landStats(db, await scopeOf(app, req), req.query.from, req.query.to),
  );

  app.post(
    '/api/land/idle/run',
    {
      config: { access: 'land.write' },
      schema: {
        tags,
        summary: 'Run the idle-land evaluation of this zone now (the daily job runs it for every zone)',
        body: z.object({ asOf: z.iso.date() }),
        response: { 200: idleRunResultSchema, ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      return runIdleEvaluation(db, req.body.asOf, scope.zoneId);
    },
  );
}
