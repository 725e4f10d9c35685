import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Options for an enum Select, labels from `<prefix>.<value>` i18n keys. */
export function useEnumOptions<T extends string>(values: readonly T[], prefix: string) {
  const { t } = useTranslation();
  return useMemo(() => values.map((value) => ({ value, label: t(`${prefix}.${value}`) })), [values, prefix, t]);
}

/** Every zone is in China: times are shown in China Standard Time whatever the browser's time zone. */
export const ZONE_TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    timeZone: ZONE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(d);
}

/** Coefficients are shown with two decimals (1 → 1.00). */
export function formatCoefficient(value: number | null | undefined): string {
  return typeof value === 'number' ? value.toFixed(2) : '—';
}

/** Picks the English name in the English UI when there is one. */
export function localName(item: { name: string; nameEn?: string | null }, locale: string): string {
  return locale === 'en-US' && item.nameEn ? item.nameEn : item.name;
}

/** The China-time calendar date (YYYY-MM-DD) of an instant. */
export function formatZoneDate(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}
