import { and, eq } from 'drizzle-orm';
import { departments } from '../domains/org/org.tables';
import { subParks } from '../domains/tenancy/tenancy.tables';
import type { Executor } from './db';

/** Whether a department id belongs to the zone (a form may only reference its own zone's records). */
export async function departmentInZone(ex: Executor, zoneId: string, id: string): Promise<boolean> {
  const [d] = await ex
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.zoneId, zoneId), eq(departments.id, id)));
  return Boolean(d);
}

/** Whether a sub-park id belongs to the zone. */
export async function subParkInZone(ex: Executor, zoneId: string, id: string): Promise<boolean> {
  const [p] = await ex
    .select({ id: subParks.id })
    .from(subParks)
    .where(and(eq(subParks.zoneId, zoneId), eq(subParks.id, id)));
  return Boolean(p);
}
