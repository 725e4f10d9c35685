import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Tooltip, Typography } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface SettingsColumn {
  key: string;
  title?: ReactNode;
  /** Cannot be hidden (e.g. the name or the actions column). */
  alwaysVisible?: boolean;
  defaultHidden?: boolean;
}

const storageKey = (tableId: string) => `zoneos.table.${tableId}.hidden`;

function readHidden(tableId: string): string[] | null {
  try {
    const raw = localStorage.getItem(storageKey(tableId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : null;
  } catch {
    return null;
  }
}

/** Hidden column keys for one table, persisted in localStorage. */
export function useHiddenColumns(tableId: string, columns: SettingsColumn[]) {
  const defaults = useCallback(() => columns.filter((c) => c.defaultHidden).map((c) => c.key), [columns]);
  const [hidden, setHiddenState] = useState<string[]>(() => readHidden(tableId) ?? defaults());
  const setHidden = useCallback(
    (next: string[] | null) => {
      const value = next ?? defaults();
      setHiddenState(value);
      try {
        if (next === null) localStorage.removeItem(storageKey(tableId));
        else localStorage.setItem(storageKey(tableId), JSON.stringify(value));
      } catch {
        // storage unavailable
      }
    },
    [tableId, defaults],
  );
  return { hidden, setHidden };
}

interface Props {
  columns: SettingsColumn[];
  hidden: string[];
  onChange: (hidden: string[] | null) => void;
}

export function ColumnSettings({ columns, hidden, onChange }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const toggle = (key: string, visible: boolean) =>
    onChange(visible ? hidden.filter((k) => k !== key) : [...hidden.filter((k) => k !== key), key]);

  const content = (
    <Flex vertical gap={6} style={{ minWidth: 160 }}>
      {columns.map((c) => (
        <Checkbox
          key={c.key}
          checked={!hidden.includes(c.key)}
          disabled={c.alwaysVisible}
          onChange={(e) => toggle(c.key, e.target.checked)}
        >
          {c.title}
        </Checkbox>
      ))}
      <Typography.Link onClick={() => onChange(null)} style={{ marginTop: 4 }}>
        {t('table.resetColumns')}
      </Typography.Link>
    </Flex>
  );

  return (
    <Popover
      content={content}
      title={t('table.columns')}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
    >
      <Tooltip title={t('table.columns')}>
        <Button icon={<SettingOutlined />} aria-label={t('table.columns')} />
      </Tooltip>
    </Popover>
  );
}
