import type { ReviewInput } from '../../../shared/land';
import { dayNumber, isoOf } from '../../platform/calendar';
import { investmentShortfallPenalty, type Line, latePenalty, plotRatioPenalty } from './land.rules';
import type { StoredCheck, StoredLine } from './land.tables';

/** Adds whole calendar months to an ISO day (the 31st of a short month becomes its last day). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const shiftDays = (iso: string, days: number) => isoOf(dayNumber(iso) + days);
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** What a review needs of its contract. */
export interface ReviewedContract {
  landPriceFen: number;
  latePenaltyPpm: number;
  agreedStartOn: string;
  agreedCompletionOn: string;
  governmentCauseDays: number;
  startedOn: string | null;
  completedOn: string | null;
  investment: number;
  plotRatio: number;
  taxPerMu: number;
  energyPerOutput: number | null;
  emission: number | null;
  rdShare: number | null;
}

const stored = (l: Line): StoredLine => ({ label: l.label, formula: l.formula, fen: Number(l.fen) });
/** 万元 → fen. */
const wanToFen = (wan: number) => BigInt(Math.round(wan * 1_000_000));

/**
 * 竣工验收: late start and late completion (land price × rate per day × days, government-caused days excluded) and
 * the plot-ratio shortfall. 达产复核: the investment shortfall, and tax per mu, energy, emission and R&D share checked
 * against the commitments. Every money figure is a line with its formula (DOMAIN.md §7, GF-2008-2601).
 */
export function computeReview(
  c: ReviewedContract,
  r: ReviewInput,
): { lines: StoredLine[]; checks: StoredCheck[]; totalFen: number; passed: boolean } {
  const price = BigInt(c.landPriceFen);
  const ppm = BigInt(c.latePenaltyPpm);
  const lines: StoredLine[] = [];
  const checks: StoredCheck[] = [];
  if (r.kind === 'completion') {
    const started = r.startedOn ?? c.startedOn;
    const completed = r.completedOn ?? c.completedOn;
    const dueStart = shiftDays(c.agreedStartOn, c.governmentCauseDays);
    const dueCompletion = shiftDays(c.agreedCompletionOn, c.governmentCauseDays);
    const lateStart = started ? Math.max(0, daysBetween(dueStart, started)) : 0;
    const lateCompletion = completed ? Math.max(0, daysBetween(dueCompletion, completed)) : 0;
    lines.push({ ...stored(latePenalty(price, ppm, lateStart)), label: 'late_start' });
    lines.push({ ...stored(latePenalty(price, ppm, lateCompletion)), label: 'late_completion' });
    checks.push({ indicator: 'late_start_days', agreed: 0, actual: lateStart, met: lateStart === 0 });
    checks.push({ indicator: 'late_completion_days', agreed: 0, actual: lateCompletion, met: lateCompletion === 0 });
    if (r.actualPlotRatio !== null) {
      const min = BigInt(Math.round(c.plotRatio * 1000));
      const act = BigInt(Math.round(r.actualPlotRatio * 1000));
      lines.push(stored(plotRatioPenalty(price, min, act)));
      checks.push({
        indicator: 'plot_ratio',
        agreed: c.plotRatio,
        actual: r.actualPlotRatio,
        met: r.actualPlotRatio >= c.plotRatio,
      });
    }
  } else {
    if (r.actualInvestment !== null) {
      lines.push(stored(investmentShortfallPenalty(price, wanToFen(c.investment), wanToFen(r.actualInvestment))));
      checks.push({
        indicator: 'investment',
        agreed: c.investment,
        actual: r.actualInvestment,
        met: r.actualInvestment >= c.investment,
      });
    }
    const atLeast = (indicator: string, agreed: number | null, actual: number | null) => {
      if (agreed !== null && actual !== null) checks.push({ indicator, agreed, actual, met: actual >= agreed });
    };
    const atMost = (indicator: string, agreed: number | null, actual: number | null) => {
      if (agreed !== null && actual !== null) checks.push({ indicator, agreed, actual, met: actual <= agreed });
    };
    atLeast('tax_per_mu', c.taxPerMu, r.actualTaxPerMu);
    atMost('energy_per_output', c.energyPerOutput, r.actualEnergyPerOutput);
    atMost('emission', c.emission, r.actualEmission);
    atLeast('rd_share', c.rdShare, r.actualRdShare);
  }
  const totalFen = lines.reduce((s, l) => s + l.fen, 0);
  return { lines, checks, totalFen, passed: checks.every((x) => x.met) };
}
