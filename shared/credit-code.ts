/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters
 *   1      registration authority (登记管理部门码)   1 机构编制 5 民政 9 工商 Y 其他 …
 *   2      organisation type (机构类别码)
 *   3–8    administrative division (登记管理机关行政区划码, 6 digits)
 *   9–17   organisation code (主体标识码, GB 11714, its own check character at 17)
 *   18     check character: weights 3^(i) mod 31, value 31 − (Σ mod 31), 31 → 0
 * Characters are 0-9 and A-Z without I, O, S, V, Z. Shared by the server and the web forms.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem =
  | { kind: 'length'; length: number }
  | { kind: 'char'; position: number; char: string }
  | { kind: 'division'; position: number; char: string }
  | { kind: 'check'; expected: string; actual: string };

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i] as string) * (WEIGHTS[i] as number);
  const v = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[v === 31 ? 0 : v] as string;
}

/** null when valid; otherwise the first problem, naming the offending character and its 1-based position. */
export function checkCreditCode(raw: string): CreditCodeProblem | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return { kind: 'length', length: code.length };
  for (let i = 0; i < 18; i++) {
    const c = code[i] as string;
    if (!CREDIT_CODE_CHARSET.includes(c)) return { kind: 'char', position: i + 1, char: c };
    if (i >= 2 && i <= 7 && !/\d/.test(c)) return { kind: 'division', position: i + 1, char: c };
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  const actual = code[17] as string;
  if (expected !== actual) return { kind: 'check', expected, actual };
  return null;
}

export function isCreditCode(raw: string): boolean {
  return checkCreditCode(raw) === null;
}

export function describeCreditCodeProblem(p: CreditCodeProblem, locale: 'zh-CN' | 'en-US'): string {
  const zh = locale === 'zh-CN';
  switch (p.kind) {
    case 'length':
      return zh
        ? `统一社会信用代码应为 18 位，当前为 ${p.length} 位`
        : `A credit code has 18 characters, not ${p.length}`;
    case 'char':
      return zh
        ? `第 ${p.position} 位字符“${p.char}”不合法（不能使用 I、O、S、V、Z 及小写以外的符号）`
        : `Character ${p.position} “${p.char}” is not allowed (I, O, S, V, Z and symbols are never used)`;
    case 'division':
      return zh
        ? `第 ${p.position} 位“${p.char}”应为数字（第 3–8 位是行政区划码）`
        : `Character ${p.position} “${p.char}” must be a digit (characters 3–8 are the division code)`;
    case 'check':
      return zh
        ? `第 18 位校验码应为“${p.expected}”，实际为“${p.actual}”`
        : `Check character 18 should be “${p.expected}”, not “${p.actual}”`;
  }
}
