import { and, eq } from 'drizzle-orm';
import { type OrgComparison, type OrgSnapshotInput, orgMetrics, reductionRate } from '../../../shared/reform';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { dispositionSummary } from './reform.disposition';
import { reformOrgSnapshots as snapshots } from './reform.tables';

type Phase = 'before' | 'after';

async function getSnapshot(ex: Executor, scope: ZoneScope, phase: Phase) {
  const [row] = await ex
    .select()
    .from(snapshots)
    .where(and(eq(snapshots.zoneId, scope.zoneId), eq(snapshots.phase, phase)));
  return row;
}

/** Enter (or correct) the raw counts of one phase. */
export async function saveSnapshot(db: Db, scope: ZoneScope, phase: Phase, input: OrgSnapshotInput) {
  return db.transaction(async (tx) => {
    const before = await getSnapshot(tx, scope, phase);
    const [row] = await tx
      .insert(snapshots)
      .values({ ...input, zoneId: scope.zoneId, phase })
      .onConflictDoUpdate({
        target: [snapshots.zoneId, snapshots.phase],
        set: { ...input, updatedAt: new Date() },
      })
      .returning();
    // 七个一批 sum check: once both phases exist, every contract-staff member counted before must be on the roster
    // exactly once, and the retained channel must hold exactly the after count.
    const sum = await dispositionSummary(tx, scope);
    if (sum.before !== null && sum.after !== null && !sum.balanced) {
      throw new AppError(
        409,
        'REFORM_DISPOSITION_UNBALANCED',
        { roster: sum.roster, before: sum.before, retained: sum.retained, after: sum.after },
        { contractStaff: 'REFORM_DISPOSITION_UNBALANCED_FIELD' },
      );
    }
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: before ? 'update' : 'create',
      entity: 'reform_org_snapshot',
      entityId: row!.id,
      before,
      after: row,
    });
    return row!;
  });
}

/**
 * DOMAIN.md §1: reduction rate = (before − after) / before, two decimals, for every metric; yearly cost saved =
 * before − after. The reported total is compared with on-staff + contract + SOE of the same phase.
 */
export async function orgComparison(ex: Executor, scope: ZoneScope): Promise<OrgComparison> {
  const [b, a] = await Promise.all([getSnapshot(ex, scope, 'before'), getSnapshot(ex, scope, 'after')]);
  const rows = orgMetrics.map((metric) => {
    const before = b ? b[metric] : null;
    const after = a ? a[metric] : null;
    const both = before !== null && after !== null;
    return {
      metric,
      before,
      after,
      reduced: both ? before - after : null,
      reductionRate: both ? reductionRate(before, after) : null,
    };
  });
  const sum = (s: typeof b) => (s ? s.onStaff + s.contractStaff + s.soeStaff : null);
  const present = (s: typeof b) => (s ? { ...s, updatedAt: s.updatedAt.toISOString() } : null);
  return {
    before: present(b),
    after: present(a),
    rows,
    yearlyCostSavedFen: b && a ? b.yearlyCostFen - a.yearlyCostFen : null,
    sumOfGroups: { before: sum(b), after: sum(a) },
  };
}
