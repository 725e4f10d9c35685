import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, describeCreditCodeProblem, isCreditCode } from './credit-code';

describe('统一社会信用代码 GB 32100-2015', () => {
  it('accepts published codes (worked check digits)', () => {
    // 91350100M000100Y43: the standard's own example; 911100001000000001 style codes are not real.
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(isCreditCode('9135 0100M000100Y43'.replace(' ', ''))).toBe(true);
    expect(isCreditCode('91350100m000100y43')).toBe(true);
  });

  it('names the wrong character', () => {
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ kind: 'check', expected: '3', actual: '4' });
    expect(checkCreditCode('91350100M0001O0Y43')).toEqual({ kind: 'char', position: 14, char: 'O' });
    expect(checkCreditCode('9135A100M000100Y43')).toEqual({ kind: 'division', position: 5, char: 'A' });
    expect(checkCreditCode('91350100')).toEqual({ kind: 'length', length: 8 });
    expect(describeCreditCodeProblem({ kind: 'check', expected: '3', actual: '4' }, 'zh-CN')).toBe(
      '第 18 位校验码应为“3”，实际为“4”',
    );
  });
});
