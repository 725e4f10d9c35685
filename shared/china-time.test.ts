import { describe, expect, it } from 'vitest';
import { monthInChina, todayInChina } from './china-time';

describe('dates in China', () => {
  it('agree with Intl for Asia/Shanghai across midnight, month and year ends', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
    for (const iso of [
      '2026-12-31T15:59:59.999Z', // 23:59:59 in Beijing
      '2026-12-31T16:00:00.000Z', // 00:00 on 1 January 2027 in Beijing
      '2025-09-30T17:30:00.000Z',
      '2024-02-28T16:00:00.000Z', // leap day
      '1992-06-01T12:00:00.000Z',
    ]) {
      const now = new Date(iso);
      expect(todayInChina(now), iso).toBe(intl.format(now));
    }
    expect(monthInChina(new Date('2026-12-31T16:00:00.000Z'))).toEqual({ year: 2027, month: 1 });
    expect(monthInChina(new Date('2026-12-31T15:59:59.000Z'))).toEqual({ year: 2026, month: 12 });
  });
});
