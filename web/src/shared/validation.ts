import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** Translates one zod issue into a localized message (validation.* keys). */
export function issueMessage(issue: Issue, t: TFunction): string {
  const custom = issue.message;
  if (/^[A-Z][A-Z0-9_]+$/.test(custom) && t(`validation.${custom}`, { defaultValue: '' })) {
    return t(`validation.${custom}`);
  }
  switch (issue.code) {
    case 'invalid_type':
      return t('validation.required');
    case 'too_small':
      if (issue.origin === 'string') return t('validation.minLength', { count: Number(issue.minimum) });
      if (issue.origin === 'array') return t('validation.minItems', { count: Number(issue.minimum) });
      return t('validation.min', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { count: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.maxItems', { count: Number(issue.maximum) });
      return t('validation.max', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'date') return t('validation.date');
      return t('validation.format');
    case 'not_multiple_of':
      return t('validation.multipleOf', { divisor: issue.divisor });
    case 'invalid_value':
      return t('validation.choice');
    default:
      return t('validation.invalid');
  }
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

export function isRequired(schema: z.core.$ZodType): boolean {
  return !z.safeParse(schema, undefined).success;
}

/** An antd rule that validates one value against a zod schema. */
export function zodRule(schema: z.core.$ZodType, t: TFunction, required = isRequired(schema)): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (isBlank(value)) {
        if (required) throw new Error(t('validation.required'));
        if (value === null || value === undefined) {
          if (z.safeParse(schema, undefined).success || z.safeParse(schema, null).success) return;
        }
      }
      const result = z.safeParse(
        schema,
        value === null ? (z.safeParse(schema, null).success ? null : undefined) : value,
      );
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new Error(issue ? issueMessage(issue, t) : t('validation.invalid'));
      }
    },
  };
}

export interface ZodFieldProps {
  name: string;
  rules: FormRule[];
  required: boolean;
}

/**
 * Client validation that matches the shared zod schema, field by field:
 * `<Form.Item label=… {...field('name')}>` gives name, rules and the required marker.
 */
export function useZodFields<S extends z.core.$ZodShape>(schema: z.ZodObject<S>) {
  const { t } = useTranslation();
  return useCallback(
    (name: keyof S & string, opts: { required?: boolean; extra?: FormRule[] } = {}): ZodFieldProps => {
      const field = schema.shape[name] as z.core.$ZodType;
      const required = opts.required ?? isRequired(field);
      return { name, required, rules: [zodRule(field, t, required), ...(opts.extra ?? [])] };
    },
    [schema, t],
  );
}
