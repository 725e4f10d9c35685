import { describe, expect, it } from 'vitest';
import {
  defaultEfficiencyParams,
  type EfficiencyInput,
  type EfficiencyParams,
  type IndicatorKey,
} from '../../../shared/efficiency';
import { Random } from '../../seed/random';
import { classOfRank, evaluate, indicatorValue } from './efficiency.engine';

let serial = 0;
function firm(over: Partial<EfficiencyInput> = {}): EfficiencyInput {
  serial++;
  return {
    enterpriseId: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    year: 2025,
    landMu: 50,
    leasedM2: null,
    tax: 1000,
    revenue: 20000,
    valueAdded: 5000,
    energyTce: 2500,
    electricityMwh: 800,
    emissionT: 100,
    rdExpense: 600,
    employees: 200,
    scale: 'above',
    newlyAbove: false,
    leasedOut: false,
    incident: false,
    veto: false,
    tClass: null,
    ...over,
  };
}

/** Huangyan-style weights with entered benchmarks: 亩均税收 20, 亩均增加值 100, 能耗 2, 排放 50, 劳产率 30, R&D 3 %. */
function huangyan(over: Partial<EfficiencyParams> = {}): EfficiencyParams {
  const p = defaultEfficiencyParams();
  const bench: Partial<Record<IndicatorKey, number>> = {
    taxPerMu: 20,
    valueAddedPerMu: 100,
    valueAddedPerEnergy: 2,
    valueAddedPerEmission: 50,
    laborProductivity: 30,
    rdShare: 3,
    taxPerKwh: 1.25,
  };
  p.benchmarkSource = 'entered';
  for (const g of ['above', 'below'] as const) {
    p.indicators[g] = p.indicators[g].map((w) => ({ ...w, benchmark: bench[w.indicator]! }));
  }
  return { ...p, ...over };
}

/** A firm whose every indicator equals the Huangyan benchmarks above. */
const atBenchmark = (over: Partial<EfficiencyInput> = {}) =>
  firm({
    landMu: 50,
    tax: 1000, // 20 万元/亩
    valueAdded: 5000, // 100 万元/亩; 5000/2500 tce = 2; 5000/100 t = 50
    energyTce: 2500,
    emissionT: 100,
    employees: 5000 / 30, // 30 万元/人 (fractional average headcount)
    revenue: 20000,
    rdExpense: 600, // 3 %
    ...over,
  });

describe('per-mu evaluation engine (DOMAIN.md §7 亩均论英雄)', () => {
  it('§7 indicator definitions: 亩均税收, 亩均增加值, 单位能耗/排放增加值, 全员劳动生产率, R&D share, 单位电耗税收', () => {
    const f = firm({ landMu: 40, tax: 1200, valueAdded: 6000, energyTce: 1500, emissionT: 80, employees: 150 });
    expect(indicatorValue(f, 'taxPerMu')).toBe(30);
    expect(indicatorValue(f, 'valueAddedPerMu')).toBe(150);
    expect(indicatorValue(f, 'valueAddedPerEnergy')).toBe(4);
    expect(indicatorValue(f, 'valueAddedPerEmission')).toBe(75);
    expect(indicatorValue(f, 'laborProductivity')).toBe(40);
    expect(indicatorValue(f, 'rdShare')).toBe(3); // 600 / 20000 × 100
    expect(indicatorValue(f, 'taxPerKwh')).toBe(1.5); // 1200 万元 / 800 万kWh
    expect(indicatorValue(firm({ emissionT: null }), 'valueAddedPerEmission')).toBeNull();
    expect(indicatorValue(firm({ energyTce: 0 }), 'valueAddedPerEnergy')).toBeNull();
  });

  it('§7 ratio method: a firm exactly at every benchmark scores 100 (规上 and 规下)', () => {
    const params = huangyan();
    const above = atBenchmark();
    const below = atBenchmark({ scale: 'below', electricityMwh: 800 }); // 1000 / 800 = 1.25 元/kWh
    const { results } = evaluate(params, [above, below]);
    for (const r of results) expect(r.score).toBe(100);
    expect(results.find((r) => r.group === 'above')!.breakdown.map((l) => l.points)).toEqual([30, 20, 20, 10, 10, 10]);
    expect(results.find((r) => r.group === 'below')!.breakdown.map((l) => l.points)).toEqual([50, 50]);
  });

  it('§7 Huangyan weights on a hand-computed firm: 45 + 16 + 16 + 8 + 13.33 + 15 = 113.33', () => {
    // 50 亩, tax 1500 → 30/亩 ÷ 20 × 30 = 45; VA 4000 → 80/亩 ÷ 100 × 20 = 16; 4000/2500 tce = 1.6 ÷ 2 × 20 = 16;
    // 4000/100 t = 40 ÷ 50 × 10 = 8; 4000/100 人 = 40 ÷ 30 × 10 = 13.3333; R&D 900/20000 = 4.5 % ÷ 3 × 10 = 15.
    const f = firm({ tax: 1500, valueAdded: 4000, energyTce: 2500, emissionT: 100, employees: 100, rdExpense: 900 });
    const [r] = evaluate(huangyan(), [f]).results;
    expect(r!.breakdown.map((l) => [l.indicator, l.value, l.benchmark, l.points])).toEqual([
      ['taxPerMu', 30, 20, 45],
      ['valueAddedPerMu', 80, 100, 16],
      ['valueAddedPerEnergy', 1.6, 2, 16],
      ['valueAddedPerEmission', 40, 50, 8],
      ['laborProductivity', 40, 30, 13.3333],
      ['rdShare', 4.5, 3, 15],
    ]);
    expect(r!.score).toBe(113.33);
  });

  it('§7 missing emission data → the 规上 average score for that indicator', () => {
    const a = atBenchmark({ emissionT: 100 }); // 50 → 10 points
    const b = atBenchmark({ emissionT: 50 }); // 100 → 20 points
    const c = atBenchmark({ emissionT: null });
    const { results } = evaluate(huangyan(), [a, b, c]);
    const line = results.find((r) => r.enterpriseId === c.enterpriseId)!.breakdown[3]!;
    expect(line).toMatchObject({
      indicator: 'valueAddedPerEmission',
      value: null,
      basis: 'missing_average',
      points: 15,
    });
    expect(results.find((r) => r.enterpriseId === c.enterpriseId)!.score).toBe(105);
    const zero = evaluate(huangyan({ missing: 'zero' }), [a, b, c]).results;
    expect(zero.find((r) => r.enterpriseId === c.enterpriseId)!.score).toBe(90);
  });

  it('§7 min–max method: weight × [20 + 80·(x−min)/(max−min)] / 100 — best firm 100, worst 20', () => {
    const params = huangyan({ method: 'minmax' });
    const lo = firm({ tax: 500, valueAdded: 2000, energyTce: 2000, emissionT: 100, employees: 100, rdExpense: 200 });
    const mid = firm({ tax: 1000, valueAdded: 3000, energyTce: 2000, emissionT: 100, employees: 100, rdExpense: 400 });
    const hi = firm({ tax: 1500, valueAdded: 4000, energyTce: 2000, emissionT: 100, employees: 100, rdExpense: 600 });
    const { results } = evaluate(params, [lo, mid, hi]);
    const by = (f: EfficiencyInput) => results.find((r) => r.enterpriseId === f.enterpriseId)!;
    expect(by(hi).score).toBe(100);
    expect(by(lo).score).toBe(20);
    // mid: every indicator halfway → each weight × (20 + 40)/100 → 60.
    expect(by(mid).score).toBe(60);
  });

  it('§7 benchmarks recomputed from the prior year: Σ tax / Σ mu of the prior year’s 规上 firms', () => {
    const params = defaultEfficiencyParams(); // prior_year_average
    const prior = [firm({ landMu: 40, tax: 600 }), firm({ landMu: 60, tax: 1400 })]; // 2000 / 100 = 20
    const f = firm({ landMu: 50, tax: 1000 });
    const { benchmarks, results } = evaluate(params, [f], prior);
    expect(benchmarks.above.taxPerMu).toBe(20);
    expect(results[0]!.breakdown[0]).toMatchObject({ indicator: 'taxPerMu', value: 20, benchmark: 20, points: 30 });
  });

  it('§7 scope: land ≥ 3 mu, tenants ≥ 3,000 ㎡ where configured, T class not evaluated', () => {
    const params = huangyan();
    const small = firm({ landMu: 2.5 });
    const tenant = firm({ landMu: null, leasedM2: 4000 });
    const utility = firm({ tClass: 'utility' });
    const ok = firm({ landMu: 3 });
    let r = evaluate(params, [small, tenant, utility, ok]);
    expect(r.results.map((x) => x.enterpriseId)).toEqual([ok.enterpriseId]);
    expect(r.excluded.map((x) => x.reason).sort()).toEqual(['small_land', 'small_land', 't_class']);
    r = evaluate({ ...params, scope: { ...params.scope, includeTenants: true } }, [small, tenant, utility, ok]);
    expect(r.results.map((x) => x.enterpriseId).sort()).toEqual([tenant.enterpriseId, ok.enterpriseId].sort());
  });

  it('§7 class bands on a generated population reproduce the configured percentages (A 20 %, B 40 %, C 35 %, D 5 %)', () => {
    const rnd = new Random(7);
    const population = Array.from({ length: 1000 }, () =>
      firm({
        landMu: rnd.int(5, 300),
        tax: rnd.int(10, 20000),
        valueAdded: rnd.int(100, 80000),
        energyTce: rnd.int(100, 20000),
        emissionT: rnd.int(5, 500),
        employees: rnd.int(20, 2000),
        revenue: rnd.int(1000, 300000),
        rdExpense: rnd.int(0, 5000),
      }),
    );
    const { results } = evaluate(huangyan(), population);
    const counts = { A: 0, B: 0, C: 0, D: 0 };
    for (const r of results) counts[r.cls]++;
    expect(counts).toEqual({ A: 200, B: 400, C: 350, D: 50 });
    // Higher score never gets a worse class.
    const sorted = [...results].sort((a, b) => a.rank - b.rank);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.score).toBeLessThanOrEqual(sorted[i - 1]!.score);
    // A population that does not divide evenly: 37 firms → A ranks 1–7, B 8–22, C 23–35, D 36–37.
    expect([7, 8, 22, 23, 35, 36].map((rank) => classOfRank(rank, 37, huangyan().bands))).toEqual([
      'A',
      'B',
      'B',
      'C',
      'C',
      'D',
    ]);
  });

  it('§7 bonus/penalty/veto: leasing out −5, an incident bars A/B, newly 规上 never D, veto → D', () => {
    const params = huangyan();
    const leaser = atBenchmark({ leasedOut: true });
    const best = atBenchmark({ tax: 3000, incident: true }); // would be A
    const worst = atBenchmark({ tax: 100, valueAdded: 500, newlyAbove: true }); // would be D
    const vetoed = atBenchmark({ tax: 2500, veto: true });
    const fill = Array.from({ length: 16 }, (_, i) => atBenchmark({ tax: 900 + i * 20 }));
    const { results } = evaluate(params, [leaser, best, worst, vetoed, ...fill]);
    const by = (f: EfficiencyInput) => results.find((r) => r.enterpriseId === f.enterpriseId)!;
    expect(by(leaser).baseScore).toBe(100);
    expect(by(leaser).score).toBe(95);
    expect(by(leaser).adjustments).toEqual([{ code: 'leased_out', points: -5, classFrom: null, classTo: null }]);
    expect(by(best).rank).toBe(1);
    expect(by(best).cls).toBe('C');
    expect(by(best).adjustments[0]).toMatchObject({ code: 'incident_bars_ab', classFrom: 'A', classTo: 'C' });
    expect(by(worst).rank).toBe(20);
    expect(by(worst).cls).toBe('C');
    expect(by(vetoed).cls).toBe('D');
    expect(by(vetoed).adjustments[0]).toMatchObject({ code: 'veto', classFrom: 'A', classTo: 'D' });
  });

  it('§7 differentiated policies: land-use-tax relief A 100 % / B 80 %, D surcharge +0.05/+0.10/+0.15 by consecutive D years', () => {
    const params = huangyan();
    const firms = Array.from({ length: 20 }, (_, i) => atBenchmark({ tax: 200 + i * 100 }));
    const worst = firms[0]!;
    const history = new Map([[worst.enterpriseId, ['D', 'D', 'B'] as const]]);
    const { results } = evaluate(params, firms, [], history as never);
    const a = results.find((r) => r.rank === 1)!;
    const b = results.find((r) => r.rank === 5)!;
    const d = results.find((r) => r.enterpriseId === worst.enterpriseId)!;
    expect(a.policies).toEqual([{ code: 'land_tax_relief', value: 100 }]);
    expect(b.policies).toEqual([{ code: 'land_tax_relief', value: 80 }]);
    expect(d.cls).toBe('D');
    expect(d.consecutiveD).toBe(3);
    expect(d.policies).toEqual([
      { code: 'electricity_surcharge', value: 0.15 },
      { code: 'no_new_land', value: null },
    ]);
    const first = evaluate(params, firms).results.find((r) => r.enterpriseId === worst.enterpriseId)!;
    expect(first.policies[0]).toEqual({ code: 'electricity_surcharge', value: 0.05 });
  });

  it('a run is reproducible: the same frozen inputs and parameters give the same results', () => {
    const rnd = new Random(11);
    const inputs = Array.from({ length: 50 }, () =>
      firm({ tax: rnd.int(100, 5000), emissionT: rnd.next() < 0.2 ? null : 80 }),
    );
    expect(evaluate(huangyan(), inputs)).toEqual(evaluate(huangyan(), [...inputs].reverse()));
  });
});
