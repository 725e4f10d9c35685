import type { FastifyInstance } from 'fastify';
import { demandsRoutes } from './demands.routes';
import { visitsRoutes } from './visits.routes';

/** 企业服务: demands and visits (one registration in app.ts). */
export async function servicesRoutes(app: FastifyInstance): Promise<void> {
  await app.register(demandsRoutes);
  await app.register(visitsRoutes);
}
