import { type AnyColumn, asc, desc, type SQL } from 'drizzle-orm';
import type { PageQuery } from '../../../shared/common';

export function offsetOf(q: Pick<PageQuery, 'current' | 'pageSize'>): number {
  return (q.current - 1) * q.pageSize;
}

/**
 * ORDER BY from the table's sort parameters. Only columns listed in `sortable` can be sorted on (others fall back
 * to the default), so a client cannot sort on an arbitrary expression. `tieBreaker` keeps pages stable.
 */
export function orderBy(
  q: Pick<PageQuery, 'sortField' | 'sortOrder'>,
  sortable: Record<string, AnyColumn | SQL>,
  fallback: SQL,
  tieBreaker: AnyColumn,
): SQL[] {
  const col = q.sortField ? sortable[q.sortField] : undefined;
  if (!col) return [fallback, asc(tieBreaker)];
  return [q.sortOrder === 'descend' ? desc(col) : asc(col), asc(tieBreaker)];
}

/** Escape LIKE wildcards in user search text. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
