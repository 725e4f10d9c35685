/** JSON-ready copy of a row: Dates become ISO strings (timestamps) and stay as-is otherwise. */
export type Presented<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

export function present<T extends Record<string, unknown>>(row: T): Presented<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = v instanceof Date ? v.toISOString() : v;
  return out as Presented<T>;
}
