import { and, asc, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { AppointmentInput } from '../../../shared/performance';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor, Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import { departments, posts, staff } from '../org/org.tables';
import { appointments } from './performance.tables';

/** 'YYYY-MM-DD' + n years − 1 day: the last day of a term (2024-03-01 + 3 → 2027-02-28). */
export function termEnd(startsOn: string, years: number): string {
  const d = new Date(`${startsOn}T00:00:00Z`);
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  if (d.getUTCMonth() !== month) d.setUTCDate(0); // 29 Feb → 28 Feb
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

import { todayInChina } from '../../../shared/china-time';

export { todayInChina };

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Appoints a person to a post for one term (default 3 years). Rule §8: no more than maxConsecutiveTerms (default 3)
 * consecutive terms in one post unless the committee extends — the decision is then recorded on the term. A new term
 * starts after the current one ends. The person's appointed post (staff.post_id, the 聘任 track of 双轨) follows;
 * the archive rank is left alone.
 */
export async function appoint(db: Db, scope: ZoneScope, input: AppointmentInput) {
  return db.transaction((tx) => appointIn(tx, scope, input));
}

/** appoint() inside the caller's transaction (a round's finalisation appoints everyone selected at once). */
export async function appointIn(tx: Tx, scope: ZoneScope, input: AppointmentInput) {
  {
    const [person] = await tx
      .select()
      .from(staff)
      .where(and(eq(staff.zoneId, scope.zoneId), eq(staff.id, input.staffId)));
    if (!person) throw invalid({ staffId: 'UNKNOWN_REFERENCE' });
    const [post] = await tx
      .select()
      .from(posts)
      .where(and(eq(posts.zoneId, scope.zoneId), eq(posts.id, input.postId)));
    if (!post) throw invalid({ postId: 'UNKNOWN_REFERENCE' });
    const history = await tx
      .select()
      .from(appointments)
      .where(and(eq(appointments.zoneId, scope.zoneId), eq(appointments.staffId, person.id)))
      .orderBy(desc(appointments.startsOn));
    if (history[0] && input.startsOn <= history[0].endsOn)
      throw new AppError(409, 'TERM_OVERLAP', {}, { startsOn: 'TERM_OVERLAP' });
    let consecutive = 0;
    for (const h of history) {
      if (h.postId !== post.id) break;
      consecutive++;
    }
    const termNo = consecutive + 1;
    if (termNo > input.maxConsecutiveTerms && !input.committeeDecision) {
      throw new AppError(409, 'TERM_LIMIT', { max: input.maxConsecutiveTerms }, { committeeDecision: 'TERM_LIMIT' });
    }
    const [row] = await tx
      .insert(appointments)
      .values({
        zoneId: scope.zoneId,
        staffId: person.id,
        postId: post.id,
        method: input.method,
        startsOn: input.startsOn,
        endsOn: termEnd(input.startsOn, input.termYears),
        termNo,
        committeeDecision: termNo > input.maxConsecutiveTerms ? input.committeeDecision : '',
      })
      .returning();
    if (person.postId !== post.id) {
      await tx
        .update(staff)
        .set({ postId: post.id, departmentId: post.departmentId, updatedAt: new Date() })
        .where(eq(staff.id, person.id));
    }
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'appoint',
      entity: 'appointment',
      entityId: row!.id,
      before: { postId: person.postId, departmentId: person.departmentId },
      after: row,
    });
    return (await listAppointments(tx, scope, { staffId: person.id }))[0]!;
  }
}

/** Appointment history (newest first) with the 双轨 pair: archive rank beside the appointed post; or expiry alerts. */
export async function listAppointments(
  ex: Executor,
  scope: ZoneScope,
  q: { staffId?: string; expiringWithinDays?: number },
  today = todayInChina(),
) {
  const where: SQL[] = [eq(appointments.zoneId, scope.zoneId)];
  if (scope.departmentId) where.push(eq(staff.departmentId, scope.departmentId));
  if (q.staffId) where.push(eq(appointments.staffId, q.staffId));
  if (q.expiringWithinDays !== undefined) {
    where.push(gte(appointments.endsOn, today), lte(appointments.endsOn, addDays(today, q.expiringWithinDays)));
  }
  const rows = await ex
    .select({
      a: appointments,
      staffName: staff.name,
      employeeNo: staff.employeeNo,
      archiveRank: staff.archiveRank,
      postName: posts.name,
      departmentName: departments.name,
    })
    .from(appointments)
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .innerJoin(posts, eq(posts.id, appointments.postId))
    .innerJoin(departments, eq(departments.id, posts.departmentId))
    .where(and(...where))
    .orderBy(
      q.expiringWithinDays !== undefined ? asc(appointments.endsOn) : desc(appointments.startsOn),
      asc(appointments.id),
    )
    .limit(1000);
  return rows.map(({ a, ...r }) => ({
    id: a.id,
    staffId: a.staffId,
    postId: a.postId,
    method: a.method,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    termNo: a.termNo,
    committeeDecision: a.committeeDecision,
    ...r,
  }));
}
