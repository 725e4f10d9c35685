import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Grade, PayParams, PayRunInput } from '../../../shared/performance';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { AppError, invalid, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import { departments, posts, staff } from '../org/org.tables';
import { getCycle, getPayRun } from './performance.repository';
import { hundredths, splitLargestRemainder } from './performance.rules';
import { payLines, payRuns, perfScores } from './performance.tables';

registerConstraintField('pay_runs_period_uq', 'quarter');

/** Parameter checks of DOMAIN.md §8: coefficient spread within 1–rangeMax×, at least minAtRiskPct of pay at risk. */
export function checkPayParams(p: PayParams): void {
  const coefs = Object.values(p.gradeCoefficients);
  const fields: Record<string, 'COEFFICIENT_RANGE' | 'AT_RISK_TOO_LOW'> = {};
  if (Math.max(...coefs) > Math.min(...coefs) * p.rangeMax + 1e-9)
    fields['params.gradeCoefficients'] = 'COEFFICIENT_RANGE';
  if (p.advancePct + p.minAtRiskPct > 100 + 1e-9) fields['params.advancePct'] = 'AT_RISK_TOO_LOW';
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

/**
 * The fen a run distributes: the whole pool at settlement; a quarter of the advance share for an advance, rounded down
 * to the fen (the fen not advanced are paid at settlement, since settlement subtracts what was actually advanced).
 */
export function distributable(input: Pick<PayRunInput, 'kind' | 'poolFen' | 'params'>): bigint {
  const pool = BigInt(input.poolFen);
  if (input.kind === 'settlement') return pool;
  return (pool * hundredths(input.params.advancePct)) / 40000n;
}

/**
 * A pay run. The pool (or the quarter's advance) is split first to departments by Σ post coefficients × department
 * coefficient, then inside each department to people by post coefficient × grade coefficient (advances: grade
 * coefficient 1, grades are not known yet). Both splits are largest-remainder in fen, so Σ lines = the amount exactly.
 * Settlement: each person's year share minus the advances paid to them this year; caps flagged on the line.
 */
export async function createPayRun(db: Db, scope: ZoneScope, input: PayRunInput) {
  checkPayParams(input.params);
  return db.transaction(async (tx) => {
    const grades = new Map<string, Grade | null>();
    if (input.kind === 'settlement') {
      const cycle = await getCycle(tx, scope, input.cycleId!);
      if (!cycle) throw invalid({ cycleId: 'UNKNOWN_REFERENCE' });
      if (cycle.status !== 'closed') throw invalid({ cycleId: 'CYCLE_NOT_CLOSED' });
      const rows = await tx
        .select({ staffId: perfScores.staffId, grade: perfScores.grade })
        .from(perfScores)
        .where(
          and(eq(perfScores.zoneId, scope.zoneId), eq(perfScores.cycleId, cycle.id), eq(perfScores.subject, 'staff')),
        );
      for (const r of rows) grades.set(r.staffId!, r.grade);
    }
    const people = await tx
      .select({
        id: staff.id,
        employeeNo: staff.employeeNo,
        departmentId: staff.departmentId,
        postName: posts.name,
        postCoefficient: posts.coefficient,
        deptCode: departments.code,
        deptCoefficient: departments.coefficient,
      })
      .from(staff)
      .innerJoin(posts, eq(posts.id, staff.postId))
      .innerJoin(departments, eq(departments.id, staff.departmentId))
      .where(and(eq(staff.zoneId, scope.zoneId), eq(staff.status, 'active'), eq(departments.active, true)))
      .orderBy(departments.code, staff.employeeNo);
    if (people.length === 0) throw new AppError(409, 'PAY_NO_STAFF');

    const byDept = new Map<string, typeof people>();
    for (const p of people) byDept.set(p.departmentId, [...(byDept.get(p.departmentId) ?? []), p]);
    // Department weight in 1/10000: Σ post coefficient (hundredths) × department coefficient (hundredths).
    const deptWeights = [...byDept.entries()].map(([id, ps]) => ({
      key: id,
      weight: ps.reduce((s, p) => s + hundredths(p.postCoefficient), 0n) * hundredths(ps[0]!.deptCoefficient),
    }));
    const total = distributable(input);
    const deptShares = splitLargestRemainder(total, deptWeights);

    const advances = new Map<string, bigint>();
    if (input.kind === 'settlement') {
      const rows = await tx
        .select({ staffId: payLines.staffId, fen: sql<string>`sum(${payLines.amountFen})` })
        .from(payLines)
        .innerJoin(payRuns, eq(payRuns.id, payLines.runId))
        .where(and(eq(payRuns.zoneId, scope.zoneId), eq(payRuns.year, input.year), eq(payRuns.kind, 'advance')))
        .groupBy(payLines.staffId);
      for (const r of rows) advances.set(r.staffId, BigInt(r.fen));
    }

    const [run] = await tx
      .insert(payRuns)
      .values({
        zoneId: scope.zoneId,
        year: input.year,
        kind: input.kind,
        quarter: input.kind === 'advance' ? input.quarter : null,
        poolFen: BigInt(input.poolFen),
        distributedFen: total,
        cycleId: input.kind === 'settlement' ? input.cycleId : null,
        params: input.params,
      })
      .returning();

    const lines: (typeof payLines.$inferInsert)[] = [];
    for (const ds of deptShares) {
      const ps = byDept.get(ds.key)!;
      const dw = deptWeights.find((d) => d.key === ds.key)!.weight;
      const personWeights = ps.map((p) => {
        const grade = input.kind === 'settlement' ? (grades.get(p.id) ?? null) : null;
        const gradeCoefficient = grade ? input.params.gradeCoefficients[grade] : 1;
        return { p, grade, gradeCoefficient, weight: hundredths(p.postCoefficient) * hundredths(gradeCoefficient) };
      });
      const sumW = personWeights.reduce((s, x) => s + x.weight, 0n);
      const shares = splitLargestRemainder(
        ds.amount,
        personWeights.map((x) => ({ key: x.p.id, weight: x.weight })),
      );
      shares.forEach((sh, i) => {
        const x = personWeights[i]!;
        const adv = advances.get(x.p.id) ?? 0n;
        const amount = input.kind === 'settlement' ? sh.amount - adv : sh.amount;
        const flags: string[] = [];
        if (input.kind === 'settlement' && !x.grade) flags.push('NO_GRADE');
        if (
          input.kind === 'settlement' &&
          input.params.personCapFen !== null &&
          sh.amount > BigInt(input.params.personCapFen)
        ) {
          flags.push('OVER_CAP');
        }
        if (amount < 0n) flags.push('ADVANCES_EXCEED_SHARE');
        lines.push({
          zoneId: scope.zoneId,
          runId: run!.id,
          departmentId: ds.key,
          staffId: x.p.id,
          postName: x.p.postName,
          departmentCoefficient: x.p.deptCoefficient,
          departmentWeight: Number(dw) / 10000,
          departmentShareFen: ds.amount,
          postCoefficient: x.p.postCoefficient,
          grade: x.grade,
          gradeCoefficient: x.gradeCoefficient,
          weight: Number(x.weight) / 10000,
          departmentWeightSum: Number(sumW) / 10000,
          shareFen: sh.amount,
          extraFen: sh.extraFen,
          advancesFen: input.kind === 'settlement' ? adv : 0n,
          amountFen: amount,
          flags,
        });
      });
    }
    for (let i = 0; i < lines.length; i += 500) await tx.insert(payLines).values(lines.slice(i, i + 500));

    const distributed = lines.reduce((s, l) => s + (l.shareFen as bigint), 0n);
    if (distributed !== total) throw new Error(`pay split lost fen: ${distributed} ≠ ${total}`);
    const summary = await getPayRun(tx, scope, run!.id);
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'pay_run',
      entityId: run!.id,
      after: { ...summary, excludedWithoutPost: await staffWithoutPost(tx, scope) },
    });
    return summary!;
  });
}

async function staffWithoutPost(tx: Parameters<Parameters<Db['transaction']>[0]>[0], scope: ZoneScope) {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(staff)
    .where(and(eq(staff.zoneId, scope.zoneId), eq(staff.status, 'active'), sql`${staff.postId} is null`));
  return Number(rows[0]?.n ?? 0);
}

/** A run may be withdrawn (to be redone) only while no settlement of the same year builds on it. */
export async function deletePayRun(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const run = await getPayRun(tx, scope, id);
    if (!run) throw notFound();
    if (run.kind === 'advance') {
      const [later] = await tx
        .select({ id: payRuns.id })
        .from(payRuns)
        .where(
          and(eq(payRuns.zoneId, scope.zoneId), eq(payRuns.year, run.year), inArray(payRuns.kind, ['settlement'])),
        );
      if (later) throw new AppError(409, 'IN_USE');
    }
    await tx.delete(payRuns).where(and(eq(payRuns.zoneId, scope.zoneId), eq(payRuns.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'pay_run',
      entityId: id,
      before: run,
    });
  });
}
