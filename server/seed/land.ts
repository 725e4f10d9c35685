import { and, eq, isNotNull } from 'drizzle-orm';
import type { ParcelGeometry } from '../../shared/land';
import { enterprises } from '../domains/enterprises/enterprises.tables';
import { geodesicArea } from '../domains/land/land.geo';
import { evaluateIdle } from '../domains/land/land.idle';
import { addMonths, computeReview } from '../domains/land/land.review';
import { buildPeriod } from '../domains/land/land.rules';
import { landContracts, landParcels, landPatrols, landReviews } from '../domains/land/land.tables';
import { recordAudit } from '../platform/audit';
import type { Tx } from '../platform/db';
import { Random } from './random';

// 益阳高新区 (east of the city, ~112.38°E 28.58°N): metres → degrees at this latitude.
const ORIGIN = { lng: 112.372, lat: 28.592 };
const M_PER_DEG_LAT = 110_880;
const M_PER_DEG_LNG = 97_420;
const ROW_WIDTH_M = 2_600;
const ROAD_M = 40;

function rectangle(x: number, y: number, w: number, h: number): ParcelGeometry {
  const lng = (m: number) => Math.round((ORIGIN.lng + m / M_PER_DEG_LNG) * 1e6) / 1e6;
  const lat = (m: number) => Math.round((ORIGIN.lat - m / M_PER_DEG_LAT) * 1e6) / 1e6;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lng(x), lat(y)],
        [lng(x + w), lat(y)],
        [lng(x + w), lat(y + h)],
        [lng(x), lat(y + h)],
        [lng(x), lat(y)],
      ],
    ],
  };
}

const iso = (y: number, m: number, d = 1) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Parcels of the demo zone laid out in blocks along roads, one per operating enterprise with land (up to 80, sized
 * to its land) plus reserve parcels; standard-land contracts for the newer ones — some under construction on time,
 * some never started (idle: fee or reclaim, one with a government-caused delay), a few completed with their
 * acceptance review — then the idle-land evaluation as of `today`, and a few patrols. Its own PRNG stream.
 */
export async function seedLand(tx: Tx, zoneId: string, today: string, demoEnterpriseId: string, seed = 11) {
  const r = new Random(seed);
  const firms = await tx
    .select({ id: enterprises.id, landMu: enterprises.landMu })
    .from(enterprises)
    .where(and(eq(enterprises.zoneId, zoneId), eq(enterprises.status, 'operating'), isNotNull(enterprises.landMu)))
    .orderBy(enterprises.creditCode)
    .limit(80);
  const owners = [
    ...firms.filter((f) => f.id === demoEnterpriseId),
    ...firms.filter((f) => f.id !== demoEnterpriseId),
  ].map((f) => ({ id: f.id as string | null, mu: Math.min(f.landMu!, 300) }));
  for (let i = 0; i < 14; i++) owners.push({ id: null, mu: 20 + r.next() * 120 });

  let x = 0;
  let y = 0;
  let rowHeight = 0;
  const parcels: (typeof landParcels.$inferInsert)[] = [];
  for (const [i, o] of owners.entries()) {
    const m2 = o.mu * (10_000 / 15);
    const h = Math.sqrt(m2 / (1.2 + r.next() * 0.8));
    const w = m2 / h;
    if (x + w > ROW_WIDTH_M) {
      x = 0;
      y += rowHeight + ROAD_M;
      rowHeight = 0;
    }
    const geometry = rectangle(x, y, w, h);
    x += w + (r.next() < 0.25 ? ROAD_M : 6);
    rowHeight = Math.max(rowHeight, h);
    const price = Math.round(o.mu * (180_000 + r.next() * 60_000)) * 100; // ~18–24万元/亩, fen
    parcels.push({
      zoneId,
      code: `YY-GX-${String(i + 1).padStart(3, '0')}`,
      name: o.id ? '' : `储备地块${i + 1}`,
      use: o.id ? 'industrial' : r.pick(['industrial', 'industrial', 'warehouse', 'commercial'] as const),
      status: o.id ? 'production' : 'reserve',
      geometry,
      ...geodesicArea(geometry),
      enterpriseId: o.id,
      landPriceFen: o.id ? price : null,
      deliveredOn: o.id ? iso(2012 + r.int(0, 10), r.int(1, 12), r.int(1, 28)) : null,
    });
  }
  const inserted = await tx.insert(landParcels).values(parcels).returning();

  // Standard-land contracts on the owned parcels (the demo enterprise's first). Most firms start and finish on time,
  // as in the source articles (start/completion default rates of a few percent, e.g. 2.1 % / 4.3 %): the defaulters
  // are the demo enterprise (completed a month late), one idle parcel (fee), one to reclaim, one delayed by the
  // government and one suspended; the rest alternate completed (2021–22 supplies) and under construction (recent).
  const owned = inserted.filter((p) => p.enterpriseId);
  const special = ['completed', 'idle', 'reclaim', 'government', 'suspended'] as const;
  const kinds = [
    ...special,
    ...Array.from({ length: Math.max(0, owned.length - special.length) }, (_, i) =>
      i % 2 === 0 ? ('completed' as const) : ('construction' as const),
    ),
  ];
  const thisMonth = `${today.slice(0, 7)}-01`;
  const watched = new Set<string>(); // supplied or under construction: the patrols' round
  const contracts: (typeof landContracts.$inferInsert)[] = [];
  const reviews: (typeof landReviews.$inferInsert)[] = [];
  for (const [k, kind] of kinds.entries()) {
    const p = owned[k];
    if (!p) break;
    if (kind !== 'completed') watched.add(p.id);
    const investment = Math.round(p.areaMu * (300 + r.next() * 250)); // 万元: 300–550 万元/亩
    const period = buildPeriod(p.areaMu, BigInt(investment) * 1_000_000n);
    // Under construction: started in the last 1–9 months, so completion (≥ 12 months) is still ahead.
    const agreedStartOn =
      kind === 'completed'
        ? iso(2021 + r.int(0, 1), r.int(1, 12))
        : kind === 'construction'
          ? addMonths(thisMonth, -r.int(1, 9))
          : kind === 'reclaim'
            ? iso(2023, r.int(3, 9))
            : iso(2024, r.int(8, 12));
    const agreedCompletionOn = addMonths(agreedStartOn, period.buildMonths);
    const startedOn = kind === 'completed' || kind === 'construction' || kind === 'suspended' ? agreedStartOn : null;
    const completedOn = kind === 'completed' ? addMonths(agreedCompletionOn, k === 0 ? 1 : -r.int(0, 3)) : null;
    const c = {
      zoneId,
      parcelId: p.id,
      enterpriseId: p.enterpriseId!,
      contractNo: `益高新标准地〔${agreedStartOn.slice(0, 4)}〕${String(k + 1).padStart(3, '0')}号`,
      signedOn: addMonths(agreedStartOn, -3),
      landPriceFen: p.landPriceFen!,
      areaMu: p.areaMu,
      investment,
      plotRatio: r.pick([1.0, 1.2, 1.5]),
      taxPerMu: r.pick([15, 20, 25, 30]),
      energyPerOutput: 0.35,
      emission: null,
      rdShare: r.pick([2, 3]),
      agreedStartOn,
      buildMonths: period.buildMonths,
      productionMonths: period.productionMonths,
      agreedCompletionOn,
      agreedProductionOn: addMonths(agreedCompletionOn, period.productionMonths),
      startedOn,
      completedOn,
      suspendedSince: kind === 'suspended' ? addMonths(startedOn!, 2) : null,
      developedPercent: kind === 'suspended' ? 20 : kind === 'completed' ? 100 : kind === 'construction' ? 40 : 0,
      investedPercent: kind === 'suspended' ? 18 : kind === 'completed' ? 100 : kind === 'construction' ? 45 : 0,
      governmentCauseDays: kind === 'government' ? 240 : 0,
      governmentCause: kind === 'government' ? '征拆未完成，土地未按期交付' : '',
    };
    contracts.push(c);
    await tx
      .update(landParcels)
      .set({
        status:
          kind === 'completed'
            ? 'production'
            : kind === 'construction' || kind === 'suspended'
              ? 'construction'
              : 'supplied',
        deliveredOn: addMonths(agreedStartOn, -1),
      })
      .where(eq(landParcels.id, p.id));
  }
  const savedContracts = await tx.insert(landContracts).values(contracts).returning();
  for (const c of savedContracts.filter((x) => x.completedOn)) {
    const reviewedOn = addMonths(c.completedOn!, 1);
    const actualPlotRatio = Math.round((c.plotRatio + (r.next() - 0.3) * 0.3) * 100) / 100;
    const input = {
      kind: 'completion' as const,
      reviewedOn,
      startedOn: c.startedOn,
      completedOn: c.completedOn,
      actualPlotRatio,
      actualInvestment: null,
      actualTaxPerMu: null,
      actualEnergyPerOutput: null,
      actualEmission: null,
      actualRdShare: null,
      note: '',
    };
    const result = computeReview(c, input);
    const { kind, reviewedOn: _on, note, ...actuals } = input;
    reviews.push({
      zoneId,
      contractId: c.id,
      kind,
      reviewedOn,
      note,
      actuals,
      lines: result.lines,
      checks: result.checks,
      totalPenaltyFen: result.totalFen,
      passed: result.passed,
    });
  }
  if (reviews.length) await tx.insert(landReviews).values(reviews);

  // Patrols of this year on most parcels under construction or supplied.
  const patrolled = inserted.filter((p) => watched.has(p.id));
  const year = Number(today.slice(0, 4));
  await tx.insert(landPatrols).values(
    patrolled
      .filter(() => r.next() < 0.85)
      .map((p) => ({
        zoneId,
        parcelId: p.id,
        patrolledOn: iso(year, r.int(1, Math.max(1, Number(today.slice(5, 7)) - 1)), r.int(1, 28)),
        finding: r.pick(['normal', 'normal', 'not_started', 'suspended'] as const),
        note: '现场巡查',
      })),
  );

  await evaluateIdle(tx, today, zoneId, (fn) => fn(tx));
  await recordAudit(tx, {
    actor: null,
    zoneId,
    action: 'seed',
    entity: 'land_parcel',
    after: { parcels: inserted.length, contracts: savedContracts.length },
  });
}
