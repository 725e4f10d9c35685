import type { Locale } from '../../../shared/auth';
import type { MessageKey } from '../i18n';
import { isMessageKey } from '../i18n';

/** One zod issue (as carried by fastify-type-provider-zod's validation error) → message key and params. */
export interface IssueLike {
  keyword?: string;
  code?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** A message the schema already wrote in both languages (zod custom issue with params {zh, en}). */
export type LocalizedText = Record<Locale, string>;

export function issueMessage(issue: IssueLike): {
  key: MessageKey;
  params: Record<string, unknown>;
  text?: LocalizedText;
} {
  const code = issue.keyword ?? issue.code;
  const p = issue.params ?? {};
  if (issue.message && isMessageKey(issue.message)) return { key: issue.message, params: p };
  const own = p.params as { zh?: unknown; en?: unknown } | undefined;
  if (code === 'custom' && typeof own?.zh === 'string' && typeof own?.en === 'string') {
    return { key: 'INVALID_FORMAT', params: {}, text: { 'zh-CN': own.zh, 'en-US': own.en } };
  }
  switch (code) {
    case 'invalid_type':
      return p.input === undefined || p.received === 'undefined'
        ? { key: 'REQUIRED', params: p }
        : { key: 'INVALID_TYPE', params: { expected: p.expected } };
    case 'too_small':
      if (p.origin === 'string')
        return p.minimum === 1 ? { key: 'REQUIRED', params: p } : { key: 'TOO_SHORT', params: p };
      if (p.origin === 'array' || p.origin === 'set') return { key: 'TOO_FEW_ITEMS', params: p };
      return { key: 'TOO_SMALL', params: p };
    case 'too_big':
      if (p.origin === 'string') return { key: 'TOO_LONG', params: p };
      if (p.origin === 'array' || p.origin === 'set') return { key: 'TOO_MANY_ITEMS', params: p };
      return { key: 'TOO_BIG', params: p };
    case 'not_multiple_of':
      return { key: 'NOT_MULTIPLE', params: p };
    case 'invalid_value':
    case 'invalid_enum_value':
      return {
        key: 'INVALID_OPTION',
        params: { options: Array.isArray(p.values) ? (p.values as unknown[]).join(' / ') : '' },
      };
    case 'unrecognized_keys':
      return { key: 'UNKNOWN_FIELD', params: p };
    case 'invalid_format':
      if (p.format === 'uuid' || p.format === 'guid') return { key: 'INVALID_UUID', params: p };
      if (p.format === 'date') return { key: 'INVALID_DATE', params: p };
      return { key: 'INVALID_FORMAT', params: p };
    default:
      return { key: 'INVALID_FORMAT', params: p };
  }
}
