import type { ApprovalRules, CaseStatus, Clock, Suspension } from '../../../shared/approval';
import { dayNumber, isoOf, type WorkCalendar } from '../../platform/calendar';

/**
 * The clock of one case (DOMAIN.md §2 "Clock"), a pure function of the case and the calendar.
 *
 * - The clock counts from the day AFTER acceptance (or after receipt, when the case is deemed accepted by the
 *   5-working-day completeness rule). Counting days are working days (limit unit 'workday') or every day
 *   ('calendar'); a calendar-day due date that lands on a rest day rolls to the next working day.
 * - A suspension from S (notice day) to R (resume day) stops the clock on the counting days S ≤ d < R; an open
 *   suspension stops it up to and including `today`. Each suspension excludes at most its type's cap of working
 *   days: days beyond the cap count again.
 * - committed due = the day the count reaches the committed limit; statutory due = statutory limit + extension.
 *   Passing the committed due date is a warning; passing the statutory one is 超期 (a violation).
 * - `provisional` when any day looked at lies in a year without a published arrangement.
 */
export interface ClockInput {
  status: CaseStatus;
  submittedOn: string | null;
  acceptedOn: string | null;
  decidedOn: string | null;
  committedDays: number;
  statutoryDays: number;
  extensionDays: number;
  limitUnit: 'workday' | 'calendar';
  suspensions: Suspension[];
}

const PRE_ACCEPTANCE: readonly CaseStatus[] = ['DRAFT', 'SUBMITTED', 'AWAITING_CORRECTION', 'NOT_ACCEPTED'];
const MAX_WALK = 3 * 366;

export function completenessDue(cal: WorkCalendar, submittedOn: string, rules: ApprovalRules) {
  return cal.addWorkdays(submittedOn, rules.completenessDays);
}

class Walker {
  provisional = false;
  // The year of the last day looked at (a clock walks hundreds of days: no date strings per day).
  private span = { from: 1, to: 0, arranged: true };
  constructor(
    private readonly cal: WorkCalendar,
    private readonly unit: 'workday' | 'calendar',
  ) {}
  workday(day: number): boolean {
    if (day < this.span.from || day > this.span.to) this.span = this.cal.yearSpanOf(day);
    if (!this.span.arranged) this.provisional = true;
    return this.cal.workdayOn(day);
  }
  counts(day: number): boolean {
    const w = this.workday(day);
    return this.unit === 'calendar' ? true : w;
  }
}

/** Day numbers on which the clock stands still (cap applied per suspension, in working days). */
function suspendedDays(w: Walker, suspensions: Suspension[], today: number, rules: ApprovalRules): Set<number> {
  const out = new Set<number>();
  for (const s of suspensions) {
    const from = dayNumber(s.from);
    const end = s.to ? dayNumber(s.to) - 1 : today;
    const cap = rules.suspensionCaps[s.type];
    let used = 0;
    for (let d = from; d <= end && used < cap; d++) {
      if (w.workday(d)) used++;
      if (w.counts(d)) out.add(d);
    }
  }
  return out;
}

export function computeClock(cal: WorkCalendar, c: ClockInput, today: string, rules: ApprovalRules): Clock {
  const w = new Walker(cal, c.limitUnit);
  const todayN = dayNumber(today);
  let startOn = c.acceptedOn;
  let deemed = false;
  let completeness: string | null = null;
  if (c.submittedOn && (c.status === 'SUBMITTED' || c.status === 'DRAFT')) {
    const due = completenessDue(cal, c.submittedOn, rules);
    completeness = due.date;
    if (due.provisional) w.provisional = true;
    if (c.status === 'SUBMITTED' && today > due.date) {
      startOn = c.submittedOn;
      deemed = true;
    }
  }
  const empty: Clock = {
    startOn: null,
    deemedAccepted: false,
    completenessDue: completeness,
    committedDue: null,
    statutoryDue: null,
    elapsedWorkdays: 0,
    suspendedWorkdays: 0,
    remainingCommitted: null,
    light: 'none',
    committedPassed: false,
    overdue: false,
    paused: false,
    provisional: w.provisional,
  };
  if (!startOn || (PRE_ACCEPTANCE.includes(c.status) && !deemed)) return empty;

  const start = dayNumber(startOn);
  const end = c.decidedOn ? dayNumber(c.decidedOn) : todayN;
  const stopped = suspendedDays(w, c.suspensions, todayN, rules);
  const committedTarget = c.committedDays;
  const statutoryTarget = c.statutoryDays + c.extensionDays;
  let count = 0;
  let elapsed = 0;
  let suspended = 0;
  let committedDue: number | null = null;
  let statutoryDue: number | null = null;
  for (let d = start + 1; d <= start + MAX_WALK; d++) {
    if (!w.counts(d)) continue;
    if (stopped.has(d)) {
      if (d <= end) suspended++;
      continue;
    }
    count++;
    if (d <= end) elapsed++;
    if (count === committedTarget) committedDue = d;
    if (count === statutoryTarget) statutoryDue = d;
    if (committedDue !== null && statutoryDue !== null && d >= end) break;
  }
  const roll = (d: number | null): string | null => {
    if (d === null) return null;
    if (c.limitUnit === 'workday') return isoOf(d);
    const r = cal.nextWorkday(isoOf(d), { inclusive: true });
    if (r.provisional) w.provisional = true;
    return r.date;
  };
  const committed = roll(committedDue);
  const statutory = roll(statutoryDue);
  const at = isoOf(end);
  const decided = c.decidedOn !== null;
  const remaining = committedTarget - elapsed;
  const open = !decided;
  let light: Clock['light'] = 'none';
  if (open) {
    light = remaining <= rules.redDays ? 'red' : remaining <= rules.yellowDays ? 'yellow' : 'green';
    if (committed && at > committed) light = 'red';
  }
  return {
    startOn,
    deemedAccepted: deemed,
    completenessDue: completeness,
    committedDue: committed,
    statutoryDue: statutory,
    elapsedWorkdays: elapsed,
    suspendedWorkdays: suspended,
    remainingCommitted: open ? remaining : null,
    light,
    committedPassed: committed !== null && at > committed,
    overdue: statutory !== null && at > statutory,
    paused: c.status === 'SUSPENDED',
    provisional: w.provisional,
  };
}
