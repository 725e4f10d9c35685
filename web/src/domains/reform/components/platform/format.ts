import dayjs, { type Dayjs } from 'dayjs';
import type { ListColumn } from '../../../../shared/components/ListTable';

/** Amounts are stored in fen and rates in basis points; these show them as the platform-company tabs do. */
export const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toLocaleString('zh-CN'));
export const wan = (fen: number) => (fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
export const rate = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(2)}%`);

/** A DatePicker form item holding 'YYYY-MM-DD' strings. */
export const dateProps = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

/** A right-aligned figure column (an amount, a rate). */
export function figureColumn<T>(key: string, title: string, show: (row: T) => string, sortable = false): ListColumn<T> {
  return { key, title, sortable, align: 'right', render: (_, r) => show(r) };
}
