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

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
]);
const CONNECTION_MESSAGE =
  /Connection terminated|connect ECONNREFUSED|not queryable|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/;

/**
 * Whether an error (or one it wraps: Drizzle puts the driver's error in `cause`) means the database cannot be
 * reached right now: refused or dropped connection, server shutting down or starting. Such requests get 503.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGE.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
