import { describe, expect, it } from 'vitest';
import { formatDateTime, formatZoneDate } from './format';

describe('dates are shown in China time', () => {
  it('a Beijing midnight stored as UTC is the same calendar day', () => {
    expect(formatZoneDate('2009-05-10T16:00:00.000Z')).toBe('2009-05-11');
    expect(formatDateTime('2026-11-24T16:30:00.000Z', 'zh-CN')).toContain('2026/11/25');
  });
});
