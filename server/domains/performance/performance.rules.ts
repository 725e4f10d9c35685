/**
 * The arithmetic of DOMAIN.md §8, free of I/O so every rule is tested with its worked example.
 * Money is integer fen (bigint); coefficients are numerics with two decimals, turned into integer hundredths before
 * any multiplication, so no float ever touches a fen.
 */
import type { Grade, GradeRules } from '../../../shared/performance';

/** 1.65 → 165n (coefficients are stored with two decimals). */
export function hundredths(coefficient: number): bigint {
  return BigInt(Math.round(coefficient * 100));
}

export interface Share<K> {
  key: K;
  amount: bigint;
  /** floor part and whether a leftover fen was added (for the derivation shown to people). */
  floor: bigint;
  extraFen: boolean;
}

/**
 * Splits `total` fen in proportion to integer weights, conserving the total exactly: each part gets
 * floor(total·w/W); the fen left over (fewer than the number of parts) go one each to the largest remainders
 * (total·w mod W), ties broken by the order of the input (callers pass a stable order, e.g. employee number).
 * This is the Hamilton / largest-remainder method; zero-weight parts get nothing.
 */
export function splitLargestRemainder<K>(total: bigint, parts: readonly { key: K; weight: bigint }[]): Share<K>[] {
  const W = parts.reduce((s, p) => s + p.weight, 0n);
  if (W <= 0n) return parts.map((p) => ({ key: p.key, amount: 0n, floor: 0n, extraFen: false }));
  const rows = parts.map((p, i) => {
    const num = total * p.weight;
    return { key: p.key, i, floor: num / W, rem: num % W };
  });
  let left = total - rows.reduce((s, r) => s + r.floor, 0n);
  const order = [...rows].sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  const extra = new Set<number>();
  for (const r of order) {
    if (left <= 0n) break;
    extra.add(r.i);
    left -= 1n;
  }
  return rows.map((r) => ({
    key: r.key,
    floor: r.floor,
    extraFen: extra.has(r.i),
    amount: r.floor + (extra.has(r.i) ? 1n : 0n),
  }));
}

// ---------------------------------------------------------------- scoring methods

/** Capped completion: s = min(actual/target, cap) × w. A target of 0 or less scores 0 (nothing to complete). */
export function cappedCompletion(actual: number, target: number, cap: number, weight: number): number {
  if (target <= 0) return 0;
  return Math.min(Math.max(actual, 0) / target, cap) * weight;
}

/**
 * 功效系数 peer ranking: 60 + 40·(x−min)/(max−min) points out of 100, scaled to the weight. When every peer has the
 * same value all get the full 100 (nobody is behind).
 */
export function efficacyCoefficient(x: number, peers: readonly number[], weight: number): number {
  const min = Math.min(...peers);
  const max = Math.max(...peers);
  const points = max === min ? 100 : 60 + (40 * (x - min)) / (max - min);
  return (points / 100) * weight;
}

/** Bonus (positive) or deduction (negative) points, each item capped at ±cap. */
export function boundedAdjustment(value: number, cap: number): number {
  return Math.max(-cap, Math.min(cap, value));
}

/** Scores are kept to two decimals (numeric(8,2)); half away from zero. */
export function round2(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9)) / 100;
}

// ---------------------------------------------------------------- grades with quotas

export interface Ranked {
  id: string;
  score: number;
  /** Tie-break keys, in the order of the written rule. */
  hiredOn: string | null;
  employeeNo: string;
}

/**
 * The written tie-break rule (also shown in the UI, shared/performance.ts TIE_BREAK_RULE): higher total score first;
 * on equal scores the earlier hire date (longer service) first, nobody-known-date last; then the employee number.
 */
export function compareRanked(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.hiredOn !== b.hiredOn) {
    if (a.hiredOn === null) return 1;
    if (b.hiredOn === null) return -1;
    return a.hiredOn < b.hiredOn ? -1 : 1;
  }
  return a.employeeNo < b.employeeNo ? -1 : a.employeeNo > b.employeeNo ? 1 : 0;
}

export interface Quotas {
  n: number;
  /** Most people who may be 优秀. */
  excellentMax: number;
  /** Fewest people who must be 不合格 (rigid elimination). */
  failMin: number;
  /** Size of the 末位 group (0 when not configured). */
  bottom: number;
}

/** Quotas from percentages, rounded up (ceil) as DOMAIN.md §8 says: 33 people × 3% = 0.99 → 1. */
export function quotasFor(n: number, rules: GradeRules): Quotas {
  // Percentages are integers or two-decimal values: compute in hundredths of a percent to avoid 0.07·100 drift.
  const ceilPct = (pct: number) => Math.ceil((n * Math.round(pct * 100)) / 10000);
  return {
    n,
    excellentMax: ceilPct(rules.excellentMaxPct),
    failMin: ceilPct(rules.failMinPct),
    bottom: rules.bottomPct == null ? 0 : ceilPct(rules.bottomPct),
  };
}

export interface GradeAssignment {
  id: string;
  rank: number;
  grade: Grade;
  /** Why this grade: 'floor' (below the absolute floor), 'fail_quota', 'bottom_group', 'excellent_quota', 'default'. */
  reason: 'floor' | 'fail_quota' | 'bottom_group' | 'excellent_quota' | 'default';
}

/**
 * Grades within quotas: rank by the written rule; everyone under the absolute floor is 不合格; if that is fewer than
 * the 不合格 quota the lowest-ranked make it up; the rest of the 末位 group (when configured) is 基本合格; the top
 * ranks up to the 优秀 cap who reach the 优秀 minimum score are 优秀; everybody else 合格.
 */
export function assignGrades(people: readonly Ranked[], rules: GradeRules): GradeAssignment[] {
  const ranked = [...people].sort(compareRanked);
  const q = quotasFor(ranked.length, rules);
  const out: GradeAssignment[] = ranked.map((p, i) => ({ id: p.id, rank: i + 1, grade: 'good', reason: 'default' }));
  let fails = 0;
  ranked.forEach((p, i) => {
    if (p.score < rules.floorScore) {
      out[i] = { ...out[i]!, grade: 'fail', reason: 'floor' };
      fails++;
    }
  });
  for (let i = ranked.length - 1; i >= 0 && fails < q.failMin; i--) {
    if (out[i]!.grade !== 'fail') {
      out[i] = { ...out[i]!, grade: 'fail', reason: 'fail_quota' };
      fails++;
    }
  }
  for (let i = ranked.length - 1; i >= Math.max(0, ranked.length - q.bottom); i--) {
    if (out[i]!.grade !== 'fail') out[i] = { ...out[i]!, grade: 'basic', reason: 'bottom_group' };
  }
  let excellent = 0;
  for (let i = 0; i < ranked.length && excellent < q.excellentMax; i++) {
    if (out[i]!.grade !== 'good' || ranked[i]!.score < rules.excellentMinScore) break;
    out[i] = { ...out[i]!, grade: 'excellent', reason: 'excellent_quota' };
    excellent++;
  }
  return out;
}

/** Whether a set of grades (after calibration) still respects the quotas. Returns the broken rule or null. */
export function quotaViolation(
  grades: readonly Grade[],
  rules: GradeRules,
): 'EXCELLENT_OVER_QUOTA' | 'FAIL_UNDER_QUOTA' | null {
  const q = quotasFor(grades.length, rules);
  if (grades.filter((g) => g === 'excellent').length > q.excellentMax) return 'EXCELLENT_OVER_QUOTA';
  if (grades.filter((g) => g === 'fail').length < q.failMin) return 'FAIL_UNDER_QUOTA';
  return null;
}
