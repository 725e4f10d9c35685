import { AutoComplete, DatePicker, Input, Select } from 'antd';
import { type ReactNode, useState } from 'react';

export interface ListFilter {
  /** Query parameter name (for dateRange: the pair in `names`). */
  name: string;
  label: string;
  type?: 'select' | 'text' | 'autocomplete' | 'dateRange';
  options?: { value: string; label: ReactNode }[];
  width?: number;
  /** dateRange: query parameter names for start and end, default ['from', 'to']. */
  names?: [string, string];
}

export type FilterValues = Record<string, string | undefined>;

function offset(): string {
  const m = -new Date().getTimezoneOffset();
  const sign = m >= 0 ? '+' : '-';
  const abs = Math.abs(m);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A day range as ISO datetimes with the browser offset: the whole of both days is included. */
export function dayRange(from: string, to: string): [string, string] {
  const tz = offset();
  return [`${from}T00:00:00.000${tz}`, `${to}T23:59:59.999${tz}`];
}

function TextFilter({
  filter,
  value,
  onChange,
}: {
  filter: ListFilter;
  value?: string;
  onChange: (v?: string) => void;
}) {
  const [text, setText] = useState(value ?? '');
  const commit = (v: string) => onChange(v.trim() || undefined);
  if (filter.type === 'autocomplete') {
    return (
      <AutoComplete
        aria-label={filter.label}
        placeholder={filter.label}
        style={{ width: filter.width ?? 160 }}
        options={filter.options}
        value={text}
        allowClear
        onChange={(v: string) => {
          setText(v ?? '');
          if (!v) commit('');
        }}
        onSelect={(v: string) => commit(v)}
        onBlur={() => commit(text)}
        onKeyDown={(e) => e.key === 'Enter' && commit(text)}
      />
    );
  }
  return (
    <Input.Search
      aria-label={filter.label}
      placeholder={filter.label}
      style={{ width: filter.width ?? 160 }}
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={commit}
    />
  );
}

interface Props {
  filters: ListFilter[];
  values: FilterValues;
  onChange: (patch: FilterValues) => void;
}

export function ListFilters({ filters, values, onChange }: Props) {
  return filters.map((f) => {
    if (f.type === 'dateRange') {
      const [fromName, toName] = f.names ?? ['from', 'to'];
      return (
        <DatePicker.RangePicker
          key={f.name}
          aria-label={f.label}
          style={{ width: f.width ?? 250 }}
          allowClear
          onChange={(_dates, [from, to]) => {
            const range = from && to ? dayRange(from, to) : undefined;
            onChange({ [fromName]: range?.[0], [toName]: range?.[1] });
          }}
        />
      );
    }
    if (f.type === 'text' || f.type === 'autocomplete') {
      return <TextFilter key={f.name} filter={f} value={values[f.name]} onChange={(v) => onChange({ [f.name]: v })} />;
    }
    return (
      <Select
        key={f.name}
        aria-label={f.label}
        placeholder={f.label}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: f.width ?? 150 }}
        options={f.options}
        value={values[f.name]}
        onChange={(v?: string) => onChange({ [f.name]: v })}
      />
    );
  });
}
