import { describe, expect, it } from 'vitest';
import { gradeRulesSchema } from '../../../shared/performance';
import {
  assignGrades,
  boundedAdjustment,
  cappedCompletion,
  compareRanked,
  efficacyCoefficient,
  hundredths,
  quotasFor,
  quotaViolation,
  type Ranked,
  splitLargestRemainder,
} from './performance.rules';

const rules = (over: Partial<ReturnType<typeof gradeRulesSchema.parse>> = {}) => ({
  ...gradeRulesSchema.parse({}),
  ...over,
});

describe('§8 pay split: largest remainder conserves the pool to the fen', () => {
  it('§8 a pool of 1,200,000 over post×grade products 1.65/1.20/0.90 gives 528,000 / 384,000 / 288,000', () => {
    const pool = 1_200_000n * 100n; // fen
    const parts = [1.65, 1.2, 0.9].map((p, i) => ({ key: i, weight: hundredths(p) }));
    expect(splitLargestRemainder(pool, parts).map((s) => s.amount / 100n)).toEqual([528_000n, 384_000n, 288_000n]);
  });

  it('§8 leftover fen go to the largest remainders, ties by input order; the sum is exact', () => {
    // 100 fen in three equal parts: 33/33/33 + 1 left → the first part (equal remainders, input order).
    const s = splitLargestRemainder(
      100n,
      [0, 1, 2].map((key) => ({ key, weight: 1n })),
    );
    expect(s.map((x) => x.amount)).toEqual([34n, 33n, 33n]);
    expect(s.map((x) => x.extraFen)).toEqual([true, false, false]);
    // 1,000 fen over 1.65/1.20/0.90 → 440/320/240 exact; 1,001 fen → remainders 0.44/0.32/0.24 → first gets the fen.
    const odd = splitLargestRemainder(
      1001n,
      [165n, 120n, 90n].map((weight, key) => ({ key, weight })),
    );
    expect(odd.map((x) => x.amount)).toEqual([441n, 320n, 240n]);
    // Random-ish weights: always conserved.
    const weights = [137n, 989n, 1n, 250n, 250n, 77n, 3n];
    for (const total of [1n, 7n, 999_999_999n, 123_456_789_01n]) {
      const parts = splitLargestRemainder(
        total,
        weights.map((weight, key) => ({ key, weight })),
      );
      expect(parts.reduce((a, p) => a + p.amount, 0n)).toBe(total);
    }
  });
});

describe('§8 scoring methods', () => {
  it('§8 capped completion s = min(actual/target, cap) × w', () => {
    expect(cappedCompletion(80, 100, 1.2, 40)).toBeCloseTo(32);
    expect(cappedCompletion(150, 100, 1.2, 40)).toBeCloseTo(48); // capped at 120 %
    expect(cappedCompletion(5, 0, 1.2, 40)).toBe(0);
  });
  it('§8 功效系数 peer ranking 60 + 40·(x−min)/(max−min)', () => {
    const peers = [10, 20, 30];
    expect(efficacyCoefficient(10, peers, 50)).toBeCloseTo(30); // 60 points of 100 × 50
    expect(efficacyCoefficient(20, peers, 50)).toBeCloseTo(40); // 80
    expect(efficacyCoefficient(30, peers, 50)).toBeCloseTo(50); // 100
    expect(efficacyCoefficient(7, [7, 7], 50)).toBe(50);
  });
  it('§8 bonus/deduction items with caps', () => {
    expect(boundedAdjustment(8, 5)).toBe(5);
    expect(boundedAdjustment(-8, 5)).toBe(-5);
    expect(boundedAdjustment(2, 5)).toBe(2);
  });
});

describe('§8 grades with quotas', () => {
  const people = (scores: number[]): Ranked[] =>
    scores.map((score, i) => ({ id: `p${i}`, score, hiredOn: null, employeeNo: `E${String(i).padStart(3, '0')}` }));

  it('§8 quotas on 33 people with 3% 不合格 give 1 person (ceil), 20% 优秀 give 7, 5% 末位 give 2', () => {
    expect(quotasFor(33, rules({ failMinPct: 3, excellentMaxPct: 20, bottomPct: 5 }))).toEqual({
      n: 33,
      failMin: 1,
      excellentMax: 7,
      bottom: 2,
    });
    expect(quotasFor(100, rules({ failMinPct: 3 })).failMin).toBe(3);
    expect(quotasFor(34, rules({ failMinPct: 3 })).failMin).toBe(2); // 1.02 → 2
  });

  it('§8 33 people all above the floor: exactly 1 不合格 (rigid), 7 优秀 at most, the rest 合格', () => {
    const scores = Array.from({ length: 33 }, (_, i) => 95 - i); // 95 … 63
    const g = assignGrades(people(scores), rules({ failMinPct: 3, excellentMaxPct: 20, excellentMinScore: 90 }));
    const count = (x: string) => g.filter((a) => a.grade === x).length;
    expect(count('fail')).toBe(1);
    expect(g.find((a) => a.grade === 'fail')).toMatchObject({ id: 'p32', reason: 'fail_quota', rank: 33 });
    // 优秀 cap is 7 but only 95…90 (6 people) reach the 优秀 minimum score of 90.
    expect(count('excellent')).toBe(6);
    expect(count('good')).toBe(26);
  });

  it('§8 absolute floor: everyone under 60 is 不合格 even beyond the quota; 末位 group gets 基本合格', () => {
    const scores = [92, 88, 85, 80, 75, 70, 65, 59, 55, 40];
    const g = assignGrades(people(scores), rules({ failMinPct: 3, bottomPct: 40, floorScore: 60 }));
    expect(g.filter((a) => a.grade === 'fail').map((a) => a.id)).toEqual(['p7', 'p8', 'p9']);
    expect(g.filter((a) => a.reason === 'floor')).toHaveLength(3);
    // 末位 40% of 10 = 4 lowest: three are already 不合格, the fourth (65) is 基本合格.
    expect(g.filter((a) => a.grade === 'basic').map((a) => a.id)).toEqual(['p6']);
    expect(g[0]).toMatchObject({ id: 'p0', grade: 'excellent' });
  });

  it('§8 ties resolved by the written rule: score, then earlier hire date, unknown last, then employee number', () => {
    const tied: Ranked[] = [
      { id: 'late', score: 80, hiredOn: '2020-05-01', employeeNo: 'E001' },
      { id: 'unknown', score: 80, hiredOn: null, employeeNo: 'E000' },
      { id: 'early', score: 80, hiredOn: '2012-03-01', employeeNo: 'E009' },
      { id: 'sameDayB', score: 80, hiredOn: '2015-01-01', employeeNo: 'E005' },
      { id: 'sameDayA', score: 80, hiredOn: '2015-01-01', employeeNo: 'E004' },
      { id: 'top', score: 81, hiredOn: '2023-01-01', employeeNo: 'E999' },
    ];
    expect([...tied].sort(compareRanked).map((r) => r.id)).toEqual([
      'top',
      'early',
      'sameDayA',
      'sameDayB',
      'late',
      'unknown',
    ]);
    // With a 不合格 quota of 1, the tie at the bottom goes against the unknown hire date.
    const g = assignGrades(tied, rules({ failMinPct: 3, excellentMinScore: 100 }));
    expect(g.find((a) => a.grade === 'fail')!.id).toBe('unknown');
  });

  it('§8 calibration may not break the quotas', () => {
    const r = rules({ failMinPct: 3, excellentMaxPct: 20 });
    const grades = ['excellent', 'good', 'good', 'good', 'fail'] as const;
    expect(quotaViolation([...grades], r)).toBeNull();
    expect(quotaViolation(['excellent', 'excellent', 'good', 'good', 'fail'], r)).toBe('EXCELLENT_OVER_QUOTA');
    expect(quotaViolation(['excellent', 'good', 'good', 'good', 'basic'], r)).toBe('FAIL_UNDER_QUOTA');
  });
});
