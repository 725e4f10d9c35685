import type { FormInstance } from 'antd';
import { isApiError } from './api';

/** 'items.0.name' → ['items', 0, 'name'] (antd NamePath). */
export function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts server field errors ({fields: {'name': '…', 'items.0.name': '…'}}) under the matching Form.Item.
 * Returns true when at least one field error was applied.
 */
export function applyServerErrors(form: Pick<FormInstance, 'setFields'>, error: unknown): boolean {
  if (!isApiError(error) || !error.fields) return false;
  const entries = Object.entries(error.fields);
  if (entries.length === 0) return false;
  form.setFields(entries.map(([path, message]) => ({ name: toNamePath(path), errors: [message] })));
  return true;
}
