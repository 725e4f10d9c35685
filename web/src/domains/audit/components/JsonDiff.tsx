import { Flex, Switch, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DiffRow, diffJson } from './jsonDiff';

const BEFORE_BG: Record<string, string | undefined> = { removed: '#fff1f0', changed: '#fff1f0' };
const AFTER_BG: Record<string, string | undefined> = { added: '#f6ffed', changed: '#f6ffed' };

function Value({ v }: { v?: string }) {
  if (v === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return <pre className="zoneos-json">{v}</pre>;
}

/** Before and after snapshots side by side, changed fields highlighted. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = useMemo(() => diffJson(before, after), [before, after]);
  const changedCount = rows.filter((r) => r.kind !== 'same').length;
  const [onlyChanged, setOnlyChanged] = useState(before != null && after != null && changedCount > 0);
  const shown = onlyChanged ? rows.filter((r) => r.kind !== 'same') : rows;

  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('audit.changedFields', { count: changedCount })}</Typography.Text>
        <Flex align="center" gap={8}>
          <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} aria-label={t('audit.onlyChanged')} />
          <Typography.Text>{t('audit.onlyChanged')}</Typography.Text>
        </Flex>
      </Flex>
      <Table<DiffRow>
        size="small"
        rowKey="path"
        pagination={false}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'path',
            dataIndex: 'path',
            title: t('audit.field'),
            width: 200,
            render: (p: string) => <code>{p}</code>,
          },
          {
            key: 'before',
            title: t('audit.before'),
            onCell: (r) => ({ style: { background: BEFORE_BG[r.kind], minWidth: 200 } }),
            render: (_, r) => <Value v={r.before} />,
          },
          {
            key: 'after',
            title: t('audit.after'),
            onCell: (r) => ({ style: { background: AFTER_BG[r.kind], minWidth: 200 } }),
            render: (_, r) => <Value v={r.after} />,
          },
        ]}
      />
    </Flex>
  );
}
