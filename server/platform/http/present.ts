/** JSON-ready copy of a row: Dates become ISO strings (timestamps) and stay as-is otherwise. */
export type Presented<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

/**
 * The row with its Dates as ISO strings. A row without a Date (most list rows, whose repositories already present
 * their timestamps) is returned as it is: copying every row of every page was a measurable share of a list request.
 */
export function present<T extends Record<string, unknown>>(row: T): Presented<T> {
  for (const k in row) {
    if (row[k] instanceof Date) return copyPresented(row);
  }
  return row as Presented<T>;
}

function copyPresented<T extends Record<string, unknown>>(row: T): Presented<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = v instanceof Date ? v.toISOString() : v;
  return out as Presented<T>;
}
