import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, type QueryParams } from '../api';

export interface ExportButtonProps {
  /** The list endpoint, e.g. '/api/enterprises'; the file comes from `${endpoint}/export.xlsx`. */
  endpoint: string;
  /** The table's current search, filters and sort (ListTable's toolbar function hands them over). */
  query: QueryParams;
  label?: string;
}

/** Downloads the list as .xlsx with the table's current filters and sort (every page, not just the one shown). */
export function ExportButton({ endpoint, query, label }: ExportButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadFile(`${endpoint}/export.xlsx`, query, 'export.xlsx');
    } catch (e) {
      message.error(e instanceof Error ? e.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={onClick}>
      {label ?? t('excel.export')}
    </Button>
  );
}
