import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { $ZodType } from 'zod/v4/core';

/**
 * Response serialisation, compiled once per route and status from the route's zod response schema.
 *
 *   fast     — fast-json-stringify built from the schema's JSON Schema (what Fastify does for JSON-Schema routes):
 *              writes only the declared properties, so a field a repository adds by mistake never reaches a client,
 *              and fails on a missing required one. It does not check types the way zod does.
 *   checked  — zod checks (encodes) every response and its JSON is sent; the fast serializer's output for the same
 *              data is compared with it and any difference is an error naming the route. Tests and development run
 *              this way, so the whole test suite is a differential test of what production sends.
 *
 * On a list page zod's encode + JSON.stringify cost about as much as the rest of the handler's own work; fast is the
 * production default (RESPONSE_SERIALIZER). A schema the fast compiler cannot take falls back to zod for that route.
 */
export type SerializerMode = 'fast' | 'checked';

export class ResponseMismatchError extends Error {
  constructor(method: string, url: string, detail: string) {
    super(`fast serializer differs from zod on ${method} ${url}: ${detail}`);
  }
}

export class ResponseValidationError extends Error {
  constructor(method: string, url: string, cause: unknown) {
    super(`response of ${method} ${url} does not match its schema`, { cause });
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonSchema = { [k: string]: unknown };

function resolveSchema(maybe: unknown): z.ZodType {
  if (maybe instanceof $ZodType) return maybe as unknown as z.ZodType;
  const props = (maybe as { properties?: unknown } | null)?.properties;
  if (props instanceof $ZodType) return props as unknown as z.ZodType;
  throw new Error(`response schema is not a zod schema: ${JSON.stringify(maybe)}`);
}

const PRIMITIVE = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array']);

/**
 * JSON Schema for fast-json-stringify: `anyOf [X, null]` (zod's nullable) becomes `type: [X, 'null']`, which the
 * compiler handles inline instead of validating each value with ajv to pick a branch.
 */
export function fastSchemaOf(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'any',
    cycles: 'ref',
    reused: 'inline',
  }) as JsonSchema;
  delete json.$schema;
  return normalise(json) as JsonSchema;
}

function normalise(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalise);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) out[k] = normalise(v);
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullIdx = anyOf.findIndex((s) => s.type === 'null' && Object.keys(s).length === 1);
    const other = anyOf[1 - nullIdx];
    if (nullIdx >= 0 && other && typeof other.type === 'string' && PRIMITIVE.has(other.type) && !other.anyOf) {
      const { anyOf: _drop, ...rest } = out;
      return { ...rest, ...other, type: [other.type, 'null'] };
    }
  }
  return out;
}

/** The first place where two JSON values differ, as a path (for the mismatch error). */
export function firstDifference(a: Json, b: Json, path = '$'): string {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i]!, b[i]!, `${path}[${i}]`);
      if (d) return d;
    }
    return '';
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(k in a) || !(k in b)) return `${path}.${k}: only in ${k in a ? 'zod' : 'fast'}`;
      const d = firstDifference(a[k]!, b[k]!, `${path}.${k}`);
      if (d) return d;
    }
    return '';
  }
  return isDeepStrictEqual(a, b) ? '' : `${path}: zod ${JSON.stringify(a)} vs fast ${JSON.stringify(b)}`;
}

/** Routes whose schema the fast compiler refused (served by zod instead); the serializer test keeps this empty. */
export const fastFallbacks: string[] = [];

/** One compiled serializer per schema object (the error body schema is shared by hundreds of routes). */
const compiledFast = new WeakMap<object, ((data: unknown) => string) | null>();

function fastSerializerOf(schema: z.ZodType, route: string): ((data: unknown) => string) | null {
  let fast = compiledFast.get(schema);
  if (fast === undefined) {
    try {
      fast = fastJson(fastSchemaOf(schema) as unknown as Parameters<typeof fastJson>[0], { rounding: 'trunc' });
    } catch (err) {
      fastFallbacks.push(`${route}: ${(err as Error).message}`);
      fast = null;
    }
    compiledFast.set(schema, fast);
  }
  return fast;
}

/**
 * Fastify's serializer compiler. Schemas compile on a route's first response (about 2 ms for a list page, times
 * several hundred routes and their error bodies: too much to pay at every start of the app and of every test file).
 */
export function createSerializerCompiler(mode: SerializerMode) {
  return ({ schema: maybe, method, url }: { schema: unknown; method: string; url: string }) => {
    const schema = resolveSchema(maybe);
    const route = `${method} ${url}`;
    const zodJson = (data: unknown): string => {
      const result = z.safeEncode(schema, data);
      if (!result.success) throw new ResponseValidationError(method, url, result.error);
      return JSON.stringify(result.data);
    };
    let serialize: ((data: unknown) => string) | undefined;
    return (data: unknown): string => {
      if (!serialize) {
        const fast = fastSerializerOf(schema, route);
        if (!fast) serialize = zodJson;
        else if (mode === 'fast') serialize = fast;
        else
          serialize = (value) => {
            const checked = zodJson(value);
            const sent = fast(value);
            if (sent !== checked) {
              const diff = firstDifference(JSON.parse(checked), JSON.parse(sent));
              if (diff) throw new ResponseMismatchError(method, url, diff);
            }
            return checked;
          };
      }
      return serialize(data);
    };
  };
}

/** One declared response of a route (for the test that compiles every one of them). */
export interface ResponseSchema {
  route: string;
  status: string;
  schema: z.ZodType;
}

/** Sets the app's serializer compiler and records every route's response schemas in `app.responseSchemas`. */
export function registerSerializer(app: FastifyInstance, mode: SerializerMode): void {
  app.setSerializerCompiler(createSerializerCompiler(mode));
  const schemas: ResponseSchema[] = [];
  app.decorate('responseSchemas', schemas);
  app.addHook('onRoute', (route) => {
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (!response) return;
    for (const [status, schema] of Object.entries(response)) {
      schemas.push({ route: `${route.method} ${route.url}`, status, schema: resolveSchema(schema) });
    }
  });
}

/** The fast serializer of a schema, compiled now (null if the compiler refuses it). */
export function compileFast(entry: ResponseSchema): ((data: unknown) => string) | null {
  return fastSerializerOf(entry.schema, entry.route);
}

declare module 'fastify' {
  interface FastifyInstance {
    responseSchemas: ResponseSchema[];
  }
}
