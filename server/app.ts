import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { approvalRoutes } from './domains/approval/approval.routes';
import { auditRoutes } from './domains/audit/audit.routes';
import { authRoutes } from './domains/auth/auth.routes';
import { calendarRoutes } from './domains/calendar/calendar.routes';
import { cockpitRoutes } from './domains/cockpit/cockpit.routes';
import { economyRoutes } from './domains/economy/economy.routes';
import { efficiencyRoutes } from './domains/efficiency/efficiency.routes';
import { enterprisesRoutes } from './domains/enterprises/enterprises.routes';
import { filesRoutes } from './domains/files/files.routes';
import { importsRoutes } from './domains/imports/imports.routes';
import { investmentRoutes } from './domains/investment/investment.routes';
import { investmentLibraryRoutes } from './domains/investment/library.routes';
import { landRoutes } from './domains/land/land.routes';
import { orgRoutes } from './domains/org/org.routes';
// performance
import { performanceRoutes } from './domains/performance/performance.routes';
// policies (惠企政策)
import { policiesRoutes } from './domains/policies/policies.routes';
import { projectsRoutes } from './domains/projects/projects.routes';
// reform
import { reformRoutes } from './domains/reform/reform.routes';
// services (企业服务)
import { servicesRoutes } from './domains/services/services.routes';
import { systemRoutes } from './domains/system/system.routes';
import { tenancyRoutes } from './domains/tenancy/tenancy.routes';
import { usersRoutes } from './domains/users/users.routes';
import type { Env } from './env';
import { configurePasswords } from './platform/auth/password';
import type { Database } from './platform/db';
import { statisticsQueue } from './platform/db/statistics';
import { registerErrorHandler } from './platform/http/error-handler';
import { registerGuard } from './platform/http/guard';
import { registerSerializer } from './platform/http/serializer';
import { t } from './platform/i18n';
import { createJobs } from './platform/jobs';
import { diskStore } from './platform/storage';
import { s3Store } from './platform/storage-s3';
import './platform/http/types';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/** One tag per domain in the OpenAPI document. */
export const API_TAGS = [
  { name: 'system', description: 'Health and version' },
  { name: 'auth', description: 'Sign-in, sessions, own profile and password' },
  { name: 'tenancy', description: 'Provinces, zones (tenants) and sub-parks' },
  { name: 'org', description: 'Departments, posts and staff (双轨: archive rank vs appointed post)' },
  { name: 'users', description: 'Accounts and roles (platform admin)' },
  { name: 'audit', description: 'Append-only hash-chained audit log' },
  {
    name: 'imports',
    description: 'Excel/CSV imports: templates, uploads worked as background jobs (all-or-nothing), error reports',
  },
  { name: 'calendar', description: 'Working-day calendar: State Council holiday arrangements (versioned), deadlines' },
  {
    name: 'enterprises',
    description: '企业库: enterprise registry (credit code, GB/T 4754 industry, scale, tags), timeline, industry codes',
  },
  { name: 'files', description: 'Attachments (photos, evidence, materials): upload, metadata, download' },
  {
    name: 'economy',
    description:
      '经济运行: indicator catalogue, monthly values and targets, YoY / 1–N月 cumulative / completion, rankings',
  },
  {
    name: 'cockpit',
    description: '驾驶舱: zone leader and province screens whose every figure drills down to a list, monthly report',
  },
  // approval (一站式审批)
  { name: 'approval', description: '一站式审批: catalogue, cases (办件) with working-day clocks, bundles, metrics' },
  // services (企业服务)
  {
    name: 'services',
    description:
      '企业服务: demands (诉求/问题卡) with working-day limits, dispatch, escalation, satisfaction; service rules',
  },
  // policies (惠企政策)
  { name: 'policies', description: '惠企政策: structured eligibility rules, matching and notification of enterprises' },
  // performance
  {
    name: 'performance',
    description:
      '考核与薪酬: appraisal cycles, KPI cascade, indicator sources, grades with quotas, calibration, appeals, pay runs',
  },
  // investment & projects
  {
    name: 'investment',
    description: '招商引资: project pipeline (stage sets, evidence + approval), opinions, teams, targets, funnel',
  },
  {
    name: 'projects',
    description:
      '重大项目调度: key projects, traffic lights, monthly investment, dispatch meetings and issues, metrics',
  },
  // Land and per-mu efficiency (亩均论英雄)
  { name: 'efficiency', description: '亩均论英雄: per-mu evaluation runs, scores by indicator, classes and policies' },
  { name: 'land', description: 'Parcels and map, standard-land contracts and reviews (达产复核), idle land, patrols' },
  // reform
  {
    name: 'reform',
    description:
      '体制改革: versioned authority lists (diff), 园区吹哨 matters with working-day deadlines, before/after counts',
  },
];

export interface BuildAppOptions {
  database: Database;
  env: Env;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the whole HTTP application; tests import this and call `inject`, main.ts calls `listen`. */
export async function buildApp({ database, env, logger }: BuildAppOptions): Promise<FastifyInstance> {
  configurePasswords({ memoryCost: env.ARGON2_MEMORY_KIB, timeCost: env.ARGON2_TIME_COST });
  const app = Fastify({
    logger: logger ?? { level: env.LOG_LEVEL },
    trustProxy: env.TRUST_PROXY,
    bodyLimit: 2 * 1024 * 1024,
  });
  const jobs = createJobs(database, {
    schema: env.JOBS_SCHEMA,
    work: env.JOBS_WORKER,
    pollingIntervalSeconds: env.JOBS_POLL_SECONDS,
    onError: (err) => app.log.error({ err }, 'background job runner error'),
  });
  const files =
    env.FILES_STORAGE === 's3'
      ? s3Store({
          endpoint: env.S3_ENDPOINT!,
          bucket: env.S3_BUCKET!,
          region: env.S3_REGION,
          accessKeyId: env.S3_ACCESS_KEY_ID!,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
          prefix: env.S3_PREFIX,
          pathStyle: env.S3_PATH_STYLE,
        })
      : diskStore(env.FILES_DIR ?? resolve(env.DATA_DIR, 'files'));
  app.decorate('ctx', { database, env, version: VERSION, jobs, files });
  const statisticsSeconds = env.DB_STATISTICS_SECONDS ?? (env.NODE_ENV === 'test' ? 0 : 60);
  if (statisticsSeconds > 0) await jobs.define(statisticsQueue(database, statisticsSeconds, app.log));
  // Domains define their queues while their routes register; workers start once the app is ready and stop (after
  // running jobs finish, bounded) when it closes, before main.ts closes the database.
  app.addHook('onReady', () => jobs.start());
  app.addHook('onClose', () => jobs.stop());
  app.setValidatorCompiler(validatorCompiler);
  registerSerializer(app, env.RESPONSE_SERIALIZER ?? (env.NODE_ENV === 'production' ? 'fast' : 'checked'));

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ZoneOS API',
        description:
          'ZoneOS 园区治理与服务平台. Session cookie auth; unsafe methods need the X-CSRF-Token header; X-Zone-Id picks the zone for multi-zone accounts.',
        version: VERSION,
      },
      tags: API_TAGS,
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zoneos_sid' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerGuard(app);
  registerErrorHandler(app);

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(tenancyRoutes);
  await app.register(orgRoutes);
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(importsRoutes);
  await app.register(calendarRoutes);
  await app.register(enterprisesRoutes);
  await app.register(filesRoutes);
  await app.register(economyRoutes);
  await app.register(cockpitRoutes);
  // approval (一站式审批)
  await app.register(approvalRoutes);
  // services (企业服务)
  await app.register(servicesRoutes);
  // policies (惠企政策)
  await app.register(policiesRoutes);
  // performance
  await app.register(performanceRoutes);
  // investment & projects
  await app.register(investmentRoutes);
  await app.register(investmentLibraryRoutes);
  await app.register(projectsRoutes);
  // Land and per-mu efficiency (亩均论英雄)
  await app.register(efficiencyRoutes);
  await app.register(landRoutes);
  // reform
  await app.register(reformRoutes);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const webRoot = resolve(env.WEB_DIST);
  const hasWeb = existsSync(resolve(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      maxAge: '1h',
      preCompressed: true,
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb) {
      return reply.code(404).send({ code: 'ROUTE_NOT_FOUND', message: t(req.locale ?? 'zh-CN', 'ROUTE_NOT_FOUND') });
    }
    // Single-page app: every other GET gets index.html and the client router takes over.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
