import { describe, expect, it } from 'vitest';
import { binder, bindWith, cachedStatement } from './statements';

describe('statement shapes', () => {
  it('names the bound values in order; a branch without a value is marked; a name bound twice is a bug', () => {
    const b = binder();
    b.v('zoneId', 'z1');
    b.mark('open');
    b.v('scale', 'above');
    expect(b.shape()).toBe('zoneId,open,scale');
    expect(b.values).toEqual({ zoneId: 'z1', open: true, scale: 'above' });
    expect(() => b.v('zoneId', 'z2')).toThrow(/bound twice/);
    expect(bindWith(undefined)('x', 5)).toBe(5);
  });

  it('builds a statement once per executor and key', async () => {
    const a = {};
    const other = {};
    let built = 0;
    const build = () => {
      built++;
      return { execute: async (v?: Record<string, unknown>) => v };
    };
    const s1 = cachedStatement(a, 'k', build);
    expect(cachedStatement(a, 'k', build)).toBe(s1);
    cachedStatement(a, 'k2', build);
    cachedStatement(other, 'k', build);
    expect(built).toBe(3);
    expect(await s1.execute({ n: 1 })).toEqual({ n: 1 });
  });
});
