import { describe, expect, it } from 'vitest';
import {
  type ApprovalRules,
  caseActions,
  DEFAULT_RULES,
  FINAL_STATUSES,
  suspensionTypes,
} from '../../../shared/approval';
import { WorkCalendar } from '../../platform/calendar';
import { Random } from '../../seed/random';
import { daysOf, HOLIDAY_SEED } from '../calendar/holidays.data';
import { computeClock } from './approval.clock';
import { type ActionRequest, applyAction, availableActions, type CaseState, TransitionError } from './approval.machine';

// The State Council arrangements as seeded (latest version per year). 2025-09-28 and 2025-10-11 are make-up
// working days of National Day; 2026-02-15..23 is the nine-day Spring Festival, 02-14 and 02-28 make-up days.
const latest = new Map<number, (typeof HOLIDAY_SEED)[number]>();
for (const v of HOLIDAY_SEED) if ((latest.get(v.year)?.version ?? 0) < v.version) latest.set(v.year, v);
const cal = new WorkCalendar(
  [...latest.values()].flatMap((v) => daysOf(v)),
  [...latest.keys()],
);
const rules: ApprovalRules = DEFAULT_RULES;

const base = (over: Partial<CaseState> = {}): CaseState => ({
  status: 'DRAFT',
  outcome: null,
  mode: 'normal',
  joint: false,
  rongqueAllowed: true,
  limitUnit: 'workday',
  committedDays: 10,
  statutoryDays: 20,
  extensionDays: 0,
  extensionApprover: null,
  materials: [
    { code: 'app', name: '申请表', required: true, mayFollow: false },
    { code: 'plan', name: '总平面图', required: true, mayFollow: true },
    { code: 'other', name: '其他说明', required: false, mayFollow: false },
  ],
  suppliedMaterials: ['app', 'plan'],
  correctionList: [],
  rongqueMaterials: [],
  rongqueDue: null,
  verificationDue: null,
  suspensions: [],
  submittedOn: null,
  acceptedOn: null,
  decidedOn: null,
  closedOn: null,
  lastOn: null,
  ...over,
});

function run(state: CaseState, steps: Omit<ActionRequest, 'side' | 'actorName'>[], r = rules): CaseState {
  return steps.reduce((s, step) => applyAction(cal, s, { side: 'approver', actorName: '张科长', ...step }, r), state);
}
const clock = (s: CaseState, today: string, r = rules) => computeClock(cal, s, today, r);

describe('clock across the 2025 National Day (§2 Clock: elapsed = working days after acceptance − suspended days)', () => {
  it('committed 10 / statutory 20 accepted Thu 2025-09-25: make-up days 09-28 and 10-11 count, 10-01..08 do not', () => {
    const s = run(base(), [
      { action: 'submit', on: '2025-09-25' },
      { action: 'accept', on: '2025-09-25' },
      { action: 'start_review', on: '2025-09-25' },
    ]);
    const c = clock(s, '2025-09-30');
    expect(c).toMatchObject({ committedDue: '2025-10-15', statutoryDue: '2025-10-29', elapsedWorkdays: 4 });
    expect(c.provisional).toBe(false);
  });

  it('an expert-review suspension 09-30 → resumed 10-10 stops the clock for 2 working days (09-30 and 10-09)', () => {
    const s = run(base(), [
      { action: 'submit', on: '2025-09-25' },
      { action: 'accept', on: '2025-09-25' },
      { action: 'start_review', on: '2025-09-25' },
      { action: 'suspend', on: '2025-09-30', suspensionType: 'expert_review', reason: '组织专家评审' },
    ]);
    const during = clock(s, '2025-10-09');
    expect(during).toMatchObject({ paused: true, elapsedWorkdays: 3, suspendedWorkdays: 2 });
    const resumed = run(s, [{ action: 'resume', on: '2025-10-10' }]);
    const c = clock(resumed, '2025-10-15');
    expect(c).toMatchObject({
      committedDue: '2025-10-17',
      statutoryDue: '2025-10-31',
      elapsedWorkdays: 8,
      suspendedWorkdays: 2,
      remainingCommitted: 2,
      light: 'yellow',
      paused: false,
    });
    expect(clock(resumed, '2025-10-17')).toMatchObject({ remainingCommitted: 0, light: 'red', committedPassed: false });
    expect(clock(resumed, '2025-10-20')).toMatchObject({ light: 'red', committedPassed: true, overdue: false });
    expect(clock(resumed, '2025-11-03')).toMatchObject({ overdue: true });
    // Decided on 10-31 (the statutory due date itself): on time for the law, late for the promise; frozen.
    const decided = run(resumed, [{ action: 'approve', on: '2025-10-31' }]);
    expect(clock(decided, '2026-03-01')).toMatchObject({
      elapsedWorkdays: 20,
      committedPassed: true,
      overdue: false,
      light: 'none',
      remainingCommitted: null,
    });
  });

  it('5-day completeness rule: received Fri 09-26, no notice by 10-10 → counted as accepted on receipt', () => {
    const s = run(base({ suppliedMaterials: ['app'] }), [{ action: 'submit', on: '2025-09-26' }]);
    expect(clock(s, '2025-10-10')).toMatchObject({ completenessDue: '2025-10-10', deemedAccepted: false });
    expect(clock(s, '2025-10-11')).toMatchObject({ deemedAccepted: true, startOn: '2025-09-26', elapsedWorkdays: 6 });
    // A missing-materials notice is no longer possible on the make-up Saturday 10-11 …
    expect(() => run(s, [{ action: 'request_correction', on: '2025-10-11', materials: ['plan'] }])).toThrow(
      expect.objectContaining({ code: 'COMPLETENESS_EXPIRED' }),
    );
    // … and a late acceptance (容缺: 'plan' may follow) counts from receipt.
    const accepted = run(s, [{ action: 'accept', on: '2025-10-13' }]);
    expect(accepted).toMatchObject({ acceptedOn: '2025-09-26', rongqueMaterials: ['plan'], rongqueDue: '2025-10-16' });
  });

  it('calendar-day limits roll a due date off the holiday: 7 calendar days from 09-26 → 10-03 → Thu 10-09', () => {
    const s = run(base({ limitUnit: 'calendar', committedDays: 7, statutoryDays: 7 }), [
      { action: 'submit', on: '2025-09-26' },
      { action: 'accept', on: '2025-09-26' },
    ]);
    expect(clock(s, '2025-09-26')).toMatchObject({ committedDue: '2025-10-09', statutoryDue: '2025-10-09' });
  });
});

describe('clock across the 2026 Spring Festival (nine days off, make-up 02-14 and 02-28)', () => {
  it('committed 5 from Tue 02-10: 02-11, 02-12, 02-13, Sat 02-14, then 02-24', () => {
    const s = run(base({ committedDays: 5 }), [
      { action: 'submit', on: '2026-02-10' },
      { action: 'accept', on: '2026-02-10' },
    ]);
    expect(clock(s, '2026-02-10')).toMatchObject({ committedDue: '2026-02-24', provisional: false });
  });

  it('a publicity suspension 02-12 → 02-26 (5 working days) moves committed to 03-02 and statutory to 03-23', () => {
    const s = run(base({ committedDays: 5 }), [
      { action: 'submit', on: '2026-02-10' },
      { action: 'accept', on: '2026-02-10' },
      { action: 'start_review', on: '2026-02-11' },
      { action: 'suspend', on: '2026-02-12', suspensionType: 'publicity', reason: '批前公示' },
      { action: 'resume', on: '2026-02-26' },
    ]);
    expect(clock(s, '2026-02-27')).toMatchObject({
      committedDue: '2026-03-02',
      statutoryDue: '2026-03-23',
      suspendedWorkdays: 5,
      elapsedWorkdays: 3,
    });
  });

  it('suspension cap: with a 2-day publicity cap only 02-12 and 02-13 are excluded; later days count', () => {
    const capped = { ...rules, suspensionCaps: { ...rules.suspensionCaps, publicity: 2 } };
    const s = run(
      base({ committedDays: 5 }),
      [
        { action: 'submit', on: '2026-02-10' },
        { action: 'accept', on: '2026-02-10' },
        { action: 'start_review', on: '2026-02-11' },
        { action: 'suspend', on: '2026-02-12', suspensionType: 'publicity', reason: '批前公示' },
        { action: 'resume', on: '2026-02-26' },
      ],
      capped,
    );
    // Counted: 02-11, 02-14, 02-24, 02-25, 02-26 → due 02-26.
    expect(clock(s, '2026-02-26', capped)).toMatchObject({ committedDue: '2026-02-26', suspendedWorkdays: 2 });
  });

  it('extension with an approver: +10 single, +15 joint (base 45); only once and only before the statutory due', () => {
    const accepted = (joint: boolean) =>
      run(base({ joint, statutoryDays: joint ? 45 : 20 }), [
        { action: 'submit', on: '2026-02-10' },
        { action: 'accept', on: '2026-02-10' },
        { action: 'start_review', on: '2026-02-10' },
      ]);
    const single = run(accepted(false), [{ action: 'extend', on: '2026-02-24', reason: '情况复杂' }]);
    expect(single).toMatchObject({ extensionDays: 10, extensionApprover: '张科长' });
    expect(clock(single, '2026-02-24').statutoryDue).toBe(cal.addWorkdays('2026-02-10', 30).date);
    expect(run(accepted(true), [{ action: 'extend', on: '2026-02-24', reason: '联合审查' }]).extensionDays).toBe(15);
    expect(() => run(single, [{ action: 'extend', on: '2026-02-25', reason: 'again' }])).toThrow(
      expect.objectContaining({ code: 'EXTENSION_ONCE' }),
    );
    expect(() => run(accepted(false), [{ action: 'extend', on: '2026-06-01', reason: '太晚' }])).toThrow(
      expect.objectContaining({ code: 'EXTENSION_TOO_LATE' }),
    );
    expect(() =>
      applyAction(
        cal,
        accepted(false),
        { action: 'extend', on: '2026-02-24', side: 'staff', actorName: 'x', reason: 'r' },
        rules,
      ),
    ).toThrow(expect.objectContaining({ code: 'EXTENSION_NEEDS_APPROVER' }));
  });

  it('provisional: a deadline running into a year with no published arrangement is flagged', () => {
    const s = run(base({ committedDays: 20 }), [
      { action: 'submit', on: '2026-12-15' },
      { action: 'accept', on: '2026-12-15' },
    ]);
    expect(clock(s, '2026-12-15').provisional).toBe(true);
  });
});

describe('state machine rules (§2 Case states)', () => {
  const submitted = run(base({ suppliedMaterials: [] }), [{ action: 'submit', on: '2025-09-25' }]);

  it('refuses an action from the wrong status with INVALID_TRANSITION', () => {
    expect(() => run(base(), [{ action: 'approve', on: '2025-09-25' }])).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION', params: { action: 'approve', status: 'DRAFT' } }),
    );
  });

  it('missing-materials notice is one-time; a required non-容缺 material blocks acceptance', () => {
    expect(() => run(submitted, [{ action: 'accept', on: '2025-09-26' }])).toThrow(
      expect.objectContaining({ code: 'MATERIALS_MISSING' }),
    );
    const corrected = run(submitted, [
      { action: 'request_correction', on: '2025-09-26', materials: ['app', 'plan'] },
      { action: 'resubmit', on: '2025-09-29', materials: ['app'] },
    ]);
    expect(corrected).toMatchObject({
      status: 'SUBMITTED',
      submittedOn: '2025-09-29',
      correctionList: ['app', 'plan'],
    });
    expect(() => run(corrected, [{ action: 'request_correction', on: '2025-09-30', materials: ['plan'] }])).toThrow(
      expect.objectContaining({ code: 'CORRECTION_ONCE' }),
    );
  });

  it('容缺: terminated only after the supplement deadline passes with materials still missing; blocks approval', () => {
    const s = run(base({ suppliedMaterials: ['app'] }), [
      { action: 'submit', on: '2025-09-25' },
      { action: 'accept', on: '2025-09-25' },
    ]);
    expect(s.rongqueDue).toBe('2025-10-15'); // 10 working days incl. both make-up days
    expect(() => run(s, [{ action: 'approve', on: '2025-10-10' }])).toThrow(
      expect.objectContaining({ code: 'RONGQUE_OUTSTANDING' }),
    );
    expect(() => run(s, [{ action: 'terminate', on: '2025-10-15' }])).toThrow(
      expect.objectContaining({ code: 'TERMINATE_NOT_ALLOWED' }),
    );
    expect(run(s, [{ action: 'terminate', on: '2025-10-16' }]).status).toBe('TERMINATED');
    const supplied = run(s, [
      { action: 'supplement', on: '2025-10-09', materials: ['plan'] },
      { action: 'approve', on: '2025-10-10' },
    ]);
    expect(supplied).toMatchObject({ status: 'DECIDED', outcome: 'approved', rongqueMaterials: [] });
  });

  it('容缺 refused when the item does not allow it', () => {
    const s = run(base({ suppliedMaterials: ['app'], rongqueAllowed: false }), [
      { action: 'submit', on: '2025-09-25' },
    ]);
    expect(() => run(s, [{ action: 'accept', on: '2025-09-25' }])).toThrow(
      expect.objectContaining({ code: 'RONGQUE_NOT_ALLOWED' }),
    );
  });

  it('告知承诺: approved on commitment, verification due 40 working days later, then verified or revoked', () => {
    const s = run(base({ mode: 'commitment' }), [
      { action: 'submit', on: '2026-02-10' },
      { action: 'accept', on: '2026-02-10' },
      { action: 'approve_on_commitment', on: '2026-02-10' },
    ]);
    expect(s).toMatchObject({
      status: 'APPROVED_ON_COMMITMENT',
      verificationDue: cal.addWorkdays('2026-02-10', 40).date,
    });
    expect(
      run(s, [
        { action: 'open_verification', on: '2026-04-10' },
        { action: 'verify', on: '2026-04-13' },
      ]).status,
    ).toBe('VERIFIED');
    expect(run(s, [{ action: 'revoke', on: '2026-04-13', reason: '承诺不实' }]).status).toBe('REVOKED');
    expect(() =>
      run(base(), [
        { action: 'submit', on: '2026-02-10' },
        { action: 'accept', on: '2026-02-10' },
        { action: 'approve_on_commitment', on: '2026-02-10' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'NOT_COMMITMENT_MODE' }));
  });

  it('a step may not be dated before the previous one', () => {
    expect(() => run(submitted, [{ action: 'not_accept', on: '2025-09-24', reason: 'x' }])).toThrow(
      expect.objectContaining({ code: 'DATE_BEFORE_LAST_STEP' }),
    );
  });
});

describe('property: no sequence of actions yields an impossible state', () => {
  const DECIDED_STATES = ['DECIDED', 'ISSUED', 'APPROVED_ON_COMMITMENT', 'VERIFICATION_DUE', 'VERIFIED'];
  const ACCEPTED_STATES = ['ACCEPTED', 'IN_REVIEW', 'SUSPENDED', 'TERMINATED', ...DECIDED_STATES, 'REVOKED'];

  function invariants(s: CaseState): string[] {
    const bad: string[] = [];
    const openSuspensions = s.suspensions.filter((x) => x.to === null).length;
    if (s.status === 'SUSPENDED' && openSuspensions !== 1) bad.push('suspended without exactly one open suspension');
    if (s.status !== 'SUSPENDED' && openSuspensions !== 0) bad.push('open suspension outside SUSPENDED');
    if (ACCEPTED_STATES.includes(s.status) && !s.acceptedOn) bad.push('accepted state without acceptance date');
    if (DECIDED_STATES.includes(s.status) && !s.decidedOn) bad.push('decided without a date');
    if (DECIDED_STATES.filter((x) => x !== 'DECIDED').includes(s.status) && s.outcome !== 'approved')
      bad.push('outcome');
    if (s.status === 'DECIDED' && !s.outcome) bad.push('DECIDED without outcome');
    if (['DRAFT', 'SUBMITTED', 'AWAITING_CORRECTION', 'ACCEPTED', 'IN_REVIEW', 'SUSPENDED'].includes(s.status)) {
      if (s.decidedOn || s.outcome) bad.push('undecided state with a decision');
    }
    if (FINAL_STATUSES.includes(s.status) && !s.closedOn && s.status !== 'ISSUED') bad.push('final without close date');
    if (s.status === 'ISSUED' && s.outcome !== 'approved') bad.push('issued a denial');
    if (s.correctionList.length > 0 && !s.submittedOn) bad.push('correction before submission');
    if (s.extensionDays !== 0 && s.extensionDays !== 10 && s.extensionDays !== 15) bad.push('odd extension');
    if (s.rongqueMaterials.length > 0 && !s.rongqueDue) bad.push('容缺 without due date');
    if (s.status === 'APPROVED_ON_COMMITMENT' && (s.mode !== 'commitment' || !s.verificationDue)) bad.push('承诺');
    for (const x of s.suspensions) if (x.to && x.to < x.from) bad.push('suspension ends before it starts');
    const dates = [s.submittedOn, s.acceptedOn, s.decidedOn, s.closedOn].filter(Boolean) as string[];
    if (s.acceptedOn && s.submittedOn && s.acceptedOn > s.lastOn!) bad.push('acceptance after last step');
    if (dates.some((d) => s.lastOn !== null && d > s.lastOn)) bad.push('a date after the last step');
    return bad;
  }

  it('1,000 random sequences of 25 actions keep every invariant (refusals leave the state unchanged)', () => {
    const r = new Random(20251001);
    let applied = 0;
    for (let run = 0; run < 1000; run++) {
      let s = base({
        mode: r.next() < 0.3 ? 'commitment' : 'normal',
        joint: r.next() < 0.3,
        rongqueAllowed: r.next() < 0.7,
        suppliedMaterials: r.pick([[], ['app'], ['app', 'plan']]),
      });
      let day = cal.addWorkdays('2025-09-20', r.int(0, 200)).date;
      for (let i = 0; i < 25; i++) {
        if (r.next() < 0.5) day = cal.addWorkdays(day, r.int(1, 6)).date;
        const before = JSON.stringify(s);
        const side = r.pick(['applicant', 'staff', 'approver'] as const);
        const possible = availableActions(s, side);
        // Mostly actions the UI would offer, sometimes anything at all.
        const action = possible.length > 0 && r.next() < 0.85 ? r.pick(possible) : r.pick(caseActions);
        try {
          s = applyAction(
            cal,
            s,
            {
              action,
              on: r.next() < 0.05 ? '2025-01-01' : day,
              side,
              actorName: 'p',
              reason: r.next() < 0.8 ? '理由' : undefined,
              materials: r.pick([undefined, [], ['app'], ['plan'], ['app', 'plan'], ['nope']]),
              suspensionType: r.next() < 0.9 ? r.pick(suspensionTypes) : undefined,
            },
            rules,
          );
          applied++;
        } catch (e) {
          expect(e).toBeInstanceOf(TransitionError);
          expect(JSON.stringify(s)).toBe(before);
        }
        const bad = invariants(s);
        if (bad.length > 0) throw new Error(`${bad.join('; ')} in ${JSON.stringify(s)}`);
        const c = computeClock(cal, s, day, rules);
        expect(c.elapsedWorkdays).toBeGreaterThanOrEqual(0);
        if (c.committedDue && c.statutoryDue) expect(c.committedDue <= c.statutoryDue).toBe(true);
      }
    }
    expect(applied).toBeGreaterThan(1500); // many runs reach a final status early
  });
});
