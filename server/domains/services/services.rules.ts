import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import { DEFAULT_SERVICE_RULES, type ServiceRules, serviceRulesSchema } from '../../../shared/services';
import type { WorkCalendar } from '../../platform/calendar';
import type { Executor } from '../../platform/db';
import { serviceRules } from './services.tables';

/** Today's date in China (Asia/Shanghai), whatever the server's time zone. */
export { todayInChina as shanghaiToday } from '../../../shared/china-time';

/**
 * The zone's rules for a year: that year's row, else the latest earlier year's, else the DOMAIN.md defaults.
 * (Parameters are versioned by year so a new year's limits never move last year's deadlines.)
 */
export async function rulesFor(ex: Executor, zoneId: string, year: number): Promise<ServiceRules> {
  const [row] = await ex
    .select({ rules: serviceRules.rules })
    .from(serviceRules)
    .where(and(eq(serviceRules.zoneId, zoneId), lte(serviceRules.year, year)))
    .orderBy(desc(serviceRules.year))
    .limit(1);
  return row ? serviceRulesSchema.parse(row.rules) : DEFAULT_SERVICE_RULES;
}

/** Every rule row of some zones (for the deadline recomputer, which works across zones). */
export async function rulesOfZones(ex: Executor, zoneIds: string[]) {
  if (zoneIds.length === 0) return () => DEFAULT_SERVICE_RULES;
  const list = await ex
    .select({ zoneId: serviceRules.zoneId, year: serviceRules.year, rules: serviceRules.rules })
    .from(serviceRules)
    .where(inArray(serviceRules.zoneId, zoneIds))
    .orderBy(desc(serviceRules.year));
  return (zoneId: string, year: number): ServiceRules => {
    const row = list.find((r) => r.zoneId === zoneId && r.year <= year);
    return row ? serviceRulesSchema.parse(row.rules) : DEFAULT_SERVICE_RULES;
  };
}

export interface DemandDeadlines {
  signDue: string;
  replyDue: string;
  resolveDue: string;
  deadlineProvisional: boolean;
}

/**
 * The three limits of a handling cycle, in working days after its start (the start day never counts):
 * sign within signDays, reply within replyDays, resolve within resolveDays (complexDays once marked complex).
 */
export function demandDeadlines(
  calendar: WorkCalendar,
  start: string,
  rules: ServiceRules,
  complex: boolean,
): DemandDeadlines {
  const sign = calendar.addWorkdays(start, rules.signDays);
  const reply = calendar.addWorkdays(start, rules.replyDays);
  const resolve = calendar.addWorkdays(start, complex ? rules.complexDays : rules.resolveDays);
  return {
    signDue: sign.date,
    replyDue: reply.date,
    resolveDue: resolve.date,
    deadlineProvisional: sign.provisional || reply.provisional || resolve.provisional,
  };
}
