import { dayNumber, isoOf } from '../../platform/calendar';

/**
 * Standard-land contract and idle-land rules of DOMAIN.md §7 (GF-2008-2601 model contract, 国土资源部令第53号), pure:
 * money in fen (bigint), rates in parts per million so 1‰ is exact, dates as ISO days in China time.
 * Every figure comes with its explanation line so a penalty can be shown line by line.
 */

export interface Line {
  label: string;
  formula: string;
  fen: bigint;
}

/** Rounds a/b half up (non-negative a, positive b). */
const divRound = (a: bigint, b: bigint) => (a * 2n + b) / (2n * b);
const yuan = (fen: bigint) => `${(fen / 100n).toLocaleString('en-US')}.${String(fen % 100n).padStart(2, '0')}`;

/** Late start or completion: land price × rate per day × days late (default 1‰). */
export function latePenalty(landPriceFen: bigint, ratePpm: bigint, daysLate: number): Line {
  const days = BigInt(Math.max(0, daysLate));
  const fen = divRound(landPriceFen * ratePpm * days, 1_000_000n);
  return {
    label: 'late',
    formula: `${yuan(landPriceFen)} × ${Number(ratePpm) / 1000}‰ × ${days} = ${yuan(fen)}`,
    fen,
  };
}

/** Investment shortfall: land price × (agreed − actual) / agreed (nothing when the commitment is met). */
export function investmentShortfallPenalty(landPriceFen: bigint, agreedFen: bigint, actualFen: bigint): Line {
  const gap = agreedFen > actualFen ? agreedFen - actualFen : 0n;
  const fen = agreedFen > 0n ? divRound(landPriceFen * gap, agreedFen) : 0n;
  return {
    label: 'investment',
    formula: `${yuan(landPriceFen)} × (${yuan(agreedFen)} − ${yuan(actualFen)}) / ${yuan(agreedFen)} = ${yuan(fen)}`,
    fen,
  };
}

/** Plot-ratio shortfall: land price × (minimum − actual) / minimum; ratios in thousandths (1.2 → 1200). */
export function plotRatioPenalty(landPriceFen: bigint, minimumMilli: bigint, actualMilli: bigint): Line {
  const gap = minimumMilli > actualMilli ? minimumMilli - actualMilli : 0n;
  const fen = minimumMilli > 0n ? divRound(landPriceFen * gap, minimumMilli) : 0n;
  return {
    label: 'plot_ratio',
    formula: `${yuan(landPriceFen)} × (${Number(minimumMilli) / 1000} − ${Number(actualMilli) / 1000}) / ${Number(minimumMilli) / 1000} = ${yuan(fen)}`,
    fen,
  };
}

/** Build periods (defaults): ≤ 50 mu or ≤ 1亿 → 1 + 0.5 years; ≤ 200 mu or ≤ 5亿 → 1.5 + 1; larger → 2 + 1. */
export function buildPeriod(areaMu: number, investmentFen: bigint): { buildMonths: number; productionMonths: number } {
  const yi = 10_000_000_000n; // 1亿元 in fen
  if (areaMu <= 50 || investmentFen <= yi) return { buildMonths: 12, productionMonths: 6 };
  if (areaMu <= 200 || investmentFen <= 5n * yi) return { buildMonths: 18, productionMonths: 12 };
  return { buildMonths: 24, productionMonths: 12 };
}

const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

export interface IdleCase {
  agreedStartOn: string;
  startedOn: string | null;
  /** Developed share of the area and invested share of the total investment (0–1), for a started parcel. */
  developedShare: number;
  investedShare: number;
  /** Construction suspended since (started parcels). */
  suspendedSince: string | null;
  /** Days of delay caused by the government (land not delivered, planning change, policy, relics…). */
  governmentCauseDays: number;
  landPriceFen: bigint;
}

export interface IdleVerdict {
  idle: boolean;
  reason: 'not_started' | 'suspended' | null;
  /** The day from which idleness is counted (agreed start or suspension, shifted by the government-cause extension). */
  from: string | null;
  idleSince: string | null;
  proposal: 'none' | 'idle_fee' | 'reclaim';
  feeFen: bigint;
  /** Extension granted for a government cause (≤ 1 year). */
  extensionDays: number;
}

/**
 * 53号令: idle when not started one year after the agreed start, or started but developed < 1/3 or invested < 25 %
 * and suspended for one year. Idle ≥ 1 year → idle fee 20 % of the land price; ≥ 2 years → reclaim without
 * compensation. A government-caused delay is not the holder's: it extends the dates (≤ 1 year).
 */
export function idleVerdict(c: IdleCase, asOf: string, feePpm = 200_000n): IdleVerdict {
  const extensionDays = Math.min(Math.max(0, c.governmentCauseDays), 365);
  const shift = (iso: string) => isoOf(dayNumber(iso) + extensionDays);
  let from: string | null = null;
  let reason: IdleVerdict['reason'] = null;
  if (!c.startedOn) {
    from = shift(c.agreedStartOn);
    reason = 'not_started';
  } else if (c.suspendedSince && (c.developedShare < 1 / 3 || c.investedShare < 0.25)) {
    from = shift(c.suspendedSince);
    reason = 'suspended';
  }
  const none: IdleVerdict = {
    idle: false,
    reason: null,
    from,
    idleSince: null,
    proposal: 'none',
    feeFen: 0n,
    extensionDays,
  };
  if (!from) return none;
  const oneYear = addYears(from, 1);
  if (asOf < oneYear) return { ...none, reason };
  const reclaim = asOf >= addYears(from, 2);
  return {
    idle: true,
    reason,
    from,
    idleSince: oneYear,
    proposal: reclaim ? 'reclaim' : 'idle_fee',
    feeFen: reclaim ? 0n : divRound(c.landPriceFen * feePpm, 1_000_000n),
    extensionDays,
  };
}
