import { and, eq } from 'drizzle-orm';
import { todayInChina } from '../../../shared/china-time';
import type { RunInput } from '../../../shared/efficiency';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { calendarOf } from '../../platform/calendar';
import type { Db } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { evaluate } from './efficiency.engine';
import { getRun, inputsOf, priorClasses, writeResults } from './efficiency.repository';
import { efficiencyResults, efficiencyRuns } from './efficiency.tables';

export { todayInChina };

const locked = (status: string) => status === 'published' || status === 'final';

export async function createRun(db: Db, scope: ZoneScope, input: RunInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(efficiencyRuns)
      .values({ zoneId: scope.zoneId, year: input.year, name: input.name, params: input.params })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'efficiency_run',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

/** Changing the parameters of a computed run throws its results away (back to draft). */
export async function updateRun(db: Db, scope: ZoneScope, id: string, input: RunInput) {
  return db.transaction(async (tx) => {
    const before = await getRun(tx, scope, id);
    if (!before) throw notFound();
    if (locked(before.status)) throw new AppError(409, 'EFF_RUN_LOCKED');
    await tx
      .delete(efficiencyResults)
      .where(and(eq(efficiencyResults.zoneId, scope.zoneId), eq(efficiencyResults.runId, id)));
    const [row] = await tx
      .update(efficiencyRuns)
      .set({
        year: input.year,
        name: input.name,
        params: input.params,
        status: 'draft',
        benchmarks: null,
        ranges: null,
        population: 0,
        classCounts: null,
        computedAt: null,
        updatedAt: new Date(),
      })
      .where(and(eq(efficiencyRuns.zoneId, scope.zoneId), eq(efficiencyRuns.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'efficiency_run',
      entityId: id,
      before,
      after: row,
    });
    return row!;
  });
}

export async function deleteRun(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await getRun(tx, scope, id);
    if (!before) throw notFound();
    if (locked(before.status)) throw new AppError(409, 'EFF_RUN_LOCKED');
    // Results carry no foreign key (see efficiencyResults): they go first, explicitly.
    await tx
      .delete(efficiencyResults)
      .where(and(eq(efficiencyResults.zoneId, scope.zoneId), eq(efficiencyResults.runId, id)));
    await tx.delete(efficiencyRuns).where(and(eq(efficiencyRuns.zoneId, scope.zoneId), eq(efficiencyRuns.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'efficiency_run',
      entityId: id,
      before,
    });
  });
}

/**
 * Computes a run from the zone's data of its year (benchmarks from the prior year's data), freezing the benchmarks
 * on the run and every evaluated enterprise's inputs on its result. Recomputing replaces the results.
 */
export async function computeRun(db: Db, scope: ZoneScope, id: string) {
  return db.transaction(async (tx) => {
    const run = await getRun(tx, scope, id);
    if (!run) throw notFound();
    if (locked(run.status)) throw new AppError(409, 'EFF_RUN_LOCKED');
    const [current, prior, history] = await Promise.all([
      inputsOf(tx, scope.zoneId, run.year),
      inputsOf(tx, scope.zoneId, run.year - 1),
      priorClasses(tx, scope.zoneId, run.year),
    ]);
    const { benchmarks, ranges, results } = evaluate(run.params, current, prior, history);
    if (results.length === 0) throw new AppError(409, 'EFF_NO_DATA', { year: run.year });
    await tx
      .delete(efficiencyResults)
      .where(and(eq(efficiencyResults.zoneId, scope.zoneId), eq(efficiencyResults.runId, id)));
    await writeResults(tx, scope.zoneId, id, results, new Map(current.map((i) => [i.enterpriseId, i])));
    const classCounts: Record<string, number> = { A: 0, B: 0, C: 0, D: 0 };
    for (const r of results) classCounts[r.cls]!++;
    const [row] = await tx
      .update(efficiencyRuns)
      .set({
        status: 'computed',
        benchmarks,
        ranges,
        population: results.length,
        classCounts,
        computedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(and(eq(efficiencyRuns.zoneId, scope.zoneId), eq(efficiencyRuns.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'compute',
      entity: 'efficiency_run',
      entityId: id,
      before: { status: run.status },
      after: { status: 'computed', population: results.length, classCounts, benchmarks },
    });
    return row!;
  });
}

/** Public notice (公示): the objection window ends after N working days (platform calendar, flagged provisional). */
export async function publishRun(db: Db, scope: ZoneScope, id: string, objectionWorkdays: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const run = await getRun(tx, scope, id);
    if (!run) throw notFound();
    if (run.status !== 'computed')
      throw new AppError(409, locked(run.status) ? 'EFF_RUN_LOCKED' : 'EFF_RUN_NOT_COMPUTED');
    const end = (await calendarOf(tx)).addWorkdays(todayInChina(now), objectionWorkdays);
    const [row] = await tx
      .update(efficiencyRuns)
      .set({
        status: 'published',
        publishedAt: now,
        objectionEndsOn: end.date,
        objectionEndsProvisional: end.provisional,
        updatedAt: now,
      })
      .where(and(eq(efficiencyRuns.zoneId, scope.zoneId), eq(efficiencyRuns.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'publish',
      entity: 'efficiency_run',
      entityId: id,
      before: { status: run.status },
      after: { status: 'published', objectionEndsOn: end.date, provisional: end.provisional },
    });
    return row!;
  });
}

/** Final (定档) once the objection window is over. */
export async function finalizeRun(db: Db, scope: ZoneScope, id: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const run = await getRun(tx, scope, id);
    if (!run) throw notFound();
    if (run.status !== 'published')
      throw new AppError(409, run.status === 'final' ? 'EFF_RUN_LOCKED' : 'EFF_RUN_NOT_PUBLISHED');
    if (run.objectionEndsOn && todayInChina(now) <= run.objectionEndsOn)
      throw new AppError(409, 'EFF_OBJECTION_WINDOW_OPEN', { date: run.objectionEndsOn });
    const [row] = await tx
      .update(efficiencyRuns)
      .set({ status: 'final', finalizedAt: now, updatedAt: now })
      .where(and(eq(efficiencyRuns.zoneId, scope.zoneId), eq(efficiencyRuns.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'finalize',
      entity: 'efficiency_run',
      entityId: id,
      before: { status: run.status },
      after: { status: 'final' },
    });
    return row!;
  });
}
