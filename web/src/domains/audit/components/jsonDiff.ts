export type DiffKind = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  path: string;
  before?: string;
  after?: string;
  kind: DiffKind;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Flattens nested JSON into dotted paths ('items.0.name') with JSON-encoded leaf values. */
export function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((v, i) => {
      flatten(v, prefix ? `${prefix}.${i}` : String(i), out);
    });
  } else if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) {
    out.set(prefix || '(value)', JSON.stringify(value));
  }
  return out;
}

/** Field-by-field comparison of an audit event's before and after snapshots. */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const b = before == null ? new Map<string, string>() : flatten(before);
  const a = after == null ? new Map<string, string>() : flatten(after);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  return paths.map((path) => {
    const bv = b.get(path);
    const av = a.get(path);
    let kind: DiffKind = 'same';
    if (bv === undefined) kind = 'added';
    else if (av === undefined) kind = 'removed';
    else if (bv !== av) kind = 'changed';
    return { path, before: bv, after: av, kind };
  });
}
