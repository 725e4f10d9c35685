import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { RoundInput } from '../../../shared/performance';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor, Tx } from '../../platform/db';
import { AppError, invalid, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import { departments, posts, staff } from '../org/org.tables';
import { addDays, appointIn, todayInChina } from './performance.appointments';
import { appointmentApplicants, appointmentRoundPosts, appointmentRounds } from './performance.tables';

registerConstraintField('appointment_rounds_zone_name_uq', 'name');
registerConstraintField('appointment_applicants_round_staff_uq', 'staffId');

/** total = written × w_written/100 + interview × w_interview/100, to the cent (half up). */
export function roundTotal(written: number, interview: number, writtenWeight: number, interviewWeight: number): number {
  return Math.round(written * writtenWeight + interview * interviewWeight) / 100;
}

export interface RankInput {
  id: string;
  total: number;
  interview: number;
  hiredOn: string | null;
  employeeNo: string;
}

/**
 * Ranks one post's applicants by the written rule (ROUND_TIE_BREAK_RULE): total desc, interview desc, earlier hire
 * date (unknown last), employee number. The first `seats` with total ≥ passScore are selected; the rest are not.
 */
export function rankApplicants(list: readonly RankInput[], seats: number, passScore: number) {
  const sorted = [...list].sort(
    (a, b) =>
      b.total - a.total ||
      b.interview - a.interview ||
      (a.hiredOn ?? '9999-12-31').localeCompare(b.hiredOn ?? '9999-12-31') ||
      a.employeeNo.localeCompare(b.employeeNo),
  );
  let taken = 0;
  return sorted.map((a, i) => {
    const selected = taken < seats && a.total >= passScore;
    if (selected) taken++;
    return { id: a.id, rank: i + 1, result: selected ? ('selected' as const) : ('not_selected' as const) };
  });
}

export async function getRound(ex: Executor, scope: ZoneScope, id: string) {
  const [round] = await ex
    .select()
    .from(appointmentRounds)
    .where(and(eq(appointmentRounds.zoneId, scope.zoneId), eq(appointmentRounds.id, id)));
  if (!round) return undefined;
  const offered = await ex
    .select({
      postId: appointmentRoundPosts.postId,
      postName: posts.name,
      departmentName: departments.name,
      coefficient: posts.coefficient,
      seats: appointmentRoundPosts.seats,
    })
    .from(appointmentRoundPosts)
    .innerJoin(posts, eq(posts.id, appointmentRoundPosts.postId))
    .innerJoin(departments, eq(departments.id, posts.departmentId))
    .where(eq(appointmentRoundPosts.roundId, id))
    .orderBy(departments.code, posts.name);
  const applicants = await ex
    .select({
      a: appointmentApplicants,
      staffName: staff.name,
      employeeNo: staff.employeeNo,
      departmentName: departments.name,
      archiveRank: staff.archiveRank,
    })
    .from(appointmentApplicants)
    .innerJoin(staff, eq(staff.id, appointmentApplicants.staffId))
    .innerJoin(departments, eq(departments.id, staff.departmentId))
    .where(eq(appointmentApplicants.roundId, id))
    .orderBy(appointmentApplicants.postId, asc(appointmentApplicants.rank), staff.employeeNo);
  return {
    ...round,
    createdAt: round.createdAt.toISOString(),
    posts: offered,
    applicants: applicants.map(({ a, ...r }) => ({
      id: a.id,
      postId: a.postId,
      staffId: a.staffId,
      writtenScore: a.writtenScore,
      interviewScore: a.interviewScore,
      total: a.total,
      rank: a.rank,
      result: a.result,
      appointmentId: a.appointmentId,
      ...r,
    })),
  };
}

export async function listRounds(ex: Executor, scope: ZoneScope) {
  const rows = await ex
    .select({ id: appointmentRounds.id })
    .from(appointmentRounds)
    .where(eq(appointmentRounds.zoneId, scope.zoneId))
    .orderBy(desc(appointmentRounds.createdAt), appointmentRounds.id)
    .limit(200);
  const out = [];
  for (const r of rows) out.push((await getRound(ex, scope, r.id))!);
  return out;
}

async function lockRound(tx: Tx, scope: ZoneScope, id: string) {
  const [round] = await tx
    .select()
    .from(appointmentRounds)
    .where(and(eq(appointmentRounds.zoneId, scope.zoneId), eq(appointmentRounds.id, id)))
    .for('update');
  if (!round) throw notFound();
  return round;
}

async function audit(tx: Tx, scope: ZoneScope, action: string, id: string, after: unknown) {
  await recordAudit(tx, {
    actor: scope.actor,
    zoneId: scope.zoneId,
    action,
    entity: 'appointment_round',
    entityId: id,
    after,
  });
}

export async function createRound(db: Db, scope: ZoneScope, input: RoundInput) {
  return db.transaction(async (tx) => {
    const ids = input.posts.map((p) => p.postId);
    const found = await tx
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.zoneId, scope.zoneId), inArray(posts.id, ids)));
    const known = new Set(found.map((p) => p.id));
    const fields: Record<string, 'UNKNOWN_REFERENCE'> = {};
    input.posts.forEach((p, i) => {
      if (!known.has(p.postId)) fields[`posts.${i}.postId`] = 'UNKNOWN_REFERENCE';
    });
    if (Object.keys(fields).length) throw invalid(fields);
    const { posts: offered, ...round } = input;
    const [row] = await tx
      .insert(appointmentRounds)
      .values({ ...round, zoneId: scope.zoneId })
      .returning();
    await tx
      .insert(appointmentRoundPosts)
      .values(offered.map((p) => ({ ...p, roundId: row!.id, zoneId: scope.zoneId })));
    await audit(tx, scope, 'create', row!.id, input);
    return (await getRound(tx, scope, row!.id))!;
  });
}

/** Registers an applicant for one post of an open round; one post per person per round. */
export async function addApplicant(db: Db, scope: ZoneScope, id: string, input: { postId: string; staffId: string }) {
  return db.transaction(async (tx) => {
    const round = await lockRound(tx, scope, id);
    if (round.status !== 'open') throw new AppError(409, 'ROUND_NOT_OPEN');
    const [offered] = await tx
      .select()
      .from(appointmentRoundPosts)
      .where(and(eq(appointmentRoundPosts.roundId, id), eq(appointmentRoundPosts.postId, input.postId)));
    if (!offered) throw invalid({ postId: 'POST_NOT_IN_ROUND' });
    const [person] = await tx
      .select()
      .from(staff)
      .where(and(eq(staff.zoneId, scope.zoneId), eq(staff.id, input.staffId), eq(staff.status, 'active')));
    if (!person) throw invalid({ staffId: 'UNKNOWN_REFERENCE' });
    const [row] = await tx
      .insert(appointmentApplicants)
      .values({ zoneId: scope.zoneId, roundId: id, postId: input.postId, staffId: person.id })
      .returning();
    await audit(tx, scope, 'apply', id, row);
    return (await getRound(tx, scope, id))!;
  });
}

/** Records written and interview scores and recomputes totals (reproducible: same scores, same totals). */
export async function saveScores(
  db: Db,
  scope: ZoneScope,
  id: string,
  scores: { applicantId: string; writtenScore: number; interviewScore: number }[],
) {
  return db.transaction(async (tx) => {
    const round = await lockRound(tx, scope, id);
    if (round.status !== 'open') throw new AppError(409, 'ROUND_NOT_OPEN');
    const applicants = await tx.select().from(appointmentApplicants).where(eq(appointmentApplicants.roundId, id));
    const known = new Set(applicants.map((a) => a.id));
    const fields: Record<string, 'UNKNOWN_REFERENCE'> = {};
    scores.forEach((s, i) => {
      if (!known.has(s.applicantId)) fields[`scores.${i}.applicantId`] = 'UNKNOWN_REFERENCE';
    });
    if (Object.keys(fields).length) throw invalid(fields);
    for (const s of scores) {
      await tx
        .update(appointmentApplicants)
        .set({
          writtenScore: s.writtenScore,
          interviewScore: s.interviewScore,
          total: roundTotal(s.writtenScore, s.interviewScore, round.writtenWeight, round.interviewWeight),
        })
        .where(eq(appointmentApplicants.id, s.applicantId));
    }
    await audit(tx, scope, 'score', id, scores);
    return (await getRound(tx, scope, id))!;
  });
}

/** Ranks every post, marks who is selected and opens the publicity period (公示) from today for publicityDays days. */
export async function publishRound(db: Db, scope: ZoneScope, id: string, today = todayInChina()) {
  return db.transaction(async (tx) => {
    const round = await lockRound(tx, scope, id);
    if (round.status !== 'open') throw new AppError(409, 'ROUND_NOT_OPEN');
    const offered = await tx.select().from(appointmentRoundPosts).where(eq(appointmentRoundPosts.roundId, id));
    const applicants = await tx
      .select({ a: appointmentApplicants, hiredOn: staff.hiredOn, employeeNo: staff.employeeNo })
      .from(appointmentApplicants)
      .innerJoin(staff, eq(staff.id, appointmentApplicants.staffId))
      .where(eq(appointmentApplicants.roundId, id));
    if (applicants.some(({ a }) => a.total === null)) throw new AppError(409, 'ROUND_UNSCORED');
    for (const p of offered) {
      const ranked = rankApplicants(
        applicants
          .filter(({ a }) => a.postId === p.postId)
          .map(({ a, hiredOn, employeeNo }) => ({
            id: a.id,
            total: a.total!,
            interview: a.interviewScore ?? 0,
            hiredOn,
            employeeNo,
          })),
        p.seats,
        round.passScore,
      );
      for (const r of ranked) {
        await tx
          .update(appointmentApplicants)
          .set({ rank: r.rank, result: r.result })
          .where(eq(appointmentApplicants.id, r.id));
      }
    }
    const [row] = await tx
      .update(appointmentRounds)
      .set({
        status: 'publicized',
        publicityStartsOn: today,
        publicityEndsOn: addDays(today, round.publicityDays - 1),
      })
      .where(eq(appointmentRounds.id, id))
      .returning();
    await audit(tx, scope, 'publish', id, row);
    return (await getRound(tx, scope, id))!;
  });
}

/**
 * After the publicity period: appoints everyone selected for a term from termStartsOn (term length and the §8
 * consecutive-term limit are the appointment rules; one refusal rolls the whole finalisation back).
 */
export async function finalizeRound(db: Db, scope: ZoneScope, id: string, today = todayInChina()) {
  return db.transaction(async (tx) => {
    const round = await lockRound(tx, scope, id);
    if (round.status !== 'publicized') throw new AppError(409, 'ROUND_NOT_PUBLICIZED');
    if (today <= round.publicityEndsOn!) {
      throw new AppError(409, 'PUBLICITY_NOT_OVER', { until: round.publicityEndsOn! });
    }
    const selected = await tx
      .select()
      .from(appointmentApplicants)
      .where(and(eq(appointmentApplicants.roundId, id), eq(appointmentApplicants.result, 'selected')));
    for (const a of selected) {
      const appointment = await appointIn(tx, scope, {
        staffId: a.staffId,
        postId: a.postId,
        method: round.method,
        startsOn: round.termStartsOn,
        termYears: 3,
        maxConsecutiveTerms: 3,
        committeeDecision: '',
      });
      await tx
        .update(appointmentApplicants)
        .set({ appointmentId: appointment.id })
        .where(eq(appointmentApplicants.id, a.id));
    }
    const [row] = await tx
      .update(appointmentRounds)
      .set({ status: 'finalized' })
      .where(eq(appointmentRounds.id, id))
      .returning();
    await audit(tx, scope, 'finalize', id, row);
    return (await getRound(tx, scope, id))!;
  });
}
