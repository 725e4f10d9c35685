import type { FastifyInstance } from 'fastify';
import { demandsRoutes } from './demands.routes';
import { inspectionsRoutes } from './inspections.routes';
import { officersRoutes } from './officers.routes';
import { tiersRoutes } from './tiers.routes';
import { visitsRoutes } from './visits.routes';

/** 企业服务: demands, visits and inspections (one registration in app.ts). */
export async function servicesRoutes(app: FastifyInstance): Promise<void> {
  await app.register(demandsRoutes);
  await app.register(visitsRoutes);
  await app.register(inspectionsRoutes);
  await app.register(officersRoutes);
  await app.register(tiersRoutes);
}
