import type {
  ApprovalRules,
  CaseAction,
  CaseStatus,
  Material,
  Suspension,
  SuspensionType,
} from '../../../shared/approval';
import type { WorkCalendar } from '../../platform/calendar';
import type { MessageKey } from '../../platform/i18n';
import { completenessDue, computeClock } from './approval.clock';

/**
 * The case state machine of DOMAIN.md §2, as a pure function: (state, action, day) → next state or a refusal.
 * The service persists what this returns; the property test drives it with random action sequences.
 *
 * DRAFT → SUBMITTED → ACCEPTED | NOT_ACCEPTED | AWAITING_CORRECTION (one-time list; none within 5 working days →
 * accepted on receipt) → IN_REVIEW ⇄ SUSPENDED → DECIDED(approved|denied) → ISSUED → CLOSED; WITHDRAWN;
 * TERMINATED (容缺 materials not supplied in time). 告知承诺: APPROVED_ON_COMMITMENT → VERIFICATION_DUE →
 * VERIFIED | REVOKED.
 */
export interface CaseState {
  status: CaseStatus;
  outcome: 'approved' | 'denied' | null;
  mode: 'normal' | 'commitment';
  /** Several items or departments: joint handling (extension +15 instead of +10). */
  joint: boolean;
  rongqueAllowed: boolean;
  limitUnit: 'workday' | 'calendar';
  committedDays: number;
  statutoryDays: number;
  extensionDays: number;
  extensionApprover: string | null;
  materials: Material[];
  suppliedMaterials: string[];
  correctionList: string[];
  rongqueMaterials: string[];
  rongqueDue: string | null;
  verificationDue: string | null;
  suspensions: Suspension[];
  submittedOn: string | null;
  acceptedOn: string | null;
  decidedOn: string | null;
  closedOn: string | null;
  /** Day of the latest step: no step may be dated before it. */
  lastOn: string | null;
}

export type Side = 'applicant' | 'staff' | 'approver';

export interface ActionRequest {
  action: CaseAction;
  on: string;
  side: Side;
  actorName: string;
  reason?: string;
  materials?: string[];
  suspensionType?: SuspensionType;
}

export class TransitionError extends Error {
  constructor(
    readonly code: MessageKey,
    readonly params: Record<string, unknown> = {},
    readonly field?: string,
  ) {
    super(code);
  }
}

/** From which statuses each action may run, and who may take it. */
export const TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; sides: readonly Side[] }> = {
  submit: { from: ['DRAFT'], sides: ['applicant', 'staff', 'approver'] },
  accept: { from: ['SUBMITTED'], sides: ['staff', 'approver'] },
  not_accept: { from: ['SUBMITTED'], sides: ['staff', 'approver'] },
  request_correction: { from: ['SUBMITTED'], sides: ['staff', 'approver'] },
  resubmit: { from: ['AWAITING_CORRECTION'], sides: ['applicant', 'staff', 'approver'] },
  start_review: { from: ['ACCEPTED'], sides: ['staff', 'approver'] },
  suspend: { from: ['IN_REVIEW'], sides: ['staff', 'approver'] },
  resume: { from: ['SUSPENDED'], sides: ['staff', 'approver'] },
  extend: { from: ['IN_REVIEW', 'SUSPENDED'], sides: ['approver'] },
  approve: { from: ['ACCEPTED', 'IN_REVIEW'], sides: ['staff', 'approver'] },
  deny: { from: ['ACCEPTED', 'IN_REVIEW'], sides: ['staff', 'approver'] },
  approve_on_commitment: { from: ['ACCEPTED', 'IN_REVIEW'], sides: ['staff', 'approver'] },
  open_verification: { from: ['APPROVED_ON_COMMITMENT'], sides: ['staff', 'approver'] },
  verify: { from: ['VERIFICATION_DUE'], sides: ['staff', 'approver'] },
  revoke: { from: ['APPROVED_ON_COMMITMENT', 'VERIFICATION_DUE'], sides: ['staff', 'approver'] },
  issue: { from: ['DECIDED'], sides: ['staff', 'approver'] },
  close: { from: ['ISSUED', 'DECIDED'], sides: ['staff', 'approver'] },
  withdraw: {
    from: ['DRAFT', 'SUBMITTED', 'AWAITING_CORRECTION', 'ACCEPTED', 'IN_REVIEW', 'SUSPENDED'],
    sides: ['applicant', 'staff', 'approver'],
  },
  terminate: { from: ['ACCEPTED', 'IN_REVIEW', 'SUSPENDED'], sides: ['staff', 'approver'] },
  supplement: {
    from: ['SUBMITTED', 'AWAITING_CORRECTION', 'ACCEPTED', 'IN_REVIEW', 'SUSPENDED'],
    sides: ['applicant', 'staff', 'approver'],
  },
};

/** Actions the given side may take now (for buttons; the server checks again). */
export function availableActions(state: CaseState, side: Side, today?: string): CaseAction[] {
  const hidden = (a: CaseAction): boolean => {
    switch (a) {
      case 'approve_on_commitment':
        return state.mode !== 'commitment';
      case 'terminate':
        return (
          state.rongqueMaterials.length === 0 || !state.rongqueDue || (today !== undefined && today <= state.rongqueDue)
        );
      case 'extend':
        return state.extensionDays > 0;
      case 'issue':
        return state.outcome !== 'approved';
      case 'close':
        return state.status === 'DECIDED' && state.outcome === 'approved';
      case 'request_correction':
        return state.correctionList.length > 0;
      default:
        return false;
    }
  };
  return (Object.keys(TRANSITIONS) as CaseAction[]).filter(
    (a) => TRANSITIONS[a].from.includes(state.status) && TRANSITIONS[a].sides.includes(side) && !hidden(a),
  );
}

function missingRequired(state: CaseState): Material[] {
  const supplied = new Set(state.suppliedMaterials);
  return state.materials.filter((m) => m.required && !supplied.has(m.code));
}

function statutoryDueOf(cal: WorkCalendar, s: CaseState, today: string, rules: ApprovalRules): string | null {
  return computeClock(cal, s, today, rules).statutoryDue;
}

/**
 * Applies one action. Returns the next state; throws TransitionError with a message key when the action is not
 * allowed (wrong status, wrong side, or a rule of DOMAIN.md §2 refuses it).
 */
export function applyAction(cal: WorkCalendar, state: CaseState, req: ActionRequest, rules: ApprovalRules): CaseState {
  const rule = TRANSITIONS[req.action];
  if (!rule.from.includes(state.status)) {
    throw new TransitionError('INVALID_TRANSITION', { action: req.action, status: state.status });
  }
  if (!rule.sides.includes(req.side)) {
    throw new TransitionError(req.action === 'extend' ? 'EXTENSION_NEEDS_APPROVER' : 'FORBIDDEN');
  }
  if (state.lastOn && req.on < state.lastOn) {
    throw new TransitionError('DATE_BEFORE_LAST_STEP', { last: state.lastOn }, 'on');
  }
  const s: CaseState = {
    ...state,
    suspensions: state.suspensions.map((x) => ({ ...x })),
    suppliedMaterials: [...state.suppliedMaterials],
    lastOn: req.on,
  };
  const on = req.on;
  const needReason = () => {
    if (!req.reason) throw new TransitionError('REASON_REQUIRED', {}, 'reason');
  };
  const known = new Set(state.materials.map((m) => m.code));
  const checkCodes = (codes: string[]) => {
    for (const c of codes) if (!known.has(c)) throw new TransitionError('UNKNOWN_MATERIAL', { code: c }, 'materials');
  };
  const withinCompleteness = () => {
    if (s.submittedOn && on > completenessDue(cal, s.submittedOn, rules).date) {
      throw new TransitionError('COMPLETENESS_EXPIRED', { days: rules.completenessDays });
    }
  };

  switch (req.action) {
    case 'submit':
      s.status = 'SUBMITTED';
      s.submittedOn = on;
      break;
    case 'accept': {
      const missing = missingRequired(s);
      const hard = missing.filter((m) => !m.mayFollow);
      if (hard.length > 0) {
        throw new TransitionError('MATERIALS_MISSING', { names: hard.map((m) => m.name).join('、') }, 'materials');
      }
      if (missing.length > 0 && !s.rongqueAllowed) {
        throw new TransitionError('RONGQUE_NOT_ALLOWED', { names: missing.map((m) => m.name).join('、') });
      }
      // 5-day completeness rule: a late acceptance counts from receipt.
      const late = s.submittedOn !== null && on > completenessDue(cal, s.submittedOn, rules).date;
      s.acceptedOn = late ? s.submittedOn : on;
      s.status = 'ACCEPTED';
      s.rongqueMaterials = missing.map((m) => m.code);
      s.rongqueDue = missing.length > 0 ? cal.addWorkdays(s.acceptedOn!, rules.rongqueDays).date : null;
      break;
    }
    case 'not_accept':
      needReason();
      withinCompleteness();
      s.status = 'NOT_ACCEPTED';
      s.closedOn = on;
      break;
    case 'request_correction': {
      if (s.correctionList.length > 0) throw new TransitionError('CORRECTION_ONCE');
      const list = req.materials ?? [];
      if (list.length === 0) throw new TransitionError('REQUIRED', {}, 'materials');
      checkCodes(list);
      withinCompleteness();
      s.correctionList = [...new Set(list)];
      s.status = 'AWAITING_CORRECTION';
      break;
    }
    case 'resubmit':
      checkCodes(req.materials ?? []);
      s.suppliedMaterials = [...new Set([...s.suppliedMaterials, ...(req.materials ?? [])])];
      s.status = 'SUBMITTED';
      s.submittedOn = on;
      break;
    case 'start_review':
      s.status = 'IN_REVIEW';
      break;
    case 'suspend': {
      if (!req.suspensionType) throw new TransitionError('REQUIRED', {}, 'suspensionType');
      needReason();
      s.suspensions.push({ type: req.suspensionType, from: on, to: null, reason: req.reason! });
      s.status = 'SUSPENDED';
      break;
    }
    case 'resume': {
      const open = s.suspensions.at(-1);
      if (open) open.to = on;
      s.status = 'IN_REVIEW';
      break;
    }
    case 'extend': {
      if (s.extensionDays > 0) throw new TransitionError('EXTENSION_ONCE');
      const due = statutoryDueOf(cal, s, on, rules);
      if (due && on > due) throw new TransitionError('EXTENSION_TOO_LATE', { due });
      needReason();
      s.extensionDays = s.joint ? rules.extensionJointDays : rules.extensionSingleDays;
      s.extensionApprover = req.actorName;
      break;
    }
    case 'approve':
    case 'approve_on_commitment':
      if (s.rongqueMaterials.length > 0) throw new TransitionError('RONGQUE_OUTSTANDING');
      if (req.action === 'approve_on_commitment') {
        if (s.mode !== 'commitment') throw new TransitionError('NOT_COMMITMENT_MODE');
        s.status = 'APPROVED_ON_COMMITMENT';
        s.verificationDue = cal.addWorkdays(on, rules.verificationDays).date;
      } else {
        s.status = 'DECIDED';
      }
      s.outcome = 'approved';
      s.decidedOn = on;
      break;
    case 'deny':
      needReason();
      s.status = 'DECIDED';
      s.outcome = 'denied';
      s.decidedOn = on;
      break;
    case 'open_verification':
      s.status = 'VERIFICATION_DUE';
      break;
    case 'verify':
      s.status = 'VERIFIED';
      s.closedOn = on;
      break;
    case 'revoke':
      needReason();
      s.status = 'REVOKED';
      s.outcome = 'denied';
      s.closedOn = on;
      break;
    case 'issue':
      if (s.outcome !== 'approved')
        throw new TransitionError('INVALID_TRANSITION', { action: 'issue', status: 'denied' });
      s.status = 'ISSUED';
      break;
    case 'close':
      if (s.status === 'DECIDED' && s.outcome === 'approved') {
        throw new TransitionError('INVALID_TRANSITION', { action: 'close', status: 'DECIDED' });
      }
      s.status = 'CLOSED';
      s.closedOn = on;
      break;
    case 'withdraw': {
      const open = s.suspensions.at(-1);
      if (s.status === 'SUSPENDED' && open) open.to = on;
      s.status = 'WITHDRAWN';
      s.closedOn = on;
      break;
    }
    case 'terminate':
      if (s.rongqueMaterials.length === 0 || !s.rongqueDue || on <= s.rongqueDue) {
        throw new TransitionError('TERMINATE_NOT_ALLOWED', { due: s.rongqueDue ?? '-' });
      }
      {
        const open = s.suspensions.at(-1);
        if (s.status === 'SUSPENDED' && open) open.to = on;
      }
      s.status = 'TERMINATED';
      s.closedOn = on;
      break;
    case 'supplement': {
      const list = req.materials ?? [];
      if (list.length === 0) throw new TransitionError('REQUIRED', {}, 'materials');
      checkCodes(list);
      s.suppliedMaterials = [...new Set([...s.suppliedMaterials, ...list])];
      s.rongqueMaterials = s.rongqueMaterials.filter((c) => !list.includes(c));
      if (s.rongqueMaterials.length === 0) s.rongqueDue = null;
      s.lastOn = state.lastOn && state.lastOn > on ? state.lastOn : on;
      break;
    }
  }
  return s;
}
