/**
 * Notices a step of an approval case issues (暂停/恢复计时/延期告知书, 不予受理通知书): their content, worked out from the
 * step and the working-day calendar, and their numbering and storage.
 */
import { and, eq, sql } from 'drizzle-orm';
import type {
  ApprovalRules,
  CaseActionInput,
  NoticeContent,
  NoticeKind,
  SuspensionType,
} from '../../../shared/approval';
import type { ZoneScope } from '../../platform/access';
import type { AuditEntry } from '../../platform/audit';
import type { WorkCalendar } from '../../platform/calendar';
import type { Tx } from '../../platform/db';
import type { CaseState } from './approval.machine';
import type * as repo from './approval.repository';
import { approvalNotices } from './approval.tables';

const NOTICE_OF: Partial<Record<CaseActionInput['action'], { kind: NoticeKind; prefix: string }>> = {
  suspend: { kind: 'suspension', prefix: 'ZT' },
  resume: { kind: 'resumption', prefix: 'HF' },
  extend: { kind: 'extension', prefix: 'YQ' },
  not_accept: { kind: 'not_accepted', prefix: 'BY' },
};

/**
 * Content of the notice a step issues (暂停/恢复计时/延期告知书, 不予受理通知书), or null when the step issues none.
 * Exported for the demo seed, so seeded case histories carry the same notices the service would have issued.
 */
export function noticeContentOf(
  cal: WorkCalendar,
  action: CaseActionInput['action'],
  before: Pick<CaseState, 'suspensions'> & { statutoryDue: string | null },
  after: Pick<CaseState, 'extensionDays' | 'extensionApprover'> & {
    committedDue: string | null;
    statutoryDue: string | null;
  },
  input: { reason?: string | null; suspensionType?: SuspensionType | null },
  on: string,
  rules: ApprovalRules,
): { kind: NoticeKind; prefix: string; content: NoticeContent } | null {
  const spec = NOTICE_OF[action];
  if (!spec) return null;
  // The suspension a resumption ends: the last one, open until this step.
  const ended = action === 'resume' ? before.suspensions.at(-1) : undefined;
  const suspensionType = action === 'suspend' ? (input.suspensionType ?? null) : (ended?.type ?? null);
  const content: NoticeContent = {
    reason: input.reason ?? null,
    suspensionType,
    capWorkdays:
      (action === 'suspend' || action === 'resume') && suspensionType ? rules.suspensionCaps[suspensionType] : null,
    suspendedFrom: ended?.from ?? null,
    suspendedWorkdays: ended ? Math.min(rules.suspensionCaps[ended.type], workdaysFromTo(cal, ended.from, on)) : null,
    extensionDays: action === 'extend' ? after.extensionDays : null,
    approver: action === 'extend' ? after.extensionApprover : null,
    committedDue: after.committedDue,
    statutoryDueBefore: before.statutoryDue,
    statutoryDueAfter: after.statutoryDue,
  };
  return { ...spec, content };
}

/** Working days d with from ≤ d < to (the days a suspension from `from`, resumed on `to`, stood on). */
function workdaysFromTo(cal: WorkCalendar, from: string, to: string): number {
  if (to <= from) return 0;
  const between = cal.workdaysBetween(from, to).workdays; // (from, to]
  return between + (cal.isWorkday(from).workday ? 1 : 0) - (cal.isWorkday(to).workday ? 1 : 0);
}

/**
 * The step's notice, numbered per case (case number + prefix + sequence of its kind) and kept as issued; returns its
 * audit entry for the caller to record with the step's own, or null when the step issues no notice.
 */
export async function issueNotice(
  tx: Tx,
  cal: WorkCalendar,
  scope: ZoneScope,
  before: repo.CaseRecord,
  after: repo.CaseRecord,
  input: CaseActionInput,
  on: string,
  rules: ApprovalRules,
): Promise<AuditEntry | null> {
  const spec = noticeContentOf(cal, input.action, before, after, input, on, rules);
  if (!spec) return null;
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(approvalNotices)
    .where(and(eq(approvalNotices.caseId, before.id), eq(approvalNotices.kind, spec.kind)));
  const [notice] = await tx
    .insert(approvalNotices)
    .values({
      zoneId: scope.zoneId,
      caseId: before.id,
      kind: spec.kind,
      noticeNo: `${before.caseNo}-${spec.prefix}${n + 1}`,
      issuedOn: on,
      issuedBy: scope.actor.displayName,
      content: spec.content,
    })
    .returning();
  return {
    actor: scope.actor,
    zoneId: scope.zoneId,
    action: 'issue_notice',
    entity: 'approval_notice',
    entityId: notice!.id,
    after: notice,
  };
}
