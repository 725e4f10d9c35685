import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { Random } from '../../seed/random';
import { makeTenant, type Tenant } from '../../test/factories';
import { type Client, createTestContext, type TestContext } from '../../test/harness';
import { auditEvents } from '../audit.tables';

/**
 * Property-based fuzzing of every operation in the OpenAPI document (later domains are covered automatically):
 * for each operation, generated path parameters, query strings and JSON bodies — some shaped by the operation's own
 * schema, some broken on purpose (wrong types, missing fields, huge or hostile strings, nulls, extra keys) — are sent
 * as a zone leader and as the platform admin. Properties: never a 5xx, every error is the uniform {code, message}
 * body, and a refused request (4xx) writes nothing (the zone's audit chain, written in the same transaction as every
 * change, does not grow). Deterministic: the PRNG seed is fixed (FUZZ_SEED overrides it), FUZZ_CASES sets the depth.
 */
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  default?: unknown;
  additionalProperties?: boolean | Schema;
};
interface Operation {
  method: string;
  path: string;
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const CASES = Number(process.env.FUZZ_CASES ?? 6);
// Ending the fuzzer's own session would only turn the rest into 401s; those routes are covered by auth tests.
const SKIP = new Set([
  'POST /api/auth/logout',
  'POST /api/auth/logout-all',
  'POST /api/auth/password',
  'POST /api/auth/login',
]);
const HOSTILE = [
  '',
  ' ',
  "'; drop table enterprises; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '𠮷'.repeat(40),
  'a'.repeat(5000),
  '-1',
  '1e309',
  'NaN',
  'null',
  '{}',
  '2026-02-30',
  '9999-99-99',
  '00000000-0000-0000-0000-000000000000',
];

function typesOf(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type;
  return s.type ? [s.type] : [];
}

/** A value that satisfies the schema as far as a generator can (formats, enums, bounds); refinements may still fail. */
function valid(r: Random, s: Schema | undefined, depth = 0): unknown {
  if (!s || depth > 5) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum) return r.pick(s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return valid(r, r.pick(alts), depth + 1);
  if (s.allOf?.length) return valid(r, s.allOf[0], depth + 1);
  const type = r.pick(
    typesOf(s)
      .filter((t) => t !== 'null')
      .concat(typesOf(s).length ? [] : ['string']),
  );
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(k) || r.next() < 0.6) out[k] = valid(r, p, depth + 1);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: r.int(0, 3) }, () => valid(r, s.items, depth + 1));
    case 'integer': {
      const lo = s.minimum ?? 0;
      const hi = s.maximum ?? lo + 1000;
      return r.int(Math.ceil(lo), Math.floor(Math.min(hi, lo + 1e6)));
    }
    case 'number':
      return Math.round((s.minimum ?? 0) + r.next() * 1000) / 100;
    case 'boolean':
      return r.next() < 0.5;
    default: {
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date') return `20${r.int(10, 30)}-0${r.int(1, 9)}-1${r.int(0, 9)}`;
      if (s.format === 'date-time') return new Date(Date.UTC(2026, r.int(0, 11), r.int(1, 28))).toISOString();
      if (s.format === 'email') return `u${r.int(1, 999)}@example.cn`;
      const len = Math.max(s.minLength ?? 1, Math.min(s.maxLength ?? 12, 12));
      return '测试abcdefghijklmnop'.slice(0, len).padEnd(len, 'x');
    }
  }
}

/** A value that is probably wrong for the schema: another type, out of bounds, hostile text, null. */
function invalid(r: Random, s: Schema | undefined, depth = 0): unknown {
  const pick = r.int(0, 9);
  if (pick === 0) return null;
  if (pick === 1) return r.pick(HOSTILE);
  if (pick === 2) return r.int(-1e9, 1e9);
  if (pick === 3) return [r.pick(HOSTILE)];
  if (pick === 4) return { [r.pick(HOSTILE) || 'k']: r.pick(HOSTILE) };
  if (pick === 5) return r.next() < 0.5;
  if (pick === 6) return -1e308;
  if (pick === 7 && s?.properties && depth < 3) {
    // The right shape with one field broken.
    const base = valid(r, s, depth) as Record<string, unknown>;
    const keys = Object.keys(s.properties);
    const k = r.pick(keys);
    if (k) base[k] = invalid(r, s.properties[k], depth + 1);
    if (r.next() < 0.3 && s.required?.length) delete base[r.pick(s.required)];
    return base;
  }
  return 'x'.repeat(r.int(0, 3) * 100_000);
}

function queryString(r: Random, params: NonNullable<Operation['parameters']>, broken: boolean): string {
  const parts: string[] = [];
  for (const p of params.filter((x) => x.in === 'query')) {
    if (!p.required && r.next() < 0.4) continue;
    const v = broken && r.next() < 0.5 ? invalid(r, p.schema) : valid(r, p.schema);
    const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
    parts.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(text.slice(0, 3000))}`);
  }
  if (broken && r.next() < 0.3) parts.push(`${encodeURIComponent(r.pick(HOSTILE).slice(0, 50))}=1`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function pathOf(r: Random, op: Operation, broken: boolean): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const p = op.parameters?.find((x) => x.in === 'path' && x.name === name);
    const v = broken && r.next() < 0.5 ? r.pick(HOSTILE).slice(0, 200) || 'x' : valid(r, p?.schema);
    return encodeURIComponent(String(v));
  });
}

let ctx: TestContext;
let tenant: Tenant;
let operations: Operation[];

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  const doc = ctx.app.swagger() as { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> };
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ ...op, method: method.toUpperCase(), path }))
      .filter((op) => !SKIP.has(`${op.method} ${op.path.replace(/\{([^}]+)\}/g, ':$1')}`)),
  );
});
afterAll(() => ctx.close());

async function auditCount(): Promise<number> {
  const [row] = await ctx.app.ctx.database.db.select({ n: count() }).from(auditEvents);
  return row?.n ?? 0;
}

describe('fuzzing every OpenAPI operation', () => {
  it('finds the operations of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it.each<Role>(['zone_leader', 'admin', 'enterprise'])(
    'as %s: no 5xx, uniform error bodies, and refused requests write nothing',
    async (role) => {
      const r = new Random(SEED + role.length);
      const client: Client = await tenant.as(role);
      const problems: string[] = [];
      const statuses = new Map<number, number>();
      for (const op of operations) {
        for (let i = 0; i < CASES; i++) {
          const broken = i % 2 === 1;
          const url = pathOf(r, op, broken) + queryString(r, op.parameters ?? [], broken);
          const bodySchema = op.requestBody?.content?.['application/json']?.schema;
          const hasBody = !['GET', 'DELETE'].includes(op.method);
          const payload = hasBody ? (broken ? invalid(r, bodySchema) : valid(r, bodySchema)) : undefined;
          const before = await auditCount();
          const res = await client.request({
            method: op.method as 'GET',
            url,
            ...(hasBody
              ? {
                  payload: payload === undefined ? undefined : JSON.stringify(payload),
                  headers: { 'content-type': 'application/json' },
                }
              : {}),
          });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const label = `${op.method} ${url.slice(0, 120)} (${broken ? 'broken' : 'shaped'})`;
          if (res.statusCode >= 500) problems.push(`${label} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (res.statusCode >= 400) {
            const type = String(res.headers['content-type'] ?? '');
            const body = type.includes('json') ? res.json() : undefined;
            if (!body || typeof body.code !== 'string' || typeof body.message !== 'string') {
              problems.push(`${label} → ${res.statusCode} without a {code, message} body: ${res.body.slice(0, 120)}`);
            }
            if ((await auditCount()) !== before)
              problems.push(`${label} → ${res.statusCode} but something was written`);
          }
        }
      }
      // The generator must reach past validation too, or the fuzzing proves little.
      const ok = [...statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
      expect(ok).toBeGreaterThan(operations.length / 3);
      if (process.env.FUZZ_DEBUG) console.log(role, operations.length, Object.fromEntries(statuses));
      expect(problems).toEqual([]);
    },
    600_000,
  );
});
