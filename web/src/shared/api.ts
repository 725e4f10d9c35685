import type { ErrorBody } from '@shared/common';
import i18n from './i18n';
import { getZoneId } from './zone';

/** Error thrown for every non-2xx answer (and for network failures, with status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: Record<string, string>;
  readonly details?: Record<string, unknown>;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields;
    this.details = body.details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  /** Overrides the X-Zone-Id header (e.g. admin loading departments of another zone). */
  zoneId?: string | null;
  /** Do not redirect to /login on 401 (the session probe, the login call itself). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function toQueryString(query?: QueryParams): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function readError(res: Response): Promise<ErrorBody> {
  try {
    const body = (await res.json()) as Partial<ErrorBody>;
    if (body && typeof body.code === 'string') {
      return { code: body.code, message: body.message ?? res.statusText, fields: body.fields, details: body.details };
    }
  } catch {
    // not JSON
  }
  return { code: `HTTP_${res.status}`, message: res.statusText || i18n.t('errors.unknown') };
}

/** Language, zone and (for unsafe methods) CSRF headers: what every call to the API sends. */
export function apiHeaders(method: string, zoneOverride?: string | null): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language || 'zh-CN' };
  const zoneId = zoneOverride !== undefined ? zoneOverride : getZoneId();
  if (zoneId) headers['X-Zone-Id'] = zoneId;
  if (MUTATING.has(method.toUpperCase()) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

/** A failed non-JSON call (upload, download) as an ApiError, redirecting to /login on 401 like request(). */
export async function errorOf(res: Response): Promise<ApiError> {
  const err = new ApiError(res.status, await readError(res));
  if (res.status === 401 && err.code !== 'INVALID_CREDENTIALS') onUnauthorized();
  return err;
}

/** The file name of a Content-Disposition header (RFC 5987 filename* first). */
function dispositionName(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]!);
  return /filename="([^"]+)"/i.exec(header)?.[1];
}

/**
 * Downloads a file from the API (template, export, error report) with the zone and language headers a plain
 * link could not send, then hands it to the browser as a download.
 */
export async function downloadFile(path: string, query?: QueryParams, fallbackName = 'download.xlsx'): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path + toQueryString(query), { headers: apiHeaders('GET'), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: i18n.t('errors.network') });
  }
  if (!res.ok) throw await errorOf(res);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = dispositionName(res.headers.get('content-disposition')) ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers = apiHeaders(method, opts.zoneId);
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(path + toQueryString(opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'NETWORK', message: i18n.t('errors.network') });
  }
  if (!res.ok) {
    const err = new ApiError(res.status, await readError(res));
    if (res.status === 401 && !opts.noAuthRedirect && err.code !== 'INVALID_CREDENTIALS') onUnauthorized();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

/** A page of a list endpoint. */
export interface Page<T> {
  data: T[];
  total: number;
  current: number;
  pageSize: number;
}
