import { describe, expect, it } from 'vitest';
import { buildPeriod, idleVerdict, investmentShortfallPenalty, latePenalty, plotRatioPenalty } from './land.rules';

const base = {
  agreedStartOn: '2023-03-01',
  startedOn: null,
  developedShare: 0,
  investedShare: 0,
  suspendedSince: null,
  governmentCauseDays: 0,
  landPriceFen: 115_500_000n, // 1,155,000 元
};

describe('standard-land contract penalties (DOMAIN.md §7, GF-2008-2601)', () => {
  it('§7 late start/completion: 1,155,000 × 1‰ × 662 days = 764,610 元', () => {
    const line = latePenalty(115_500_000n, 1000n, 662);
    expect(line.fen).toBe(76_461_000n);
    expect(line.formula).toBe('1,155,000.00 × 1‰ × 662 = 764,610.00');
    expect(latePenalty(115_500_000n, 1000n, -3).fen).toBe(0n);
  });

  it('§7 investment shortfall: land price × shortfall / agreed — 1,155,000 × (1亿 − 0.8亿) / 1亿 = 231,000 元', () => {
    expect(investmentShortfallPenalty(115_500_000n, 10_000_000_000n, 8_000_000_000n).fen).toBe(23_100_000n);
    expect(investmentShortfallPenalty(115_500_000n, 10_000_000_000n, 12_000_000_000n).fen).toBe(0n);
  });

  it('§7 plot-ratio shortfall: land price × gap / minimum — 1,155,000 × (1.2 − 0.9) / 1.2 = 288,750 元', () => {
    expect(plotRatioPenalty(115_500_000n, 1200n, 900n).fen).toBe(28_875_000n);
  });

  it('§7 build periods: ≤50 mu or ≤1亿 → 1 + 0.5 years; 50–200 mu or 1–5亿 → 1.5 + 1; larger → 2 + 1', () => {
    expect(buildPeriod(40, 30_000_000_000n)).toEqual({ buildMonths: 12, productionMonths: 6 });
    expect(buildPeriod(120, 30_000_000_000n)).toEqual({ buildMonths: 18, productionMonths: 12 });
    expect(buildPeriod(300, 80_000_000_000n)).toEqual({ buildMonths: 24, productionMonths: 12 });
  });
});

describe('idle land (DOMAIN.md §7, 国土资源部令第53号)', () => {
  it('§7 not started one year after the agreed start → idle, idle fee 20 % of the land price', () => {
    expect(idleVerdict(base, '2024-02-29').idle).toBe(false);
    const v = idleVerdict(base, '2024-03-01');
    expect(v).toMatchObject({ idle: true, reason: 'not_started', idleSince: '2024-03-01', proposal: 'idle_fee' });
    expect(v.feeFen).toBe(23_100_000n); // 231,000 元
  });

  it('§7 idle two years → reclaimed without compensation', () => {
    expect(idleVerdict(base, '2025-02-28').proposal).toBe('idle_fee');
    expect(idleVerdict(base, '2025-03-01')).toMatchObject({ idle: true, proposal: 'reclaim', feeFen: 0n });
  });

  it('§7 started but < 1/3 developed (or < 25 % invested) and suspended one year → idle; well developed → not idle', () => {
    const started = {
      ...base,
      startedOn: '2023-04-01',
      suspendedSince: '2023-09-01',
      developedShare: 0.2,
      investedShare: 0.5,
    };
    expect(idleVerdict(started, '2024-09-01')).toMatchObject({ idle: true, reason: 'suspended', proposal: 'idle_fee' });
    const lowInvestment = { ...started, developedShare: 0.5, investedShare: 0.2 };
    expect(idleVerdict(lowInvestment, '2024-09-01').idle).toBe(true);
    const developed = { ...started, developedShare: 0.5, investedShare: 0.4 };
    expect(idleVerdict(developed, '2025-12-31').idle).toBe(false);
  });

  it('§7 government-cause exclusion: a 200-day delay in delivering the land extends the dates, no fee yet', () => {
    const delivered = { ...base, governmentCauseDays: 200 };
    const v = idleVerdict(delivered, '2024-03-01');
    expect(v).toMatchObject({ idle: false, proposal: 'none', extensionDays: 200, from: '2023-09-17' });
    expect(idleVerdict(delivered, '2024-09-17')).toMatchObject({ idle: true, proposal: 'idle_fee' });
    // The extension is capped at one year.
    expect(idleVerdict({ ...base, governmentCauseDays: 900 }, asOfPlus('2023-03-01', 365 + 366))).toMatchObject({
      idle: true,
      extensionDays: 365,
    });
  });
});

function asOfPlus(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
