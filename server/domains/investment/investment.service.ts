import { and, eq, sql } from 'drizzle-orm';
import {
  type MoveRequest,
  type PipelineInput,
  type ProjectType,
  SIGNING_STAGE,
  type StageSets,
  type TargetInput,
} from '../../../shared/investment';
import type { LightParams } from '../../../shared/projects';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor, Tx } from '../../platform/db';
import { AppError, invalid, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import { createEnterprise } from '../enterprises/enterprises.service';
import { enterprises } from '../enterprises/enterprises.tables';
import { departments } from '../org/org.tables';
import { openKeyProjectForSigning, todayInShanghai } from '../projects/projects.service';
import { subParks } from '../tenancy/tenancy.tables';
import { getPipeline, settingsOf } from './investment.repository';
import {
  investmentOpinions,
  investmentProjects,
  investmentSettings,
  investmentStageMoves,
  investmentTargets,
  investmentTeams,
} from './investment.tables';

registerConstraintField('investment_teams_zone_name_uq', 'name');
registerConstraintField('investment_stage_moves_one_pending_uq', 'toStage');

const DAY_MS = 86_400_000;

async function checkRefs(ex: Executor, scope: ZoneScope, input: { teamId: string | null; subParkId: string | null }) {
  if (input.teamId) {
    const [t] = await ex
      .select({ id: investmentTeams.id })
      .from(investmentTeams)
      .where(and(eq(investmentTeams.zoneId, scope.zoneId), eq(investmentTeams.id, input.teamId)));
    if (!t) throw invalid({ teamId: 'UNKNOWN_REFERENCE' });
  }
  if (input.subParkId) {
    const [p] = await ex
      .select({ id: subParks.id })
      .from(subParks)
      .where(and(eq(subParks.zoneId, scope.zoneId), eq(subParks.id, input.subParkId)));
    if (!p) throw invalid({ subParkId: 'UNKNOWN_REFERENCE' });
  }
}

export async function createPipeline(db: Db, scope: ZoneScope, input: PipelineInput) {
  return db.transaction(async (tx) => {
    await checkRefs(tx, scope, input);
    const { stageSets } = await settingsOf(tx, scope.zoneId);
    const first = stageSets[input.type][0]!.key;
    const [row] = await tx
      .insert(investmentProjects)
      .values({ ...input, zoneId: scope.zoneId, stage: first })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'investment_project',
      entityId: row!.id,
      after: row,
    });
    return (await getPipeline(tx, scope, row!.id))!;
  });
}

export async function updatePipeline(db: Db, scope: ZoneScope, id: string, input: PipelineInput) {
  return db.transaction(async (tx) => {
    const before = await getPipeline(tx, scope, id);
    if (!before) throw notFound();
    await checkRefs(tx, scope, input);
    if (input.type !== before.type) {
      const { stageSets } = await settingsOf(tx, scope.zoneId);
      if (!stageSets[input.type].some((s) => s.key === before.stage)) throw invalid({ type: 'STAGE_NOT_IN_SET' });
    }
    const [row] = await tx
      .update(investmentProjects)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(investmentProjects.zoneId, scope.zoneId), eq(investmentProjects.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'investment_project',
      entityId: id,
      before,
      after: row,
    });
    return (await getPipeline(tx, scope, id))!;
  });
}

/** A signed project (it has an enterprise and a key project) stays: it is part of the zone's record. */
export async function deletePipeline(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await getPipeline(tx, scope, id);
    if (!before) throw notFound();
    if (before.signedOn || before.keyProjectId) throw new AppError(409, 'IN_USE');
    await tx
      .delete(investmentProjects)
      .where(and(eq(investmentProjects.zoneId, scope.zoneId), eq(investmentProjects.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'investment_project',
      entityId: id,
      before,
    });
  });
}

/** Locks the project row for the rest of the transaction (stage moves are serialised per project). */
async function lockProject(tx: Tx, scope: ZoneScope, id: string) {
  const [row] = await tx
    .select()
    .from(investmentProjects)
    .where(and(eq(investmentProjects.zoneId, scope.zoneId), eq(investmentProjects.id, id)))
    .for('update');
  if (!row) throw notFound();
  return row;
}

function nextStage(sets: StageSets, type: ProjectType, current: string) {
  const stages = sets[type];
  const i = stages.findIndex((s) => s.key === current);
  return i >= 0 ? stages[i + 1] : undefined;
}

/**
 * Ask to move a project into its next stage (DOMAIN.md §4: no stage moves without evidence). Only the next stage
 * of the type's stage set; one pending request at a time; signing also names the enterprise and key project.
 */
export async function requestMove(db: Db, scope: ZoneScope, projectId: string, input: MoveRequest) {
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, scope, projectId);
    const { stageSets } = await settingsOf(tx, scope.zoneId);
    const next = nextStage(stageSets, project.type, project.stage);
    if (!next || next.key !== input.toStage) throw invalid({ toStage: 'NOT_NEXT_STAGE' });
    if (input.toStage === SIGNING_STAGE) {
      const fields: Record<string, 'REQUIRED'> = {};
      if (!input.enterprise) fields.enterprise = 'REQUIRED';
      if (!input.keyProject) fields.keyProject = 'REQUIRED';
      if (Object.keys(fields).length > 0) throw invalid(fields);
      if (input.keyProject!.plannedCompletion < input.keyProject!.plannedStart) {
        throw invalid({ 'keyProject.plannedCompletion': 'BEFORE_START' });
      }
    }
    const [pending] = await tx
      .select({ id: investmentStageMoves.id })
      .from(investmentStageMoves)
      .where(and(eq(investmentStageMoves.projectId, projectId), eq(investmentStageMoves.status, 'pending')));
    if (pending) throw new AppError(409, 'MOVE_PENDING');
    const [move] = await tx
      .insert(investmentStageMoves)
      .values({
        zoneId: scope.zoneId,
        projectId,
        fromStage: project.stage,
        toStage: input.toStage,
        evidence: input.evidence,
        enterprise: input.toStage === SIGNING_STAGE ? input.enterprise : null,
        keyProject: input.toStage === SIGNING_STAGE ? input.keyProject : null,
        requestedBy: scope.actor.userId,
        requestedByName: scope.actor.displayName,
      })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'request_move',
      entity: 'investment_project',
      entityId: projectId,
      after: move,
    });
    return move!;
  });
}

/**
 * Approve or reject a pending move. The approver must not be the requester (four eyes). Approval moves the project,
 * fixes the days spent in the stage it leaves, and when the new stage is the signing stage: creates the enterprise
 * (or links the zone's enterprise with that credit code) and opens the key project — all in one transaction.
 */
export async function decideMove(db: Db, scope: ZoneScope, moveId: string, approve: boolean, opinion: string) {
  return db.transaction(async (tx) => {
    const [move] = await tx
      .select()
      .from(investmentStageMoves)
      .where(and(eq(investmentStageMoves.zoneId, scope.zoneId), eq(investmentStageMoves.id, moveId)));
    if (!move) throw notFound();
    const project = await lockProject(tx, scope, move.projectId);
    if (move.status !== 'pending') throw new AppError(409, 'MOVE_DECIDED');
    if (move.requestedBy === scope.actor.userId) throw new AppError(403, 'SELF_APPROVAL');
    const now = new Date();
    const daysInStage = Math.floor((now.getTime() - project.stageEnteredAt.getTime()) / DAY_MS);
    const [decided] = await tx
      .update(investmentStageMoves)
      .set({
        status: approve ? 'approved' : 'rejected',
        decidedBy: scope.actor.userId,
        decidedByName: scope.actor.displayName,
        decidedAt: now,
        opinion,
        daysInStage: approve ? daysInStage : null,
      })
      .where(eq(investmentStageMoves.id, moveId))
      .returning();
    await tx.insert(investmentOpinions).values({
      zoneId: scope.zoneId,
      projectId: project.id,
      authorId: scope.actor.userId,
      authorName: scope.actor.displayName,
      text: opinion,
    });
    if (approve) {
      const patch: Partial<typeof investmentProjects.$inferInsert> = { stage: move.toStage, stageEnteredAt: now };
      if (move.toStage === SIGNING_STAGE && move.enterprise && move.keyProject) {
        const signedOn = todayInShanghai();
        const enterpriseId = await createOrLinkEnterprise(tx, scope, move.enterprise, project.subParkId);
        Object.assign(patch, { signedOn, enterpriseId });
        await openKeyProjectForSigning(tx, scope, {
          pipelineProjectId: project.id,
          name: project.name,
          enterpriseId,
          subParkId: project.subParkId,
          totalInvestmentFen: project.agreedInvestmentFen,
          ...move.keyProject,
          signedOn,
        });
      }
      await tx
        .update(investmentProjects)
        .set({ ...patch, updatedAt: now })
        .where(eq(investmentProjects.id, project.id));
    }
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: approve ? 'approve_move' : 'reject_move',
      entity: 'investment_project',
      entityId: project.id,
      before: { stage: project.stage },
      after: decided,
    });
    return decided!;
  });
}

async function createOrLinkEnterprise(
  tx: Tx,
  scope: ZoneScope,
  e: { creditCode: string; name: string; industryCode: string },
  subParkId: string | null,
): Promise<string> {
  const [existing] = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.creditCode, e.creditCode)));
  if (existing) return existing.id;
  // The enterprises domain's own service (a savepoint inside this transaction, with its audit event).
  const created = await createEnterprise(tx, scope, {
    creditCode: e.creditCode,
    name: e.name,
    industryCode: e.industryCode,
    subParkId,
    legalRep: '',
    buildingM2: null,
    contacts: [],
    scale: 'below',
    tags: [],
    landMu: null,
    serviceOfficerId: null,
    establishedOn: null,
    status: 'operating',
  });
  return created.id;
}

export async function addOpinion(db: Db, scope: ZoneScope, projectId: string, text: string) {
  return db.transaction(async (tx) => {
    const project = await getPipeline(tx, scope, projectId);
    if (!project) throw notFound();
    const [row] = await tx
      .insert(investmentOpinions)
      .values({
        zoneId: scope.zoneId,
        projectId,
        authorId: scope.actor.userId,
        authorName: scope.actor.displayName,
        text,
      })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'opinion',
      entity: 'investment_project',
      entityId: projectId,
      after: row,
    });
    return { id: row!.id, authorName: row!.authorName, text: row!.text, at: row!.at.toISOString() };
  });
}

export async function saveTeam(
  db: Db,
  scope: ZoneScope,
  id: string | null,
  input: { name: string; leaderName: string; departmentId: string | null },
) {
  return db.transaction(async (tx) => {
    if (input.departmentId) {
      const [d] = await tx
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.zoneId, scope.zoneId), eq(departments.id, input.departmentId)));
      if (!d) throw invalid({ departmentId: 'UNKNOWN_REFERENCE' });
    }
    let row: typeof investmentTeams.$inferSelect | undefined;
    if (id) {
      [row] = await tx
        .update(investmentTeams)
        .set(input)
        .where(and(eq(investmentTeams.zoneId, scope.zoneId), eq(investmentTeams.id, id)))
        .returning();
      if (!row) throw notFound();
    } else {
      [row] = await tx
        .insert(investmentTeams)
        .values({ ...input, zoneId: scope.zoneId })
        .returning();
    }
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: id ? 'update' : 'create',
      entity: 'investment_team',
      entityId: row!.id,
      after: row,
    });
    return { id: row!.id, name: row!.name, leaderName: row!.leaderName, departmentId: row!.departmentId };
  });
}

export async function saveTarget(db: Db, scope: ZoneScope, input: TargetInput) {
  return db.transaction(async (tx) => {
    await checkRefs(tx, scope, { teamId: input.teamId, subParkId: null });
    const [row] = await tx
      .insert(investmentTargets)
      .values({ ...input, zoneId: scope.zoneId })
      .onConflictDoUpdate({
        target: [investmentTargets.zoneId, investmentTargets.teamId, investmentTargets.year],
        set: {
          signedCount: input.signedCount,
          signedAmountFen: input.signedAmountFen,
          fundsInPlaceFen: input.fundsInPlaceFen,
        },
      })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'set_target',
      entity: 'investment_target',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

/** Replace the zone's stage sets and light parameters. Stages that projects are in may not disappear. */
export async function saveSettings(
  db: Db,
  scope: ZoneScope,
  input: { stageSets: StageSets; lightParams: LightParams },
) {
  return db.transaction(async (tx) => {
    const before = await settingsOf(tx, scope.zoneId);
    const used = await tx
      .selectDistinct({ type: investmentProjects.type, stage: investmentProjects.stage })
      .from(investmentProjects)
      .where(eq(investmentProjects.zoneId, scope.zoneId));
    for (const u of used) {
      if (!input.stageSets[u.type].some((s) => s.key === u.stage)) {
        throw invalid({ [`stageSets.${u.type}`]: 'STAGE_IN_USE' });
      }
    }
    await tx
      .insert(investmentSettings)
      .values({ zoneId: scope.zoneId, ...input })
      .onConflictDoUpdate({ target: investmentSettings.zoneId, set: { ...input, updatedAt: sql`now()` } });
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'investment_settings',
      entityId: scope.zoneId,
      before,
      after: input,
    });
    return input;
  });
}
