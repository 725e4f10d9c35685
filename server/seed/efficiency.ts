import { and, eq, isNotNull } from 'drizzle-orm';
import { defaultEfficiencyParams, type EfficiencyInput } from '../../shared/efficiency';
import { evaluate } from '../domains/efficiency/efficiency.engine';
import { writeResults } from '../domains/efficiency/efficiency.repository';
import { efficiencyData, efficiencyRuns } from '../domains/efficiency/efficiency.tables';
import { enterprises } from '../domains/enterprises/enterprises.tables';
import { recordAudit } from '../platform/audit';
import type { Tx } from '../platform/db';
import { insertMany } from '../platform/db/bulk';
import { Random } from './random';

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * 亩均 demo data for one zone: two years (prior and last year) of tax, revenue, value added, energy, emission, R&D
 * and employees for every operating enterprise with land, in realistic ranges (亩均税收 mostly 5–60 万元/亩), with a
 * few firms lacking emission data, leasing out land or with an incident; the prior year's run is final and the last
 * year's run is computed (ready to publish). A PRNG of its own, so the rest of the seed is unchanged.
 */
export async function seedEfficiency(tx: Tx, zoneId: string, lastYear: number, seed = 8): Promise<void> {
  const r = new Random(seed);
  const firms = await tx
    .select({
      id: enterprises.id,
      landMu: enterprises.landMu,
      scale: enterprises.scale,
      establishedOn: enterprises.establishedOn,
    })
    .from(enterprises)
    .where(and(eq(enterprises.zoneId, zoneId), eq(enterprises.status, 'operating'), isNotNull(enterprises.landMu)))
    .orderBy(enterprises.creditCode);
  const years = [lastYear - 1, lastYear];
  const byYear = new Map<number, EfficiencyInput[]>(years.map((y) => [y, []]));
  for (const f of firms) {
    const land = f.landMu!;
    // A firm's productivity level (log-normal-ish) and its growth between the years.
    const level = Math.exp((r.next() - 0.5) * 2.2);
    const growth = 0.9 + r.next() * 0.3;
    const energyIntensity = 0.2 + r.next() * 0.8; // tce per 万元 value added
    const missingEmission = r.next() < 0.08;
    const utility = r.next() < 0.02;
    const leasedOut = r.next() < 0.04;
    const incident = r.next() < 0.02;
    years.forEach((year, k) => {
      const g = k === 0 ? 1 : growth;
      const taxPerMu = 18 * level * g * (0.85 + r.next() * 0.3);
      const tax = round(land * taxPerMu);
      const valueAdded = round(tax * (3.5 + r.next() * 2));
      const revenue = round(valueAdded * (3 + r.next() * 2));
      const above = f.scale === 'above';
      byYear.get(year)!.push({
        enterpriseId: f.id,
        year,
        landMu: land,
        leasedM2: null,
        tax,
        revenue,
        valueAdded,
        energyTce: round(valueAdded * energyIntensity),
        electricityMwh: round(valueAdded * energyIntensity * 0.9),
        emissionT: above && !missingEmission ? round(valueAdded / (30 + r.next() * 60)) : null,
        rdExpense: round(revenue * (0.005 + r.next() * 0.04)),
        employees: Math.max(8, Math.round(valueAdded / (15 + r.next() * 30))),
        scale: f.scale,
        newlyAbove: above && f.establishedOn !== null && f.establishedOn >= `${year - 1}-01-01`,
        leasedOut,
        incident: incident && k === 1,
        veto: false,
        tClass: utility ? 'utility' : null,
      });
    });
  }
  for (const year of years) {
    await insertMany(
      tx,
      efficiencyData,
      byYear.get(year)!.map(({ enterpriseId, ...rest }) => ({ ...rest, zoneId, enterpriseId })),
    );
  }
  const params = defaultEfficiencyParams();
  let history = new Map<string, ('A' | 'B' | 'C' | 'D')[]>();
  for (const year of years) {
    const final = year < lastYear;
    const { benchmarks, ranges, results } = evaluate(params, byYear.get(year)!, byYear.get(year - 1) ?? [], history);
    const classCounts: Record<string, number> = { A: 0, B: 0, C: 0, D: 0 };
    for (const x of results) classCounts[x.cls]!++;
    const at = new Date(`${year + 1}-04-15T09:00:00+08:00`);
    const [run] = await tx
      .insert(efficiencyRuns)
      .values({
        zoneId,
        year,
        name: `${year} 年度亩均效益综合评价`,
        status: final ? 'final' : 'computed',
        params,
        benchmarks,
        ranges,
        population: results.length,
        classCounts,
        computedAt: at,
        publishedAt: final ? at : null,
        objectionEndsOn: final ? `${year + 1}-04-22` : null,
        finalizedAt: final ? new Date(`${year + 1}-04-25T09:00:00+08:00`) : null,
      })
      .returning({ id: efficiencyRuns.id });
    const inputs = new Map(byYear.get(year)!.map((i) => [i.enterpriseId, i]));
    await writeResults(tx, zoneId, run!.id, results, inputs);
    history = new Map(results.map((x) => [x.enterpriseId, [x.cls]]));
    await recordAudit(tx, {
      actor: null,
      zoneId,
      action: 'seed',
      entity: 'efficiency_run',
      entityId: run!.id,
      after: { year, status: final ? 'final' : 'computed', population: results.length, classCounts },
    });
  }
}
