import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { MatterDecision, MatterInput, MatterListQuery, MatterStatus } from '../../../shared/reform-platform';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor, Tx } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { AppError, invalid, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import { reformPlatformMatters as matters } from './reform.tables';

registerConstraintField('reform_platform_matters_zone_code_uq', 'code');

export type MatterRow = typeof matters.$inferSelect;
type Filters = Omit<MatterListQuery, 'current' | 'pageSize'>;

function query(scope: ZoneScope, q: Filters) {
  const where: SQL[] = [eq(matters.zoneId, scope.zoneId)];
  if (q.status) where.push(eq(matters.status, q.status));
  if (q.category) where.push(eq(matters.category, q.category));
  if (q.q) {
    const p = likePattern(q.q.trim());
    where.push(or(ilike(matters.title, p), ilike(matters.code, p), ilike(matters.company, p)) as SQL);
  }
  const order = orderBy(
    q,
    { code: matters.code, submittedOn: matters.submittedOn, decidedOn: matters.decidedOn, status: matters.status },
    asc(matters.code),
    matters.id,
  );
  return { cond: and(...where), order };
}

export async function listMatters(ex: Executor, scope: ZoneScope, q: MatterListQuery) {
  const { cond, order } = query(scope, q);
  const [data, [total]] = await Promise.all([
    ex
      .select()
      .from(matters)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(matters).where(cond),
  ]);
  return { data, total: total?.n ?? 0 };
}

export async function matterPage(ex: Executor, scope: ZoneScope, q: Filters, offset: number, limit: number) {
  const { cond, order } = query(scope, q);
  return ex
    .select()
    .from(matters)
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
}

export async function getMatter(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await ex
    .select()
    .from(matters)
    .where(and(eq(matters.zoneId, scope.zoneId), eq(matters.id, id)));
  return row;
}

async function audited(
  tx: Tx,
  scope: ZoneScope,
  action: string,
  id: string,
  before: MatterRow | undefined,
  after: MatterRow | undefined,
) {
  await recordAudit(tx, {
    actor: scope.actor,
    zoneId: scope.zoneId,
    action,
    entity: 'reform_platform_matter',
    entityId: id,
    before,
    after,
  });
}

/** Only a draft can be edited or deleted: once submitted, the request is the record the committee decides on. */
async function loadIn(tx: Tx, scope: ZoneScope, id: string, status: MatterStatus) {
  const row = await getMatter(tx, scope, id);
  if (!row) throw notFound();
  if (row.status !== status) throw new AppError(409, 'REFORM_MATTER_STATUS', { status: row.status });
  return row;
}

const who = (scope: ZoneScope) => scope.actor.displayName || scope.actor.username;

export async function createMatter(db: Db, scope: ZoneScope, input: MatterInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(matters)
      .values({ ...input, zoneId: scope.zoneId })
      .returning();
    await audited(tx, scope, 'create', row!.id, undefined, row);
    return row!;
  });
}

export async function updateMatter(db: Db, scope: ZoneScope, id: string, input: MatterInput) {
  return db.transaction(async (tx) => {
    const before = await loadIn(tx, scope, id, 'draft');
    const [row] = await tx
      .update(matters)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(matters.zoneId, scope.zoneId), eq(matters.id, id)))
      .returning();
    await audited(tx, scope, 'update', id, before, row);
    return row!;
  });
}

export async function deleteMatter(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await loadIn(tx, scope, id, 'draft');
    await tx.delete(matters).where(and(eq(matters.zoneId, scope.zoneId), eq(matters.id, id)));
    await audited(tx, scope, 'delete', id, before, undefined);
  });
}

async function transition(
  db: Db,
  scope: ZoneScope,
  id: string,
  from: MatterStatus,
  action: string,
  set: (before: MatterRow) => Partial<MatterRow>,
) {
  return db.transaction(async (tx) => {
    const before = await loadIn(tx, scope, id, from);
    const [row] = await tx
      .update(matters)
      .set({ ...set(before), updatedAt: new Date() })
      .where(and(eq(matters.zoneId, scope.zoneId), eq(matters.id, id)))
      .returning();
    await audited(tx, scope, action, id, before, row);
    return row!;
  });
}

/** The company submits a draft to the committee. */
export function submitMatter(db: Db, scope: ZoneScope, id: string, submittedOn: string) {
  return transition(db, scope, id, 'draft', 'submit', () => ({
    status: 'submitted',
    submittedOn,
    submittedBy: who(scope),
  }));
}

/** The committee decides a submitted matter, recording the meeting; not before the submission date. */
export function decideMatter(db: Db, scope: ZoneScope, id: string, d: MatterDecision) {
  return transition(db, scope, id, 'submitted', d.outcome === 'approved' ? 'approve' : 'reject', (before) => {
    if (before.submittedOn && d.decidedOn < before.submittedOn)
      throw invalid({ decidedOn: 'REFORM_DATE_BEFORE_SUBMITTED' });
    return {
      status: d.outcome,
      decidedOn: d.decidedOn,
      meeting: d.meeting,
      decisionNote: d.decisionNote,
      decidedBy: who(scope),
    };
  });
}

/** Only an approved matter may be carried out (决策前置): the company records the execution date. */
export function executeMatter(db: Db, scope: ZoneScope, id: string, e: { executedOn: string; executionNote: string }) {
  return transition(db, scope, id, 'approved', 'execute', (before) => {
    if (before.decidedOn && e.executedOn < before.decidedOn)
      throw invalid({ executedOn: 'REFORM_DATE_BEFORE_DECIDED' });
    return { status: 'executed', executedOn: e.executedOn, executionNote: e.executionNote };
  });
}
