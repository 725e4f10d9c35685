// Relative imports: the vitest config has no @shared alias (type-only imports elsewhere are erased).

import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { newPasswordSchema } from '../../../shared/auth';
import { departmentInputSchema, staffInputSchema } from '../../../shared/org';
import { ApiError } from './api';
import { applyServerErrors, toNamePath } from './forms';
import { isRequired, zodRule } from './validation';

const t = ((key: string, opts?: Record<string, unknown>) =>
  opts && 'defaultValue' in opts && !key.includes('PASSWORD') ? opts.defaultValue : key) as unknown as TFunction;

async function check(schema: Parameters<typeof zodRule>[0], value: unknown): Promise<string | null> {
  const rule = zodRule(schema, t) as { validator: (r: unknown, v: unknown) => Promise<void> };
  try {
    await rule.validator({}, value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('zod field rules', () => {
  const shape = departmentInputSchema.shape;

  it('knows which fields are required', () => {
    expect(isRequired(shape.name)).toBe(true);
    expect(isRequired(shape.nameEn)).toBe(false);
    expect(isRequired(staffInputSchema.shape.postId)).toBe(false);
  });

  it('maps zod issues to localized keys', async () => {
    expect(await check(shape.name, '')).toBe('validation.required');
    expect(await check(shape.name, 'A')).toBe('validation.minLength');
    expect(await check(shape.code, 'a b')).toBe('validation.format');
    expect(await check(shape.coefficient, 20)).toBe('validation.max');
    expect(await check(shape.coefficient, null)).toBeNull();
    expect(await check(shape.name, '招商局')).toBeNull();
    expect(await check(staffInputSchema.shape.phone, '')).toBeNull();
    expect(await check(staffInputSchema.shape.phone, '123')).toBe('validation.format');
    expect(await check(staffInputSchema.shape.hiredOn, null)).toBeNull();
  });

  it('uses the custom password messages', async () => {
    expect(await check(newPasswordSchema, 'abcdefghijk')).toBe('validation.PASSWORD_NEEDS_DIGIT');
    expect(await check(newPasswordSchema, 'abcdefghij1')).toBeNull();
  });
});

describe('server field errors', () => {
  it('turns dotted paths into antd name paths', () => {
    expect(toNamePath('items.0.name')).toEqual(['items', 0, 'name']);
    expect(toNamePath('name')).toEqual(['name']);
  });

  it('puts ApiError.fields under the form inputs', () => {
    const calls: unknown[] = [];
    const form = { setFields: (f: unknown) => calls.push(f) };
    const err = new ApiError(409, { code: 'CONFLICT', message: 'dup', fields: { code: '已存在', 'items.1.x': 'bad' } });
    expect(applyServerErrors(form, err)).toBe(true);
    expect(calls[0]).toEqual([
      { name: ['code'], errors: ['已存在'] },
      { name: ['items', 1, 'x'], errors: ['bad'] },
    ]);
    expect(applyServerErrors(form, new Error('x'))).toBe(false);
  });
});
