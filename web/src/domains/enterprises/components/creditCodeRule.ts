import { checkCreditCode, describeCreditCodeProblem } from '@shared/credit-code';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** Same check and same wording as the server (shared/credit-code.ts): names the wrong character. */
export function creditCodeRule(t: TFunction, language: string): FormRule {
  return {
    validator: async (_rule, value?: string) => {
      if (!value?.trim()) throw new Error(t('validation.required'));
      const problem = checkCreditCode(value);
      if (problem) throw new Error(describeCreditCodeProblem(problem, language === 'en-US' ? 'en-US' : 'zh-CN'));
    },
  };
}
