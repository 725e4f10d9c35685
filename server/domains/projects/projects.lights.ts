import type { Light, LightParams, LightReason } from '../../../shared/projects';
import { percent } from '../../../shared/projects';

/** 'YYYY-MM-DD' + n calendar months (day clamped to the month's end: 2026-01-31 + 1 → 2026-02-28). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface LightInput {
  plannedStart: string;
  actualStart: string | null;
  actualCompletion: string | null;
  statsRegisteredOn: string | null;
  /** Planned investment of asOf's year. */
  yearPlannedFen: number;
  /** Completed investment of asOf's year in the months before asOf's month (the reported months). */
  completedFen: number;
  /** The stored light before this evaluation. */
  previous: { light: Light; reasons: LightReason[]; since: string | null } | null;
}

export interface LightResult {
  light: Light;
  reasons: LightReason[];
  since: string;
}

/**
 * The traffic light of a key project as of a day (DOMAIN.md §5, parameters per zone):
 * 1. yellow when completion lags the time schedule by ≥ yellowLagPoints percentage points;
 * 2. red when it lags by more than redLagPoints;
 * 3. red when not started notStartedMonths after the planned start;
 * 4. red when started notInStatsMonths ago and still not in the statistics register (入统);
 * 5. a red project that catches up turns yellow (not green) and stays yellow for the rest of that month; the
 *    next month's evaluation may turn it green.
 * The time schedule (时序进度) runs over the reported months of the year — the months before asOf's month —
 * counted from the start month when the project started during the year. Completed projects are green.
 */
export function computeLight(input: LightInput, params: LightParams, asOf: string): LightResult {
  const reasons: LightReason[] = [];
  if (!input.actualCompletion || input.actualCompletion > asOf) {
    const started = input.actualStart !== null && input.actualStart <= asOf;
    if (!started && asOf >= addMonths(input.plannedStart, params.notStartedMonths)) {
      reasons.push({ code: 'NOT_STARTED', plannedStart: input.plannedStart, months: params.notStartedMonths });
    }
    if (started) {
      const start = input.actualStart as string;
      const registered = input.statsRegisteredOn !== null && input.statsRegisteredOn <= asOf;
      if (!registered && asOf >= addMonths(start, params.notInStatsMonths)) {
        reasons.push({ code: 'NOT_IN_STATS', actualStart: start, months: params.notInStatsMonths });
      }
      const lag = lagOf(input, start, asOf);
      if (lag && lag.lagBp >= params.yellowLagPoints * 100) {
        reasons.push({
          code: 'LAG',
          lag: bpText(lag.lagBp),
          schedule: bpText(lag.scheduleBp),
          completion: bpText(lag.completionBp),
          light: lag.lagBp > params.redLagPoints * 100 ? 'red' : 'yellow',
        });
      }
    }
  }
  const red = reasons.some((r) => r.code !== 'LAG' || r.light === 'red');
  let light: Light = red ? 'red' : reasons.length > 0 ? 'yellow' : 'green';
  const prev = input.previous;
  if (light === 'green' && prev) {
    const caughtUp = prev.reasons.find((r) => r.code === 'CAUGHT_UP');
    if (prev.light === 'red') {
      light = 'yellow';
      reasons.push({ code: 'CAUGHT_UP', since: asOf });
    } else if (prev.light === 'yellow' && caughtUp && caughtUp.since.slice(0, 7) === asOf.slice(0, 7)) {
      light = 'yellow';
      reasons.push(caughtUp);
    }
  }
  const since = prev && prev.light === light && prev.since ? prev.since : asOf;
  return { light, reasons, since };
}

function lagOf(input: LightInput, start: string, asOf: string) {
  if (input.yearPlannedFen <= 0) return null;
  const year = Number(asOf.slice(0, 4));
  const reported = Number(asOf.slice(5, 7)) - 1; // whole months reported so far this year
  const startYear = Number(start.slice(0, 4));
  const before = startYear === year ? Number(start.slice(5, 7)) - 1 : startYear > year ? 12 : 0;
  const elapsed = reported - before;
  const span = 12 - before;
  if (elapsed <= 0 || span <= 0) return null;
  const scheduleBp = bp(elapsed, span);
  const completionBp = bp(input.completedFen, input.yearPlannedFen);
  return { scheduleBp, completionBp, lagBp: scheduleBp - completionBp };
}

/** part/whole in 1/100 of a percent, rounded half up, in integers. */
function bp(part: number, whole: number): number {
  return Number(percent(part, whole).replace('.', ''));
}

function bpText(v: number): string {
  const sign = v < 0 ? '-' : '';
  const s = String(Math.abs(v)).padStart(3, '0');
  return `${sign}${s.slice(0, -2)}.${s.slice(-2)}`;
}
