import {
  type Adjustment,
  type BreakdownLine,
  type EfficiencyClass,
  type EfficiencyGroup,
  type EfficiencyInput,
  type EfficiencyParams,
  efficiencyGroups,
  INDICATOR_FORMULAS,
  type IndicatorKey,
  type PolicyItem,
} from '../../../shared/efficiency';

/**
 * 亩均效益综合评价 engine (DOMAIN.md §7), pure: inputs + parameters (+ the prior year's inputs for benchmarks, the
 * prior years' classes for consecutive-D surcharges) → one scored, ranked, classed line per enterprise. No I/O,
 * so a run recomputed from its frozen inputs and parameters gives the same result.
 */

export type Benchmarks = Record<EfficiencyGroup, Partial<Record<IndicatorKey, number | null>>>;
/** Per group and indicator: lowest and highest value among the firms having it (rounded like the breakdown). */
export type Ranges = Record<EfficiencyGroup, Partial<Record<IndicatorKey, { min: number; max: number } | null>>>;

export interface EngineResult {
  enterpriseId: string;
  group: EfficiencyGroup;
  baseScore: number;
  score: number;
  rank: number;
  groupSize: number;
  percentile: number;
  cls: EfficiencyClass;
  consecutiveD: number;
  breakdown: BreakdownLine[];
  adjustments: Adjustment[];
  policies: PolicyItem[];
}

export interface ScopeDecision {
  enterpriseId: string;
  included: boolean;
  reason: 'in_scope' | 't_class' | 'small_land' | 'small_tenant';
}

/** Scope rule: land ≥ minLandMu, or (when configured) a tenant with leased space ≥ minTenantM2; T class out. */
export function scopeOf(input: EfficiencyInput, params: EfficiencyParams): ScopeDecision {
  const s = params.scope;
  const out = (reason: ScopeDecision['reason']) => ({ enterpriseId: input.enterpriseId, included: false, reason });
  if (s.excludeTClass && input.tClass) return out('t_class');
  if ((input.landMu ?? 0) >= s.minLandMu && (input.landMu ?? 0) > 0)
    return { enterpriseId: input.enterpriseId, included: true, reason: 'in_scope' };
  if (s.includeTenants && (input.leasedM2 ?? 0) >= s.minTenantM2 && (input.leasedM2 ?? 0) > 0)
    return { enterpriseId: input.enterpriseId, included: true, reason: 'in_scope' };
  return out(s.includeTenants && !input.landMu ? 'small_tenant' : 'small_land');
}

/**
 * The land figure of the per-mu indicators: own land, or for a tenant its leased floor space in mu
 * (㎡ / 666.67), as the tenant rule of DOMAIN.md counts leased space in place of land.
 */
function landOf(input: EfficiencyInput): number | null {
  if (input.landMu && input.landMu > 0) return input.landMu;
  if (input.leasedM2 && input.leasedM2 > 0) return input.leasedM2 / 666.67;
  return null;
}

/** An indicator's value for one enterprise, or null when the numerator or denominator is missing or zero. */
export function indicatorValue(input: EfficiencyInput, key: IndicatorKey): number | null {
  const f = INDICATOR_FORMULAS[key];
  const num = input[f.num];
  const den = f.den === 'landMu' ? landOf(input) : input[f.den];
  if (num === null || num === undefined || den === null || den === undefined || den <= 0) return null;
  return (num / den) * f.factor;
}

/** Zone average of an indicator over a population: Σ numerator / Σ denominator (firms having both), × factor. */
export function averageOf(inputs: readonly EfficiencyInput[], key: IndicatorKey): number | null {
  const f = INDICATOR_FORMULAS[key];
  let num = 0;
  let den = 0;
  for (const i of inputs) {
    const n = i[f.num];
    const d = f.den === 'landMu' ? landOf(i) : i[f.den];
    if (n === null || n === undefined || d === null || d === undefined || d <= 0) continue;
    num += n;
    den += d;
  }
  return den > 0 ? (num / den) * f.factor : null;
}

/**
 * Benchmarks of a run: the entered benchmark where there is one; otherwise (prior_year_average) the prior year's
 * in-scope average of the same group; with no prior-year data, the current year's average (so a first run works).
 */
export function benchmarksFor(
  params: EfficiencyParams,
  current: readonly EfficiencyInput[],
  prior: readonly EfficiencyInput[],
): Benchmarks {
  const out: Benchmarks = { above: {}, below: {} };
  for (const g of efficiencyGroups) {
    const inScope = (list: readonly EfficiencyInput[]) =>
      list.filter((i) => i.scale === g && scopeOf(i, params).included);
    const priorGroup = inScope(prior);
    const currentGroup = inScope(current);
    for (const w of params.indicators[g]) {
      if (w.benchmark !== null) out[g][w.indicator] = w.benchmark;
      else if (params.benchmarkSource === 'prior_year_average')
        out[g][w.indicator] = averageOf(priorGroup, w.indicator) ?? averageOf(currentGroup, w.indicator);
      else out[g][w.indicator] = null;
    }
  }
  return out;
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Class of a rank: the first band whose upper percentile holds rank/n (rank 1 = best). */
export function classOfRank(rank: number, n: number, bands: EfficiencyParams['bands']): EfficiencyClass {
  for (const b of bands) if (rank * 100 <= b.upTo * n + 1e-9) return b.cls;
  return 'D';
}

/** Scores one group (规上 or 规下) with the group's indicators and benchmarks. */
function scoreGroup(
  group: EfficiencyGroup,
  inputs: readonly EfficiencyInput[],
  params: EfficiencyParams,
  benchmarks: Benchmarks,
  priorClasses: ReadonlyMap<string, readonly EfficiencyClass[]>,
  ranges: Ranges,
): EngineResult[] {
  const weights = params.indicators[group];
  const values = inputs.map((i) => weights.map((w) => indicatorValue(i, w.indicator)));
  // Per indicator: min/max (min–max method) and the points of every firm having the value.
  const lines: BreakdownLine[][] = inputs.map(() => []);
  weights.forEach((w, k) => {
    // A loop, not Math.min(...values): spreading 100,000+ arguments overflows the stack.
    let min: number | null = null;
    let max: number | null = null;
    for (const v of values) {
      const x = v[k];
      if (x === null || x === undefined) continue;
      if (min === null || x < min) min = x;
      if (max === null || x > max) max = x;
    }
    ranges[group][w.indicator] = min === null || max === null ? null : { min: round(min, 4), max: round(max, 4) };
    const benchmark = benchmarks[group][w.indicator] ?? null;
    const pointsOf = (v: number): number => {
      if (params.method === 'minmax') {
        const t = max === null || min === null || max === min ? 1 : (v - min) / (max - min);
        return (w.weight * (20 + 80 * t)) / 100;
      }
      if (!benchmark) return 0;
      const ratio = v / benchmark;
      return w.weight * (params.ratioCap === null ? ratio : Math.min(ratio, params.ratioCap));
    };
    const pts = values.map((v) => (v[k] === null ? null : pointsOf(v[k]!)));
    const scored = pts.filter((p): p is number => p !== null);
    const average = scored.length ? scored.reduce((s, p) => s + p, 0) / scored.length : 0;
    pts.forEach((p, i) => {
      const missing = p === null;
      lines[i]!.push({
        indicator: w.indicator,
        weight: w.weight,
        value: values[i]![k] === null ? null : round(values[i]![k]!, 4),
        benchmark: params.method === 'ratio' ? (benchmark === null ? null : round(benchmark, 4)) : null,
        min: params.method === 'minmax' && min !== null ? round(min, 4) : null,
        max: params.method === 'minmax' && max !== null ? round(max, 4) : null,
        basis: missing ? (params.missing === 'group_average' ? 'missing_average' : 'missing_zero') : 'value',
        points: round(missing ? (params.missing === 'group_average' ? average : 0) : p, 4),
      });
    });
  });

  const scored = inputs.map((input, i) => {
    const taxPerMu = indicatorValue(input, 'taxPerMu') ?? -1;
    const baseScore = lines[i]!.reduce((s, l) => s + l.points, 0);
    const adjustments: Adjustment[] = [];
    let score = baseScore;
    if (input.leasedOut && params.adjustments.leasedOutPoints !== 0) {
      score += params.adjustments.leasedOutPoints;
      adjustments.push({
        code: 'leased_out',
        points: params.adjustments.leasedOutPoints,
        classFrom: null,
        classTo: null,
      });
    }
    return {
      input,
      baseScore: round(baseScore, 2),
      score: round(score, 2),
      exact: score,
      taxPerMu,
      lines: lines[i]!,
      adjustments,
    };
  });
  // Rank by score; ties by 亩均税收, then by id so the order is total and reproducible.
  scored.sort(
    (a, b) =>
      b.exact - a.exact ||
      b.taxPerMu - a.taxPerMu ||
      (a.input.enterpriseId < b.input.enterpriseId ? -1 : a.input.enterpriseId > b.input.enterpriseId ? 1 : 0),
  );
  const n = scored.length;
  return scored.map((s, idx) => {
    const rank = idx + 1;
    let cls = classOfRank(rank, n, params.bands);
    const change = (code: Adjustment['code'], to: EfficiencyClass) => {
      s.adjustments.push({ code, points: 0, classFrom: cls, classTo: to });
      cls = to;
    };
    if (params.adjustments.incidentBarsAB && s.input.incident && (cls === 'A' || cls === 'B'))
      change('incident_bars_ab', 'C');
    if (params.adjustments.newlyAboveNeverD && s.input.newlyAbove && cls === 'D') change('newly_above_never_d', 'C');
    if (s.input.veto && cls !== 'D') change('veto', 'D');
    const history = priorClasses.get(s.input.enterpriseId) ?? [];
    let consecutiveD = 0;
    if (cls === 'D') {
      consecutiveD = 1;
      for (const c of history) {
        if (c !== 'D') break;
        consecutiveD++;
      }
    }
    return {
      enterpriseId: s.input.enterpriseId,
      group,
      baseScore: s.baseScore,
      score: s.score,
      rank,
      groupSize: n,
      percentile: round((rank * 100) / n, 2),
      cls,
      consecutiveD,
      breakdown: s.lines,
      adjustments: s.adjustments,
      policies: policiesOf(cls, consecutiveD, params),
    };
  });
}

/** Differentiated policies of a class (DOMAIN.md §7): land-use-tax relief, D surcharge by consecutive years, no new land. */
export function policiesOf(cls: EfficiencyClass, consecutiveD: number, params: EfficiencyParams): PolicyItem[] {
  const p = params.policies;
  const out: PolicyItem[] = [];
  if (p.landTaxReliefPct[cls] > 0) out.push({ code: 'land_tax_relief', value: p.landTaxReliefPct[cls] });
  if (cls === 'D') {
    const steps = p.electricitySurchargeD;
    if (steps.length)
      out.push({ code: 'electricity_surcharge', value: steps[Math.min(consecutiveD, steps.length) - 1]! });
    if (p.noNewLandForD) out.push({ code: 'no_new_land', value: null });
  }
  return out;
}

/**
 * Evaluates a year: scope → benchmarks → per-group scores → ranks → classes → adjustments → policies.
 * `priorClasses`: an enterprise's classes of the previous years, most recent first (for consecutive D years).
 */
export function evaluate(
  params: EfficiencyParams,
  current: readonly EfficiencyInput[],
  prior: readonly EfficiencyInput[] = [],
  priorClasses: ReadonlyMap<string, readonly EfficiencyClass[]> = new Map(),
): { benchmarks: Benchmarks; ranges: Ranges; results: EngineResult[]; excluded: ScopeDecision[] } {
  const benchmarks = benchmarksFor(params, current, prior);
  const excluded: ScopeDecision[] = [];
  const byGroup: Record<EfficiencyGroup, EfficiencyInput[]> = { above: [], below: [] };
  for (const i of current) {
    const d = scopeOf(i, params);
    if (d.included) byGroup[i.scale].push(i);
    else excluded.push(d);
  }
  const ranges: Ranges = { above: {}, below: {} };
  const results = efficiencyGroups.flatMap((g) => scoreGroup(g, byGroup[g], params, benchmarks, priorClasses, ranges));
  return { benchmarks, ranges, results, excluded };
}
