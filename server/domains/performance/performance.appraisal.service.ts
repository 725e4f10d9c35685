import { and, eq, inArray } from 'drizzle-orm';
import type { CycleInput, Grade, IndicatorInput, ValueInput } from '../../../shared/performance';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor, Tx } from '../../platform/db';
import { AppError, invalid, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import { assertFilesUsable } from '../files/files.service';
import { departments, staff } from '../org/org.tables';
import { indicatorSource } from './performance.indicators';
// Registers the automatic sources read from approval, investment, projects, services and efficiency.
import './performance.sources';
import { getCycle, getScore } from './performance.repository';
import {
  assignGrades,
  boundedAdjustment,
  cappedCompletion,
  efficacyCoefficient,
  quotaViolation,
  round2,
} from './performance.rules';
import {
  perfAppeals,
  perfCalibrations,
  perfCycles,
  perfIndicators,
  perfScores,
  perfValues,
} from './performance.tables';

registerConstraintField('perf_cycles_zone_name_uq', 'name');

type Cycle = typeof perfCycles.$inferSelect;
type IndicatorRow = typeof perfIndicators.$inferSelect;

async function openCycle(tx: Executor, scope: ZoneScope, id: string): Promise<Cycle> {
  const cycle = await getCycle(tx, scope, id);
  if (!cycle) throw notFound();
  if (cycle.status === 'closed') throw new AppError(409, 'CYCLE_CLOSED');
  return cycle;
}

export async function createCycle(db: Db, scope: ZoneScope, input: CycleInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(perfCycles)
      .values({ ...input, zoneId: scope.zoneId })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'perf_cycle',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

/** Weight groups: department templates per class, and the individual set. Each must weigh exactly 100. */
function weightGroups(list: readonly IndicatorInput[]) {
  const groups = new Map<string, number[]>();
  list.forEach((ind, i) => {
    if (ind.method === 'bonus' || ind.method === 'deduction') return;
    const key = ind.level === 'individual' ? 'individual' : `department:${ind.class ?? '*'}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return groups;
}

/**
 * Replaces the indicator set of an open cycle. Rule: weights sum to 100 in every group (department class A, class B,
 * individual), in hundredths so 33.33+33.33+33.34 passes and 0.1+0.2 drift cannot; bonus/deduction items carry no
 * weight (they have a cap instead); automatic sources must exist and measure that level.
 */
export async function setIndicators(db: Db, scope: ZoneScope, cycleId: string, list: IndicatorInput[]) {
  const fields: Record<string, 'WEIGHTS_NOT_100' | 'BONUS_HAS_WEIGHT' | 'UNKNOWN_SOURCE' | 'CLASS_REQUIRED'> = {};
  list.forEach((ind, i) => {
    if ((ind.method === 'bonus' || ind.method === 'deduction') && ind.weight !== 0) {
      fields[`indicators.${i}.weight`] = 'BONUS_HAS_WEIGHT';
    }
    if (ind.level === 'individual' && ind.class !== null) fields[`indicators.${i}.class`] = 'CLASS_REQUIRED';
    if (ind.sourceKey) {
      const src = indicatorSource(ind.sourceKey);
      if (!src?.targets.includes(ind.level === 'department' ? 'department' : 'staff')) {
        fields[`indicators.${i}.sourceKey`] = 'UNKNOWN_SOURCE';
      }
    }
  });
  for (const idx of weightGroups(list).values()) {
    const sum = idx.reduce((s, i) => s + Math.round(list[i]!.weight * 100), 0);
    if (sum !== 10000) for (const i of idx) fields[`indicators.${i}.weight`] = 'WEIGHTS_NOT_100';
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return db.transaction(async (tx) => {
    await openCycle(tx, scope, cycleId);
    const before = await tx.select().from(perfIndicators).where(eq(perfIndicators.cycleId, cycleId));
    await tx
      .delete(perfIndicators)
      .where(and(eq(perfIndicators.zoneId, scope.zoneId), eq(perfIndicators.cycleId, cycleId)));
    const rows = await tx
      .insert(perfIndicators)
      .values(list.map((ind, position) => ({ ...ind, position, cycleId, zoneId: scope.zoneId })))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'set_indicators',
      entity: 'perf_cycle',
      entityId: cycleId,
      before,
      after: rows,
    });
    return rows;
  });
}

/** A manual value with its evidence. Department roles may only enter values for their own department and its people. */
export async function saveManualValue(db: Db, scope: ZoneScope, cycleId: string, input: ValueInput) {
  return db.transaction(async (tx) => {
    await openCycle(tx, scope, cycleId);
    const [ind] = await tx
      .select()
      .from(perfIndicators)
      .where(
        and(
          eq(perfIndicators.zoneId, scope.zoneId),
          eq(perfIndicators.cycleId, cycleId),
          eq(perfIndicators.id, input.indicatorId),
        ),
      );
    if (!ind) throw invalid({ indicatorId: 'UNKNOWN_REFERENCE' });
    if (ind.sourceKey) throw invalid({ indicatorId: 'INDICATOR_AUTOMATIC' });
    let departmentId: string;
    if (ind.level === 'department') {
      if (!input.departmentId || input.staffId) throw invalid({ departmentId: 'REQUIRED' });
      const [d] = await tx
        .select()
        .from(departments)
        .where(and(eq(departments.zoneId, scope.zoneId), eq(departments.id, input.departmentId)));
      if (!d || (ind.class && d.class !== ind.class)) throw invalid({ departmentId: 'UNKNOWN_REFERENCE' });
      departmentId = d.id;
    } else {
      if (!input.staffId || input.departmentId) throw invalid({ staffId: 'REQUIRED' });
      const [s] = await tx
        .select()
        .from(staff)
        .where(and(eq(staff.zoneId, scope.zoneId), eq(staff.id, input.staffId)));
      if (!s) throw invalid({ staffId: 'UNKNOWN_REFERENCE' });
      departmentId = s.departmentId;
    }
    if (scope.departmentId && scope.departmentId !== departmentId) throw new AppError(403, 'FORBIDDEN');
    await assertFilesUsable(tx, scope, input.evidenceFileIds, 'evidenceFileIds');
    const values = {
      zoneId: scope.zoneId,
      cycleId,
      indicatorId: ind.id,
      departmentId: input.departmentId,
      staffId: input.staffId,
      actual: input.actual,
      origin: 'manual' as const,
      note: input.note,
      evidenceFileIds: input.evidenceFileIds,
      records: [],
      query: '',
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(perfValues)
      .values(values)
      .onConflictDoUpdate({
        target: [perfValues.indicatorId, perfValues.departmentId, perfValues.staffId],
        set: {
          actual: values.actual,
          note: values.note,
          evidenceFileIds: values.evidenceFileIds,
          updatedAt: values.updatedAt,
        },
      })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'save_value',
      entity: 'perf_value',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

/** Subjects of a cycle: active departments (internal/institution/company alike) and active staff. */
async function subjects(tx: Executor, zoneId: string) {
  const depts = await tx
    .select()
    .from(departments)
    .where(and(eq(departments.zoneId, zoneId), eq(departments.active, true)))
    .orderBy(departments.code);
  const people = await tx
    .select()
    .from(staff)
    .where(
      and(
        eq(staff.zoneId, zoneId),
        eq(staff.status, 'active'),
        inArray(staff.departmentId, depts.map((d) => d.id).concat('00000000-0000-0000-0000-000000000000')),
      ),
    )
    .orderBy(staff.employeeNo);
  return { depts, people };
}

/** Recomputes every automatic value of the cycle from the registered sources (deterministic: same tables, same values). */
async function refreshAutomatic(tx: Tx, cycle: Cycle, indicators: IndicatorRow[]) {
  const { depts, people } = await subjects(tx, cycle.zoneId);
  for (const ind of indicators) {
    const src = ind.sourceKey ? indicatorSource(ind.sourceKey) : undefined;
    if (!src) continue;
    const targets =
      ind.level === 'department'
        ? depts.filter((d) => !ind.class || d.class === ind.class).map((d) => ({ departmentId: d.id, staffId: null }))
        : people.map((p) => ({ departmentId: null, staffId: p.id }));
    await tx.delete(perfValues).where(and(eq(perfValues.zoneId, cycle.zoneId), eq(perfValues.indicatorId, ind.id)));
    const rows: (typeof perfValues.$inferInsert)[] = [];
    for (const t of targets) {
      const v = await src.compute(tx, cycle.zoneId, cycle.periodStart, cycle.periodEnd, {
        ...(t.departmentId ? { departmentId: t.departmentId } : {}),
        ...(t.staffId ? { staffId: t.staffId } : {}),
      });
      rows.push({
        zoneId: cycle.zoneId,
        cycleId: cycle.id,
        indicatorId: ind.id,
        departmentId: t.departmentId,
        staffId: t.staffId,
        actual: v.value,
        origin: 'auto',
        records: v.records,
        query: src.query['zh-CN'],
      });
    }
    for (let i = 0; i < rows.length; i += 500) await tx.insert(perfValues).values(rows.slice(i, i + 500));
  }
}

type Line = (typeof perfScores.$inferInsert)['lines'][number];

/** Points of every indicator for every subject; efficacy compares a subject with its peers (same class / all staff). */
function scoreSubjects(
  subjectIds: string[],
  indicators: IndicatorRow[],
  actualOf: (indicatorId: string, subjectId: string) => number | null,
): Map<string, { own: number; lines: Line[] }> {
  const out = new Map<string, { own: number; lines: Line[] }>();
  for (const id of subjectIds) {
    const lines: Line[] = indicators.map((ind) => {
      const actual = actualOf(ind.id, id);
      const x = actual ?? 0;
      let points = 0;
      if (ind.method === 'capped') points = cappedCompletion(x, ind.target ?? 0, ind.cap, ind.weight);
      else if (ind.method === 'efficacy') {
        points = efficacyCoefficient(
          x,
          subjectIds.map((s) => actualOf(ind.id, s) ?? 0),
          ind.weight,
        );
      } else if (ind.method === 'bonus') points = boundedAdjustment(x, ind.cap);
      else points = -boundedAdjustment(Math.abs(x), ind.cap);
      return {
        indicatorId: ind.id,
        name: ind.name,
        method: ind.method,
        weight: ind.weight,
        actual,
        target: ind.target,
        points: round2(points),
      };
    });
    out.set(id, { own: round2(lines.reduce((s, l) => s + l.points, 0)), lines });
  }
  return out;
}

/**
 * Computes the cycle: automatic values refreshed, department scores ranked within class, personal scores blended
 * with the department's (cascade share), ranked zone-wide and graded within quotas. Run as often as wanted while the
 * cycle is open; the same data always gives the same rows (reproducible). Calibrations are lost on recompute.
 */
async function computeIn(tx: Tx, scope: ZoneScope, cycle: Cycle) {
  const indicators = await tx
    .select()
    .from(perfIndicators)
    .where(and(eq(perfIndicators.zoneId, scope.zoneId), eq(perfIndicators.cycleId, cycle.id)))
    .orderBy(perfIndicators.position);
  if (indicators.length === 0) throw new AppError(409, 'CYCLE_NO_INDICATORS');
  await refreshAutomatic(tx, cycle, indicators);
  const values = await tx
    .select()
    .from(perfValues)
    .where(and(eq(perfValues.zoneId, scope.zoneId), eq(perfValues.cycleId, cycle.id)));
  const byKey = new Map(values.map((v) => [`${v.indicatorId}:${v.departmentId ?? v.staffId}`, v.actual]));
  const actualOf = (indicatorId: string, subjectId: string) => byKey.get(`${indicatorId}:${subjectId}`) ?? null;
  const { depts, people } = await subjects(tx, scope.zoneId);

  await tx.delete(perfScores).where(and(eq(perfScores.zoneId, scope.zoneId), eq(perfScores.cycleId, cycle.id)));
  const deptScore = new Map<string, number>();
  for (const cls of ['A', 'B'] as const) {
    const inClass = depts.filter((d) => d.class === cls);
    const inds = indicators.filter((i) => i.level === 'department' && (i.class === null || i.class === cls));
    const scored = scoreSubjects(
      inClass.map((d) => d.id),
      inds,
      actualOf,
    );
    const ranked = [...inClass].sort(
      (a, b) => scored.get(b.id)!.own - scored.get(a.id)!.own || a.code.localeCompare(b.code),
    );
    const rows: (typeof perfScores.$inferInsert)[] = [];
    for (const [i, d] of ranked.entries()) {
      const s = scored.get(d.id)!;
      deptScore.set(d.id, s.own);
      rows.push({
        zoneId: scope.zoneId,
        cycleId: cycle.id,
        subject: 'department',
        departmentId: d.id,
        staffId: null,
        ownScore: s.own,
        score: s.own,
        rank: i + 1,
        lines: s.lines,
      });
    }
    if (rows.length > 0) await tx.insert(perfScores).values(rows);
  }
  const personal = scoreSubjects(
    people.map((p) => p.id),
    indicators.filter((i) => i.level === 'individual'),
    actualOf,
  );
  const share = cycle.departmentSharePct / 100;
  const final = new Map(
    people.map((p) => {
      const own = personal.get(p.id)!.own;
      return [p.id, round2((1 - share) * own + share * (deptScore.get(p.departmentId) ?? 0))];
    }),
  );
  const graded = assignGrades(
    people.map((p) => ({ id: p.id, score: final.get(p.id)!, hiredOn: p.hiredOn, employeeNo: p.employeeNo })),
    cycle.gradeRules,
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const staffRows = graded.map((g) => {
    const p = byId.get(g.id)!;
    return {
      zoneId: scope.zoneId,
      cycleId: cycle.id,
      subject: 'staff',
      departmentId: p.departmentId,
      staffId: p.id,
      ownScore: personal.get(p.id)!.own,
      score: final.get(p.id)!,
      rank: g.rank,
      grade: g.grade,
      gradeReason: g.reason,
      lines: personal.get(p.id)!.lines,
    } satisfies typeof perfScores.$inferInsert;
  });
  for (let i = 0; i < staffRows.length; i += 500) await tx.insert(perfScores).values(staffRows.slice(i, i + 500));
  const [row] = await tx
    .update(perfCycles)
    .set({ computedAt: new Date() })
    .where(and(eq(perfCycles.zoneId, scope.zoneId), eq(perfCycles.id, cycle.id)))
    .returning();
  return { cycle: row!, departments: depts.length, people: people.length };
}

export async function computeCycle(db: Db, scope: ZoneScope, cycleId: string) {
  return db.transaction(async (tx) => {
    const cycle = await openCycle(tx, scope, cycleId);
    const result = await computeIn(tx, scope, cycle);
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'compute',
      entity: 'perf_cycle',
      entityId: cycleId,
      after: { departments: result.departments, people: result.people },
    });
    return result.cycle;
  });
}

/** Closes the cycle: a last computation, then scores are frozen (values and recomputation are refused from now on). */
export async function closeCycle(db: Db, scope: ZoneScope, cycleId: string) {
  return db.transaction(async (tx) => {
    const cycle = await openCycle(tx, scope, cycleId);
    await computeIn(tx, scope, cycle);
    const [row] = await tx
      .update(perfCycles)
      .set({ status: 'closed', closedAt: new Date() })
      .where(and(eq(perfCycles.zoneId, scope.zoneId), eq(perfCycles.id, cycleId)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'close',
      entity: 'perf_cycle',
      entityId: cycleId,
      before: { status: 'open' },
      after: { status: 'closed' },
    });
    return row!;
  });
}

/** Changes one person's grade with a written reason; the cycle's grades must still respect the quotas. */
async function regrade(tx: Tx, scope: ZoneScope, scoreId: string, grade: Grade, reason: string) {
  const s = await getScore(tx, scope, scoreId);
  if (s?.subject !== 'staff') throw notFound();
  const cycle = (await getCycle(tx, scope, s.cycleId))!;
  const all = await tx
    .select({ id: perfScores.id, grade: perfScores.grade })
    .from(perfScores)
    .where(
      and(eq(perfScores.zoneId, scope.zoneId), eq(perfScores.cycleId, s.cycleId), eq(perfScores.subject, 'staff')),
    );
  const after = all.map((r) => (r.id === scoreId ? grade : (r.grade as Grade)));
  const broken = quotaViolation(after, cycle.gradeRules);
  if (broken) throw new AppError(409, broken, {}, { grade: broken });
  await tx
    .update(perfScores)
    .set({ grade, gradeReason: 'calibrated' })
    .where(and(eq(perfScores.zoneId, scope.zoneId), eq(perfScores.id, scoreId)));
  await tx.insert(perfCalibrations).values({
    zoneId: scope.zoneId,
    scoreId,
    fromGrade: s.grade ?? '',
    toGrade: grade,
    reason,
    byUserId: scope.actor.userId,
    byName: scope.actor.displayName,
  });
  await recordAudit(tx, {
    actor: scope.actor,
    zoneId: scope.zoneId,
    action: 'calibrate',
    entity: 'perf_score',
    entityId: scoreId,
    before: { grade: s.grade },
    after: { grade, reason },
  });
}

export async function calibrate(db: Db, scope: ZoneScope, scoreId: string, grade: Grade, reason: string) {
  return db.transaction(async (tx) => {
    const s = await getScore(tx, scope, scoreId);
    if (!s) throw notFound();
    if (s.grade === grade) throw invalid({ grade: 'GRADE_UNCHANGED' });
    await regrade(tx, scope, scoreId, grade, reason);
    return (await getScore(tx, scope, scoreId))!;
  });
}

/** A person (or their department head) contests a grade of a closed cycle. One pending appeal per score. */
export async function fileAppeal(db: Db, scope: ZoneScope, scoreId: string, reason: string) {
  return db.transaction(async (tx) => {
    const s = await getScore(tx, scope, scoreId);
    if (s?.subject !== 'staff') throw notFound();
    const cycle = (await getCycle(tx, scope, s.cycleId))!;
    if (cycle.status !== 'closed') throw new AppError(409, 'CYCLE_NOT_CLOSED');
    const [pending] = await tx
      .select({ id: perfAppeals.id })
      .from(perfAppeals)
      .where(and(eq(perfAppeals.scoreId, scoreId), eq(perfAppeals.status, 'pending')));
    if (pending) throw new AppError(409, 'APPEAL_PENDING');
    const [row] = await tx
      .insert(perfAppeals)
      .values({ zoneId: scope.zoneId, scoreId, reason, filedBy: scope.actor.displayName })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'appeal',
      entity: 'perf_score',
      entityId: scoreId,
      after: row,
    });
    return row!;
  });
}

/** The leader decides: upheld (with the new grade, applied as a calibration within quotas) or rejected, in writing. */
export async function decideAppeal(
  db: Db,
  scope: ZoneScope,
  appealId: string,
  d: { decision: 'upheld' | 'rejected'; grade: Grade | null; reply: string },
) {
  return db.transaction(async (tx) => {
    const [a] = await tx
      .select()
      .from(perfAppeals)
      .where(and(eq(perfAppeals.zoneId, scope.zoneId), eq(perfAppeals.id, appealId)));
    if (!a) throw notFound();
    if (a.status !== 'pending') throw new AppError(409, 'APPEAL_DECIDED');
    if (d.decision === 'upheld') {
      if (!d.grade) throw invalid({ grade: 'REQUIRED' });
      await regrade(tx, scope, a.scoreId, d.grade, `申诉成立 / appeal upheld: ${d.reply}`);
    }
    const [row] = await tx
      .update(perfAppeals)
      .set({ status: d.decision, reply: d.reply, decidedBy: scope.actor.displayName, decidedAt: new Date() })
      .where(eq(perfAppeals.id, appealId))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'decide_appeal',
      entity: 'perf_appeal',
      entityId: appealId,
      before: a,
      after: row,
    });
    return row!;
  });
}
