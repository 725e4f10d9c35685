/**
 * The arithmetic of economic monitoring (DOMAIN.md §9), kept pure so each rule has a worked example in tests.
 * Percentages are rounded half away from zero to two decimals; inputs are the stored decimals.
 */
export type Aggregation = 'sum' | 'last';

/** Round half away from zero to 2 decimals (12.345 → 12.35, −12.345 → −12.35), avoiding binary drift. */
export function round2(x: number): number {
  const r = Math.round(Math.abs(x) * 100 + 1e-9) / 100;
  return x < 0 ? -r : r;
}

/**
 * 1–N月 cumulative from monthly values (index 0 = January). 'sum' adds months 1..N and needs all of them (a missing
 * month is reported, and the cumulative is null rather than silently short); 'last' is month N's value.
 */
export function cumulative(
  months: readonly (number | null | undefined)[],
  n: number,
  aggregation: Aggregation,
): { value: number | null; missing: number[] } {
  if (aggregation === 'last') {
    const v = months[n - 1];
    return { value: v ?? null, missing: v == null ? [n] : [] };
  }
  const missing: number[] = [];
  let sum = 0;
  for (let m = 1; m <= n; m++) {
    const v = months[m - 1];
    if (v == null) missing.push(m);
    else sum += v;
  }
  return { value: missing.length ? null : Math.round(sum * 1e4) / 1e4, missing };
}

/** Year-on-year growth in %: (current / previous − 1) × 100; null without a positive base. */
export function yoyPct(current: number | null, previous: number | null): number | null {
  if (current == null || previous == null || previous <= 0) return null;
  return round2((current / previous - 1) * 100);
}

/** Completion of the annual target in %: cumulative / target × 100; null without a target. */
export function completionPct(cum: number | null, target: number | null): number | null {
  if (cum == null || target == null || target <= 0) return null;
  return round2((cum / target) * 100);
}

/** Share of the year elapsed at the end of month N, in % (6 → 50.00: 时间过半). */
export function timeProgressPct(month: number): number {
  return round2((month / 12) * 100);
}

export interface Thresholds {
  alertBelowPct: number | null;
  excellentAbovePct: number | null;
  higherIsBetter: boolean;
}

/** Red when growth is below the alert line, green from the excellence line, for lower-is-better indicators mirrored. */
export function statusOf(yoy: number | null, t: Thresholds): 'red' | 'normal' | 'green' | 'none' {
  if (yoy == null) return 'none';
  const g = t.higherIsBetter ? yoy : -yoy;
  const alert = t.alertBelowPct == null ? null : t.higherIsBetter ? t.alertBelowPct : -t.alertBelowPct;
  const excellent = t.excellentAbovePct == null ? null : t.higherIsBetter ? t.excellentAbovePct : -t.excellentAbovePct;
  if (alert != null && g < alert) return 'red';
  if (excellent != null && g >= excellent) return 'green';
  return 'normal';
}

/**
 * An implausible jump: the value moves more than jumpPct % against the previous month (same kind of value) or the same
 * month last year. Answers which comparison tripped, so the form can say why a reason is needed.
 */
export function jumpOf(
  value: number,
  previousMonth: number | null,
  sameMonthLastYear: number | null,
  jumpPct: number,
): { against: 'previousMonth' | 'lastYear'; changePct: number } | null {
  for (const [against, base] of [
    ['previousMonth', previousMonth],
    ['lastYear', sameMonthLastYear],
  ] as const) {
    if (base == null || base === 0) continue;
    const change = round2((value / base - 1) * 100);
    if (Math.abs(change) > jumpPct) return { against, changePct: change };
  }
  return null;
}

/**
 * 学比争看 score of each sub-park: per indicator, completion relative to the best sub-park (best = 100), then the
 * weighted mean; rank by score (ties share the better rank, next rank skips: 1, 1, 3).
 */
export function rankSubParks(
  parks: { id: string; completion: Record<string, number | null> }[],
  weights: Record<string, number>,
): {
  id: string;
  score: number;
  rank: number;
  parts: { code: string; weight: number; completionPct: number | null; score: number }[];
}[] {
  const codes = Object.keys(weights);
  const total = codes.reduce((s, c) => s + (weights[c] ?? 0), 0) || 1;
  const best: Record<string, number> = {};
  for (const c of codes) best[c] = Math.max(0, ...parks.map((p) => p.completion[c] ?? 0));
  const scored = parks.map((p) => {
    const parts = codes.map((code) => {
      const v = p.completion[code] ?? null;
      const s = v == null || !best[code] ? 0 : round2((Math.max(0, v) / best[code]!) * 100);
      return { code, weight: weights[code]!, completionPct: v, score: s };
    });
    const score = round2(parts.reduce((s, x) => s + x.score * x.weight, 0) / total);
    return { id: p.id, score, parts, rank: 0 };
  });
  scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  scored.forEach((s, i) => {
    s.rank = i > 0 && scored[i - 1]!.score === s.score ? scored[i - 1]!.rank : i + 1;
  });
  return scored;
}

/** Competition ranking by a value (higher first, nulls last): ties share a rank. */
export function competitionRanks<T>(items: T[], value: (t: T) => number | null): Map<T, number> {
  const sorted = [...items].filter((i) => value(i) != null).sort((a, b) => value(b)! - value(a)!);
  const ranks = new Map<T, number>();
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    ranks.set(item, prev !== undefined && value(prev) === value(item) ? ranks.get(prev)! : i + 1);
  });
  return ranks;
}
