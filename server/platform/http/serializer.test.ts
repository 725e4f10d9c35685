import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext, type TestContext } from '../../test/harness';
import { compileFast, createSerializerCompiler, fastFallbacks, fastSchemaOf, firstDifference } from './serializer';

const row = z.object({
  id: z.uuid(),
  name: z.string(),
  note: z.string().nullable(),
  amountFen: z.number().int(),
  share: z.number().nullable(),
  tags: z.array(z.enum(['高新技术企业', '专精特新'])),
  contacts: z.array(z.object({ name: z.string(), phone: z.string().optional() })),
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  extra: z.record(z.string(), z.number()),
  kind: z.discriminatedUnion('type', [
    z.object({ type: z.literal('a'), a: z.number() }),
    z.object({ type: z.literal('b'), b: z.string() }),
  ]),
  anything: z.unknown(),
});
const page = z.object({ data: z.array(row), total: z.number().int() });

const sample: Record<string, unknown> = {
  id: '7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b',
  name: '益阳某电子科技有限公司 "引号" \\ 反斜杠 \n 换行',
  note: null,
  amountFen: 18_000_000_000,
  share: 0.25,
  tags: ['专精特新'],
  contacts: [{ name: '张三', phone: '13800000000' }, { name: '李四' }],
  parent: null,
  extra: { 亩均税收: 12.5 },
  kind: { type: 'b', b: 'x' },
  anything: { nested: [1, 'two', null] },
};

function serializers(schema: z.ZodType) {
  const compile = (mode: 'fast' | 'checked') =>
    createSerializerCompiler(mode)({ schema, method: 'GET', url: '/test' }) as (d: unknown) => string;
  return { fast: compile('fast'), checked: compile('checked') };
}

describe('response serializer', () => {
  it('writes the same JSON as zod, fast or checked, for nullable, nested, record, union and unknown fields', () => {
    const { fast, checked } = serializers(page);
    const body = {
      data: [sample, { ...sample, note: '备注', parent: { id: 'p', name: '母公司' }, share: null }],
      total: 2,
    };
    const expected = JSON.parse(JSON.stringify(z.encode(page, body as z.output<typeof page>)));
    expect(JSON.parse(fast(body))).toEqual(expected);
    expect(JSON.parse(checked(body))).toEqual(expected);
  });

  it('never writes a property the schema does not declare (e.g. a password hash a query selected by mistake)', () => {
    const { fast, checked } = serializers(page);
    const leaky = { data: [{ ...sample, passwordHash: '$argon2id$…' }], total: 1, debug: 'x' };
    for (const s of [fast, checked]) {
      const out = s(leaky);
      expect(out).not.toContain('passwordHash');
      expect(out).not.toContain('debug');
    }
  });

  it('refuses a response missing a required field (fast) or of the wrong type (checked)', () => {
    const { fast, checked } = serializers(page);
    const { name: _drop, ...noName } = sample;
    expect(() => fast({ data: [noName], total: 1 })).toThrow(/name/);
    expect(() => checked({ data: [{ ...sample, amountFen: 'many' }], total: 1 })).toThrow(/does not match its schema/);
  });

  it('checked mode refuses a Date where the schema says string, naming the route', () => {
    const schema = z.object({ at: z.string() });
    expect(() => serializers(schema).checked({ at: new Date('2026-12-07T00:00:00Z') })).toThrow(/GET \/test/);
    expect(serializers(schema).fast({ at: '2026-12-07T00:00:00.000Z' })).toBe('{"at":"2026-12-07T00:00:00.000Z"}');
  });

  it('names the first place two JSON documents differ (the mismatch error of checked mode)', () => {
    expect(firstDifference({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe('$.a[1].b: zod "x" vs fast "y"');
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toBe('$.b: only in fast');
    expect(firstDifference({ a: [1] }, { a: [1] })).toBe('');
  });

  it('turns zod nullable primitives into type arrays (no per-value schema matching in the fast path)', () => {
    expect(fastSchemaOf(z.object({ a: z.string().nullable() }))).toMatchObject({
      properties: { a: { type: ['string', 'null'] } },
    });
  });

  it('a response the schema refuses is a 500 with the uniform body, not a half-written reply', async () => {
    const app = Fastify({ logger: false });
    app.setSerializerCompiler(createSerializerCompiler('checked'));
    app.get('/bad', { schema: { response: { 200: z.object({ n: z.number() }) } } }, async () => ({ n: 'x' }));
    const res = await app.inject({ method: 'GET', url: '/bad' });
    expect(res.statusCode).toBe(500);
    await app.close();
  });
});

describe('every response schema of the app', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('compiles for the fast serializer (no route falls back to zod)', () => {
    const schemas = ctx.app.responseSchemas;
    expect(schemas.length).toBeGreaterThan(500);
    const refused = schemas.filter((s) => compileFast(s) === null).map((s) => `${s.route} ${s.status}`);
    expect(refused).toEqual([]);
    expect(fastFallbacks).toEqual([]);
  });
});
