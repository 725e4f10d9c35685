/**
 * Dates as they are in China (Asia/Shanghai), whatever the time zone of the server or browser. China has kept UTC+8
 * without daylight saving since 1991, so its calendar date is the UTC date 8 hours later: no Intl.DateTimeFormat per
 * call (building one costs more than a whole cached list query; the cockpit asked for several per request).
 */
const OFFSET_MS = 8 * 3_600_000;

/** Today's date in China, YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Year and month (1–12) in China. */
export function monthInChina(now: Date = new Date()): { year: number; month: number } {
  const d = new Date(now.getTime() + OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}
