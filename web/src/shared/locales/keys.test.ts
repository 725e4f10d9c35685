import { describe, expect, it } from 'vitest';
import enUS from './en-US.json';
import zhCN from './zh-CN.json';

function flatten(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

describe('locale files', () => {
  const zh = flatten(zhCN).sort();
  const en = flatten(enUS).sort();

  it('zh-CN and en-US have the same keys', () => {
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en).toEqual(zh);
  });

  it('has no empty translations', () => {
    const empty = (o: unknown, p = ''): string[] =>
      typeof o === 'string'
        ? o.trim() === ''
          ? [p]
          : []
        : Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => empty(v, p ? `${p}.${k}` : k));
    expect(empty(zhCN)).toEqual([]);
    expect(empty(enUS)).toEqual([]);
  });
});
