import type { MessageKey } from './i18n';

/**
 * A failure the client can act on. `code` picks the localized message; `fields` maps a field path to a
 * message key so forms can show the error under the right input.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly params: Record<string, unknown> = {},
    readonly fields?: Record<string, MessageKey>,
    readonly headers?: Record<string, string>,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'NOT_FOUND');
export const forbidden = () => new AppError(403, 'FORBIDDEN');
export const conflict = (fields?: Record<string, MessageKey>) => new AppError(409, 'CONFLICT', {}, fields);
export const invalid = (fields: Record<string, MessageKey>) => new AppError(400, 'VALIDATION', {}, fields);

/** PostgreSQL error fields we map to 4xx answers (unique and foreign-key violations). */
export function pgErrorInfo(err: unknown): { code: string; constraint?: string } | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, constraint: (e as { constraint?: string }).constraint };
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
