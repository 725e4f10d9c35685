import { and, arrayContains, eq, gte, inArray, isNotNull, like, lte, not, or, type SQL, sql } from 'drizzle-orm';
import type { PolicyCondition, PolicyRules } from '../../../shared/policies';
import { enterprises } from '../enterprises/enterprises.tables';

/** 'YYYY-MM-DD' minus whole years (29 Feb → 28 Feb in a common year). */
export function yearsBefore(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) - years;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

function condition(c: PolicyCondition, on: string): SQL {
  switch (c.field) {
    case 'scale':
      return eq(enterprises.scale, c.value);
    case 'tag':
      return c.op === 'has'
        ? arrayContains(enterprises.tags, [c.value])
        : not(arrayContains(enterprises.tags, [c.value]));
    case 'industry':
      return or(
        ...c.value.map((v) =>
          /^[A-T]$/.test(v) ? eq(enterprises.industrySection, v) : like(enterprises.industryCode, `${v}%`),
        ),
      ) as SQL;
    case 'subPark':
      return inArray(enterprises.subParkId, c.value);
    case 'landMu':
      return and(
        isNotNull(enterprises.landMu),
        c.op === 'gte' ? gte(enterprises.landMu, c.value) : lte(enterprises.landMu, c.value),
      ) as SQL;
    case 'establishedYears':
      // Established at least N years ago ⇔ established_on ≤ on − N years; at most N ⇔ established_on > on − (N+1) years.
      return and(
        isNotNull(enterprises.establishedOn),
        c.op === 'gte'
          ? lte(enterprises.establishedOn, yearsBefore(on, c.value))
          : sql`${enterprises.establishedOn} > ${yearsBefore(on, c.value + 1)}`,
      ) as SQL;
  }
}

/** WHERE clause of the enterprises of a zone eligible under `rules` on date `on` (operating ones only). */
export function eligibleWhere(zoneId: string, rules: PolicyRules, on: string): SQL {
  return and(
    eq(enterprises.zoneId, zoneId),
    eq(enterprises.status, 'operating'),
    ...rules.all.map((c) => condition(c, on)),
  ) as SQL;
}
