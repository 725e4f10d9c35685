import { count, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db';
import { calendarDays, calendarYears } from './calendar.tables';
import { daysOf, HOLIDAY_SEED } from './holidays.data';

/** Serialises writers of the calendar (seeding and publishing), across app servers. */
export async function lockCalendar(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('zoneos:calendar'))`);
}

/**
 * Loads the State Council arrangements 2004–2026 (holidays.data.ts) when the calendar is empty. Runs at boot
 * after the migrations; idempotent and safe when several servers start at once (advisory lock, then the
 * emptiness check in the same transaction). A calendar that already has any version is left alone: from then
 * on, years are added by publishing versions.
 */
export async function seedCalendar(db: Db): Promise<{ seeded: boolean; versions: number; days: number }> {
  return db.transaction(async (tx) => {
    await lockCalendar(tx);
    const [existing] = await tx.select({ n: count() }).from(calendarYears);
    if ((existing?.n ?? 0) > 0) return { seeded: false, versions: 0, days: 0 };
    const days = HOLIDAY_SEED.flatMap((v) =>
      daysOf(v).map((d) => ({ year: v.year, version: v.version, date: d.date, kind: d.kind, name: d.name })),
    );
    await tx.insert(calendarYears).values(
      HOLIDAY_SEED.map((v) => ({
        year: v.year,
        version: v.version,
        status: 'published' as const,
        source: v.source,
        note: v.note,
        createdBy: null,
      })),
    );
    await tx.insert(calendarDays).values(days);
    const years = HOLIDAY_SEED.map((v) => v.year);
    await recordAudit(tx, {
      actor: null,
      zoneId: null,
      action: 'seed',
      entity: 'calendar',
      after: {
        years: `${Math.min(...years)}–${Math.max(...years)}`,
        versions: HOLIDAY_SEED.length,
        days: days.length,
      },
    });
    return { seeded: true, versions: HOLIDAY_SEED.length, days: days.length };
  });
}
