import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, pageOf } from '../../../shared/common';
import {
  demandComplexInputSchema,
  demandHistoryItemSchema,
  demandInputSchema,
  demandListQuerySchema,
  demandMetricsQuerySchema,
  demandMetricsRowSchema,
  demandRateInputSchema,
  demandReopenInputSchema,
  demandReplyInputSchema,
  demandResolveInputSchema,
  demandReturnInputSchema,
  demandRouteInputSchema,
  demandRoutingRuleInputSchema,
  demandRoutingRuleSchema,
  demandSchema,
  demandTags,
  escalationRunInputSchema,
  serviceRulesInputSchema,
  serviceRulesRowSchema,
} from '../../../shared/services';
import { notFound } from '../../platform/errors';
import type { ExportColumn } from '../../platform/excel/export';
import { pages, sendXlsx } from '../../platform/excel/export';
import { idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import * as repo from './demands.repository';
import * as service from './demands.service';
import { shanghaiToday } from './services.rules';
import * as settings from './services.settings';

const tags = ['services'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

type Col = [string, string, string, (r: repo.DemandRow) => unknown];
const demandExportColumns: ExportColumn<repo.DemandRow>[] = (
  [
    ['serial', '编号', 'Serial', (r) => r.serial],
    ['enterprise', '企业', 'Enterprise', (r) => r.enterpriseName],
    ['title', '标题', 'Title', (r) => r.title],
    ['source', '来源', 'Source', (r) => r.source],
    ['tags', '分类', 'Tags', (r) => r.tags.join('、')],
    ['status', '状态', 'Status', (r) => r.status],
    ['department', '承办部门', 'Department', (r) => r.departmentName ?? r.externalBody ?? ''],
    ['receivedOn', '受理日期', 'Received', (r) => r.receivedOn],
    ['signDue', '签收时限', 'Sign by', (r) => r.signDue],
    ['replyDue', '答复时限', 'Reply by', (r) => r.replyDue],
    ['resolveDue', '办结时限', 'Resolve by', (r) => r.resolveDue],
    ['resolvedOn', '办结日期', 'Resolved', (r) => r.resolvedOn ?? ''],
    ['escalation', '督办级别', 'Escalation', (r) => r.escalationLevel],
    ['satisfaction', '满意度', 'Satisfaction', (r) => r.satisfaction ?? ''],
  ] satisfies Col[]
).map(([key, zh, en, value]) => ({
  column: { key, header: { 'zh-CN': zh, 'en-US': en }, type: 'string' as const },
  value,
}));

/** 诉求/问题卡: intake, dispatch (分派/吹哨), sign/reply/resolve, complex extension, escalation, callback, reopening. */
export async function demandsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  const base = '/api/services/demands';
  const item = `${base}/:id`;

  app.get(
    base,
    {
      config: { access: 'demands.read' },
      schema: {
        tags,
        summary: 'List demands (enterprise users: their own; department roles: routed to their department)',
        querystring: demandListQuerySchema,
        response: { 200: pageOf(demandSchema), ...errors },
      },
    },
    async (req) => {
      const { data, total } = await repo.listDemands(db, await scopeOf(app, req), req.query, shanghaiToday());
      return { data: data.map(present), total, current: req.query.current, pageSize: req.query.pageSize };
    },
  );

  app.get(
    `${base}/export.xlsx`,
    {
      config: { access: 'demands.read' },
      schema: {
        tags,
        summary: 'Export the demand list as .xlsx (same filters, sort and scope as the list)',
        querystring: demandListQuerySchema,
        response: { 400: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const today = shanghaiToday();
      const title = req.locale === 'zh-CN' ? '诉求' : 'Demands';
      return sendXlsx(reply, {
        fileName: `${title}-${today}`,
        sheet: title,
        columns: demandExportColumns,
        rows: pages((offset, limit) => repo.demandPage(db, scope, filters, today, offset, limit)),
        locale: req.locale,
      });
    },
  );

  app.get(
    `${base}/metrics`,
    {
      config: { access: 'services.metrics' },
      schema: {
        tags,
        summary: 'Demands received / closed / on time / satisfaction per department (received in [from, to])',
        querystring: demandMetricsQuerySchema,
        response: { 200: z.array(demandMetricsRowSchema), ...errors },
      },
    },
    async (req) => repo.demandMetrics(db, await scopeOf(app, req), req.query.from, req.query.to),
  );

  app.post(
    base,
    {
      config: { access: 'demands.create' },
      schema: {
        tags,
        summary: 'Raise a demand (portal, visit or hotline); routed by tag rules when one matches',
        body: demandInputSchema,
        response: { 200: demandSchema, ...errors },
      },
    },
    async (req) => present(await service.createDemand(db, await scopeOf(app, req), req.body)),
  );

  app.get(
    item,
    {
      config: { access: 'demands.read' },
      schema: { tags, summary: 'One demand', params: idParams, response: { 200: demandSchema, ...errors } },
    },
    async (req) => {
      const d = await repo.getDemand(db, await scopeOf(app, req), req.params.id, shanghaiToday());
      if (!d) throw notFound();
      return present(d);
    },
  );

  app.get(
    `${item}/history`,
    {
      config: { access: 'demands.read' },
      schema: {
        tags,
        summary: "The demand's history (its audit events), oldest first",
        params: idParams,
        response: { 200: z.array(demandHistoryItemSchema), ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      if (!(await repo.getDemand(db, scope, req.params.id, shanghaiToday()))) throw notFound();
      return repo.demandHistory(db, scope, req.params.id);
    },
  );

  const action = <S extends z.ZodType>(
    path: string,
    access: 'demands.dispatch' | 'demands.handle' | 'demands.extend' | 'demands.rate',
    summary: string,
    body: S | null,
    run: (scope: Awaited<ReturnType<typeof scopeOf>>, id: string, body: z.infer<S>) => Promise<repo.DemandRow>,
  ) =>
    app.post(
      `${item}/${path}`,
      {
        config: { access },
        schema: {
          tags,
          summary,
          params: idParams,
          ...(body ? { body } : {}),
          response: { 200: demandSchema, ...errors },
        },
      },
      async (req) => present(await run(await scopeOf(app, req), req.params.id, req.body as z.infer<S>)),
    );

  action(
    'route',
    'demands.dispatch',
    'Dispatch to a department, or whistle to an outside body (吹哨)',
    demandRouteInputSchema,
    (s, id, b) => service.routeDemand(db, s, id, b),
  );
  action(
    'return',
    'demands.handle',
    'The department sends the demand back to the dispatchers',
    demandReturnInputSchema,
    (s, id, b) => service.returnDemand(db, s, id, b.reason),
  );
  action('sign', 'demands.handle', 'Sign for the demand (签收)', null, (s, id) => service.signDemand(db, s, id));
  action('reply', 'demands.handle', 'First reply to the enterprise (答复)', demandReplyInputSchema, (s, id, b) =>
    service.replyDemand(db, s, id, b.reply),
  );
  action(
    'complex',
    'demands.extend',
    'Mark as complex: the resolution limit becomes the complex limit',
    demandComplexInputSchema,
    (s, id, b) => service.markComplex(db, s, id, b.reason),
  );
  action('resolve', 'demands.handle', 'Resolve with evidence (办结)', demandResolveInputSchema, (s, id, b) =>
    service.resolveDemand(db, s, id, b),
  );
  action(
    'rate',
    'demands.rate',
    'Satisfaction callback; unsatisfied reopens the demand',
    demandRateInputSchema,
    (s, id, b) => service.rateDemand(db, s, id, b),
  );
  action('reopen', 'demands.dispatch', 'Reopen a resolved or closed demand', demandReopenInputSchema, (s, id, b) =>
    service.reopenDemand(db, s, id, b.reason),
  );

  app.post(
    '/api/services/escalations/run',
    {
      config: { access: 'demands.dispatch' },
      schema: {
        tags,
        summary: 'Escalate open demands that missed a limit as of a date (督办)',
        body: escalationRunInputSchema,
        response: { 200: z.object({ asOf: z.string(), escalated: z.number().int() }), ...errors },
      },
    },
    async (req) => service.runEscalations(db, await scopeOf(app, req), req.body.asOf),
  );

  app.get(
    '/api/services/rules',
    {
      config: { access: 'demands.read' },
      schema: {
        tags,
        summary: "The zone's service rules for a year (working-day limits, escalation, visit window)",
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: serviceRulesRowSchema, ...errors },
      },
    },
    async (req) =>
      settings.getRules(db, await scopeOf(app, req), req.query.year ?? Number(shanghaiToday().slice(0, 4))),
  );

  app.put(
    '/api/services/rules',
    {
      config: { access: 'services.rules.write' },
      schema: {
        tags,
        summary: "Set a year's service rules",
        body: serviceRulesInputSchema,
        response: { 200: serviceRulesRowSchema, ...errors },
      },
    },
    async (req) => settings.putRules(db, await scopeOf(app, req), req.body),
  );

  app.get(
    '/api/services/routing-rules',
    {
      config: { access: 'demands.read' },
      schema: {
        tags,
        summary: 'Tag → department routing rules (分类派单)',
        response: { 200: z.array(demandRoutingRuleSchema), ...errors },
      },
    },
    async (req) => settings.listRoutingRules(db, await scopeOf(app, req)),
  );

  app.put(
    '/api/services/routing-rules',
    {
      config: { access: 'services.rules.write' },
      schema: {
        tags,
        summary: 'Set the department of a tag',
        body: demandRoutingRuleInputSchema,
        response: { 200: z.array(demandRoutingRuleSchema), ...errors },
      },
    },
    async (req) => settings.putRoutingRule(db, await scopeOf(app, req), req.body),
  );

  app.delete(
    '/api/services/routing-rules/:tag',
    {
      config: { access: 'services.rules.write' },
      schema: {
        tags,
        summary: 'Remove the routing rule of a tag',
        params: z.object({ tag: z.enum(demandTags) }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req) => {
      await settings.deleteRoutingRule(db, await scopeOf(app, req), req.params.tag);
      return { ok: true as const };
    },
  );
}
