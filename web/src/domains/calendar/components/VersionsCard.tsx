import type { CalendarVersionSummary, CalendarYearDetail } from '@shared/calendar';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { VersionDrawer } from './VersionDrawer';

interface Props {
  detail: CalendarYearDetail;
}

/** Every version of a year, newest first; an older one opens with its days and what changed since. */
export function VersionsCard({ detail }: Props) {
  const { t, i18n } = useTranslation();
  const [viewing, setViewing] = useState<number | null>(null);

  return (
    <Card title={t('calendar.versionsTitle')} size="small">
      <Table<CalendarVersionSummary>
        size="small"
        rowKey="version"
        dataSource={detail.versions}
        pagination={false}
        scroll={{ x: 860 }}
        columns={[
          {
            key: 'version',
            title: t('calendar.version'),
            width: 120,
            render: (_, v) => (
              <>
                {t('calendar.versionN', { version: v.version })}{' '}
                {v.version === detail.version && <Tag color="green">{t('calendar.current')}</Tag>}
              </>
            ),
          },
          { key: 'source', title: t('calendar.source'), dataIndex: 'source' },
          {
            key: 'note',
            title: t('calendar.note'),
            dataIndex: 'note',
            render: (note: string) =>
              note ? (
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: note }} style={{ margin: 0 }}>
                  {note}
                </Typography.Paragraph>
              ) : (
                '—'
              ),
          },
          {
            key: 'holidayCount',
            title: t('calendar.holidayCount'),
            dataIndex: 'holidayCount',
            align: 'right',
            width: 90,
          },
          {
            key: 'makeupCount',
            title: t('calendar.makeupCount'),
            dataIndex: 'makeupCount',
            align: 'right',
            width: 110,
          },
          {
            key: 'publishedAt',
            title: t('calendar.publishedAt'),
            width: 170,
            render: (_, v) => (
              <>
                {formatDateTime(v.publishedAt, i18n.language)}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v.createdByName ?? t('calendar.system')}
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            fixed: 'right',
            render: (_, v) => (
              <Button type="link" size="small" onClick={() => setViewing(v.version)} style={{ padding: 0 }}>
                {t('calendar.view')}
              </Button>
            ),
          },
        ]}
      />
      <VersionDrawer detail={detail} version={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}
