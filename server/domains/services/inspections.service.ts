import { randomInt } from 'node:crypto';
import { and, count, countDistinct, desc, eq, gte, lte, max, type SQL, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import {
  ENTERPRISE_CODE_ALPHABET,
  type InspectionFlag,
  type InspectionInput,
  type InspectionListQuery,
  type JointSuggestion,
} from '../../../shared/inspections';
import type { ServiceRules } from '../../../shared/services';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor, Tx } from '../../platform/db';
import { offsetOf, orderBy } from '../../platform/db/paging';
import { forbidden, invalid, notFound } from '../../platform/errors';
import { enterprises } from '../enterprises/enterprises.tables';
import { registerTimelineSource } from '../enterprises/enterprises.timeline';
import { departments } from '../org/org.tables';
import { rulesFor, shanghaiToday } from './services.rules';
import { enterpriseCodes, inspections } from './services.tables';

const dayMs = 86_400_000;
export const shiftDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

// ---- enterprise code (赋码) -------------------------------------------------------------------------------------

function newCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ENTERPRISE_CODE_ALPHABET[randomInt(ENTERPRISE_CODE_ALPHABET.length)];
  return s;
}

/** An enterprise user reaches only its own enterprise; staff any enterprise of the zone. */
async function loadEnterprise(ex: Executor, scope: ZoneScope, enterpriseId: string) {
  if (scope.actor.role === 'enterprise' && scope.enterpriseId !== enterpriseId) throw notFound();
  const [e] = await ex
    .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.id, enterpriseId)));
  if (!e) throw notFound();
  return e;
}

/**
 * The enterprise's code, issued on first request (赋码: every enterprise has one as soon as anyone looks; the
 * issue is audited). `reissue` replaces it (a lost or photographed card): the old code stops working.
 */
export async function enterpriseCode(db: Db, scope: ZoneScope, enterpriseId: string, reissue = false) {
  return db.transaction(async (tx) => {
    const e = await loadEnterprise(tx, scope, enterpriseId);
    const [existing] = await tx.select().from(enterpriseCodes).where(eq(enterpriseCodes.enterpriseId, e.id));
    if (existing && !reissue) return { ...existing, enterpriseName: e.name, creditCode: e.creditCode };
    const code = newCode();
    const [row] = existing
      ? await tx
          .update(enterpriseCodes)
          .set({ code, issuedAt: new Date() })
          .where(eq(enterpriseCodes.id, existing.id))
          .returning()
      : await tx.insert(enterpriseCodes).values({ zoneId: scope.zoneId, enterpriseId: e.id, code }).returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: existing ? 'reissue' : 'issue',
      entity: 'enterprise_code',
      entityId: row!.id,
      before: existing ?? null,
      after: row,
    });
    return { ...row!, enterpriseName: e.name, creditCode: e.creditCode };
  });
}

/** The enterprise a scanned code belongs to (the inspector's phone shows whose door it is before registering). */
export async function enterpriseByCode(ex: Executor, scope: ZoneScope, code: string) {
  const [row] = await ex
    .select({
      enterpriseId: enterprises.id,
      enterpriseName: enterprises.name,
      creditCode: enterprises.creditCode,
      code: enterpriseCodes.code,
    })
    .from(enterpriseCodes)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseCodes.enterpriseId))
    .where(and(eq(enterpriseCodes.zoneId, scope.zoneId), eq(enterpriseCodes.code, code)));
  if (!row) throw notFound();
  return row;
}

const xmlEscape = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * The card's QR as SVG: it encodes `url` (the absolute /inspect/<code> page), error correction M so a scuffed
 * printed card still scans; the URL is also the SVG's <title> (screen readers, and a check without a decoder).
 */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return svg.replace(/<svg([^>]*)>/, `<svg$1 role="img"><title>${xmlEscape(url)}</title>`);
}

// ---- inspections (涉企检查) --------------------------------------------------------------------------------------

/** Staff see the zone's inspections; an enterprise every inspection of itself (and nothing else). */
function inspectionScope(scope: ZoneScope): SQL {
  const base = eq(inspections.zoneId, scope.zoneId);
  if (scope.actor.role !== 'enterprise') return base;
  return scope.enterpriseId ? (and(base, eq(inspections.enterpriseId, scope.enterpriseId)) as SQL) : sql`false`;
}

const jointNames = sql<string[]>`coalesce((select array_agg(${departments.name} order by ${departments.name})
  from ${departments} where ${departments.id} = any(${inspections.jointDepartmentIds})), '{}'::text[])`;

function select(ex: Executor) {
  return ex
    .select({
      i: inspections,
      enterpriseName: enterprises.name,
      departmentName: departments.name,
      jointDepartmentNames: jointNames,
    })
    .from(inspections)
    .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
    .innerJoin(departments, eq(departments.id, inspections.departmentId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];
const flatten = (r: Selected) => ({
  ...r.i,
  enterpriseName: r.enterpriseName,
  departmentName: r.departmentName,
  jointDepartmentNames: r.jointDepartmentNames,
});

export async function listInspections(ex: Executor, scope: ZoneScope, q: InspectionListQuery) {
  const where: SQL[] = [inspectionScope(scope)];
  if (q.enterpriseId) where.push(eq(inspections.enterpriseId, q.enterpriseId));
  if (q.departmentId) {
    where.push(
      sql`(${inspections.departmentId} = ${q.departmentId} or ${q.departmentId} = any(${inspections.jointDepartmentIds}))`,
    );
  }
  if (q.from) where.push(gte(inspections.inspectedOn, q.from));
  if (q.to) where.push(lte(inspections.inspectedOn, q.to));
  if (q.kind) where.push(eq(inspections.kind, q.kind));
  if (q.flagged === 'yes') where.push(sql`cardinality(${inspections.flags}) > 0`);
  if (q.flagged === 'no') where.push(sql`cardinality(${inspections.flags}) = 0`);
  if (q.q) {
    const p = `%${q.q.trim()}%`;
    where.push(sql`(${enterprises.name} ilike ${p} or ${inspections.purpose} ilike ${p})`);
  }
  const cond = and(...where);
  const order = orderBy(q, { inspectedOn: inspections.inspectedOn }, desc(inspections.inspectedOn), inspections.id);
  const [data, [total]] = await Promise.all([
    select(ex)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex
      .select({ n: count() })
      .from(inspections)
      .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
      .where(cond),
  ]);
  return { data: data.map(flatten), total: total?.n ?? 0 };
}

export async function getInspection(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await select(ex).where(and(inspectionScope(scope), eq(inspections.id, id)));
  return row ? flatten(row) : undefined;
}

type Participation = { id: string; departmentId: string; jointDepartmentIds: string[]; inspectedOn: string };
const participants = (i: Participation) => [i.departmentId, ...i.jointDepartmentIds];

/**
 * The rule flags of an inspection among the enterprise's others (DOMAIN.md §6, 一码护商; parameters in the zone's
 * service rules):
 * - dept_over_limit: a routine inspection that takes one of its departments over `inspectionsPerDeptYear` routine
 *   inspections of this enterprise in the calendar year (complaint-driven and special inspections do not count);
 * - frequent: more than `inspectionsPerWindow` inspections of the enterprise (all departments, a joint inspection
 *   counted once) within `inspectionWindowDays` calendar days ending on this one.
 */
export function inspectionFlagsOf(
  rules: ServiceRules,
  me: Participation & { kind: string },
  others: readonly (Participation & { kind: string })[],
): InspectionFlag[] {
  const flags: InspectionFlag[] = [];
  const all = [...others.filter((o) => o.id !== me.id), me];
  if (me.kind === 'routine') {
    const year = me.inspectedOn.slice(0, 4);
    const over = participants(me).some(
      (dep) =>
        all.filter(
          (o) =>
            o.kind === 'routine' &&
            o.inspectedOn.slice(0, 4) === year &&
            o.inspectedOn <= me.inspectedOn &&
            participants(o).includes(dep),
        ).length > rules.inspectionsPerDeptYear,
    );
    if (over) flags.push('dept_over_limit');
  }
  const from = shiftDays(me.inspectedOn, -(rules.inspectionWindowDays - 1));
  const inWindow = all.filter((o) => o.inspectedOn >= from && o.inspectedOn <= me.inspectedOn).length;
  if (inWindow > rules.inspectionsPerWindow) flags.push('frequent');
  return flags;
}

/**
 * 联合检查 suggestion: the departments (other than `me`'s) that inspected the enterprise separately within the window
 * around `on` — they could have come in one visit (进一次门、查多项事).
 */
function jointPartners(
  rules: ServiceRules,
  on: string,
  exclude: readonly string[],
  others: readonly Participation[],
  names: Map<string, string>,
) {
  const from = shiftDays(on, -rules.inspectionWindowDays);
  const to = shiftDays(on, rules.inspectionWindowDays);
  const last = new Map<string, string>();
  for (const o of others) {
    if (o.inspectedOn < from || o.inspectedOn > to) continue;
    for (const dep of participants(o)) {
      if (exclude.includes(dep)) continue;
      if ((last.get(dep) ?? '') < o.inspectedOn) last.set(dep, o.inspectedOn);
    }
  }
  return [...last]
    .map(([departmentId, lastOn]) => ({ departmentId, departmentName: names.get(departmentId) ?? '', lastOn }))
    .sort((a, b) => a.lastOn.localeCompare(b.lastOn) || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
}

async function zoneDepartmentNames(ex: Executor, zoneId: string) {
  const list = await ex
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.zoneId, zoneId));
  return new Map(list.map((d) => [d.id, d.name]));
}

async function enterpriseInspections(tx: Tx | Executor, zoneId: string, enterpriseId: string, from: string) {
  return tx
    .select({
      id: inspections.id,
      departmentId: inspections.departmentId,
      jointDepartmentIds: inspections.jointDepartmentIds,
      inspectedOn: inspections.inspectedOn,
      kind: inspections.kind,
    })
    .from(inspections)
    .where(
      and(
        eq(inspections.zoneId, zoneId),
        eq(inspections.enterpriseId, enterpriseId),
        gte(inspections.inspectedOn, from),
      ),
    );
}

/** Register an inspection by the enterprise code read from its QR card (亮码检查). */
export async function createInspection(db: Db, scope: ZoneScope, input: InspectionInput, now = new Date()) {
  const role = scope.actor.role;
  if (role === 'enterprise') throw forbidden();
  const departmentId = role === 'admin' || role === 'zone_leader' ? input.departmentId : scope.departmentId;
  if (!departmentId) throw invalid({ departmentId: 'REQUIRED' });
  if (input.inspectedOn > shanghaiToday(now)) throw invalid({ inspectedOn: 'DATE_IN_FUTURE' });
  return db.transaction(async (tx) => {
    const [code] = await tx
      .select({ enterpriseId: enterpriseCodes.enterpriseId })
      .from(enterpriseCodes)
      .where(and(eq(enterpriseCodes.zoneId, scope.zoneId), eq(enterpriseCodes.code, input.code)));
    if (!code) throw invalid({ code: 'UNKNOWN_REFERENCE' });
    const names = await zoneDepartmentNames(tx, scope.zoneId);
    if (!names.has(departmentId)) throw invalid({ departmentId: 'UNKNOWN_REFERENCE' });
    const joint = input.jointDepartmentIds.filter((d) => d !== departmentId);
    if (joint.some((d) => !names.has(d))) throw invalid({ jointDepartmentIds: 'UNKNOWN_REFERENCE' });
    const rules = await rulesFor(tx, scope.zoneId, Number(input.inspectedOn.slice(0, 4)));
    // Everything that can matter to the flags or the suggestion: the year so far and the window before and after.
    const since = [`${input.inspectedOn.slice(0, 4)}-01-01`, shiftDays(input.inspectedOn, -rules.inspectionWindowDays)]
      .sort()
      .at(0)!;
    const others = await enterpriseInspections(tx, scope.zoneId, code.enterpriseId, since);
    const me = { id: '', departmentId, jointDepartmentIds: joint, inspectedOn: input.inspectedOn, kind: input.kind };
    const flags = inspectionFlagsOf(rules, me, others);
    const [row] = await tx
      .insert(inspections)
      .values({
        zoneId: scope.zoneId,
        enterpriseId: code.enterpriseId,
        departmentId,
        jointDepartmentIds: joint,
        inspectedOn: input.inspectedOn,
        inspectors: input.inspectors,
        kind: input.kind,
        purpose: input.purpose,
        result: input.result,
        resultNote: input.resultNote,
        flags,
        createdBy: scope.actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'inspection',
      entityId: row!.id,
      after: row,
    });
    const jointSuggestion = jointPartners(rules, input.inspectedOn, participants(me), others, names);
    return { inspection: (await getInspection(tx, scope, row!.id))!, jointSuggestion };
  });
}

/**
 * Enterprises that two or more departments inspected separately within the window ending `asOf`: the list the
 * zone uses to plan joint inspections (one visit instead of several).
 */
export async function jointSuggestions(ex: Executor, scope: ZoneScope, asOf: string): Promise<JointSuggestion[]> {
  const rules = await rulesFor(ex, scope.zoneId, Number(asOf.slice(0, 4)));
  const from = shiftDays(asOf, -(rules.inspectionWindowDays - 1));
  const list = await ex
    .select({
      id: inspections.id,
      enterpriseId: inspections.enterpriseId,
      enterpriseName: enterprises.name,
      departmentId: inspections.departmentId,
      jointDepartmentIds: inspections.jointDepartmentIds,
      inspectedOn: inspections.inspectedOn,
    })
    .from(inspections)
    .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
    .where(and(inspectionScope(scope), gte(inspections.inspectedOn, from), lte(inspections.inspectedOn, asOf)));
  const names = await zoneDepartmentNames(ex, scope.zoneId);
  const byEnterprise = new Map<string, typeof list>();
  for (const i of list) byEnterprise.set(i.enterpriseId, [...(byEnterprise.get(i.enterpriseId) ?? []), i]);
  const out: JointSuggestion[] = [];
  for (const [enterpriseId, items] of byEnterprise) {
    if (items.length < 2) continue;
    const deps = jointPartners(rules, asOf, [], items, names);
    if (deps.length < 2) continue;
    out.push({ enterpriseId, enterpriseName: items[0]!.enterpriseName, departments: deps });
  }
  return out.sort(
    (a, b) => b.departments.length - a.departments.length || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'),
  );
}

/** Inspections per enterprise in a year (most inspected first). */
export async function inspectionStats(ex: Executor, scope: ZoneScope, year: number) {
  const list = await ex
    .select({
      enterpriseId: inspections.enterpriseId,
      enterpriseName: enterprises.name,
      inspections: count(),
      departments: countDistinct(inspections.departmentId),
      flagged: sql<number>`count(*) filter (where cardinality(${inspections.flags}) > 0)::int`,
      lastOn: max(inspections.inspectedOn),
    })
    .from(inspections)
    .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
    .where(and(inspectionScope(scope), sql`extract(year from ${inspections.inspectedOn}) = ${year}`))
    .groupBy(inspections.enterpriseId, enterprises.name)
    .orderBy(desc(count()), enterprises.name)
    .limit(500);
  return list.map((r) => ({ ...r, lastOn: r.lastOn ?? '' }));
}

// Enterprise timeline: each inspection (the enterprise sees every one of them).
registerTimelineSource('inspections', async (ex, scope, enterpriseId) => {
  const list = await select(ex)
    .where(and(inspectionScope(scope), eq(inspections.enterpriseId, enterpriseId)))
    .orderBy(desc(inspections.inspectedOn))
    .limit(100);
  return list.map(flatten).map((i) => ({
    id: `inspection:${i.id}`,
    at: new Date(`${i.inspectedOn}T10:00:00+08:00`).toISOString(),
    source: 'inspections',
    action: 'inspection',
    actorName: [i.departmentName, ...i.jointDepartmentNames].join('、'),
    fields: [],
    summary: `${i.purpose.slice(0, 60)}`,
  }));
});
