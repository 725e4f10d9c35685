import type { CalendarYearDetail } from '@shared/calendar';
import { Alert, Descriptions, Drawer, Flex, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useCalendarVersion } from '../api';
import { type DayDiff, type DiffChange, diffDays } from '../days';
import { YearGrid } from './YearGrid';

interface Props {
  detail: CalendarYearDetail;
  version: number | null;
  onClose: () => void;
}

const CHANGE_COLORS: Record<DiffChange, string> = { added: 'green', removed: 'red', changed: 'orange' };

/** One version of a year: its calendar, and the days the current version adds, removes or changes. */
export function VersionDrawer({ detail, version, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const isMobile = useIsMobile();
  const query = useCalendarVersion(detail.year, version);
  const data = query.data;
  const diff = useMemo(() => (data ? diffDays(data.days, detail.days) : []), [data, detail.days]);
  const count = (c: DiffChange) => diff.filter((d) => d.change === c).length;
  const dayText = (d?: { kind: string; name: string }) => (d ? `${d.name} · ${t(`calendar.kind.${d.kind}`)}` : '—');

  return (
    <Drawer
      open={version !== null}
      onClose={onClose}
      size={isMobile ? '100%' : 1000}
      title={version !== null && t('calendar.versionTitle', { year: detail.year, version })}
      destroyOnHidden
    >
      {!data ? (
        query.error ? (
          <Alert type="error" showIcon title={query.error.message} />
        ) : (
          <Spin />
        )
      ) : (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'source', label: t('calendar.source'), children: data.source, span: 2 },
              ...(data.note ? [{ key: 'note', label: t('calendar.note'), children: data.note, span: 2 }] : []),
              {
                key: 'publishedAt',
                label: t('calendar.publishedAt'),
                children: formatDateTime(data.publishedAt, i18n.language),
              },
              {
                key: 'publishedBy',
                label: t('calendar.publishedBy'),
                children: data.createdByName ?? t('calendar.system'),
              },
            ]}
          />
          <Tabs
            defaultActiveKey={data.version === detail.version ? 'days' : 'diff'}
            items={[
              {
                key: 'diff',
                label: t('calendar.diff.tab'),
                disabled: data.version === detail.version,
                children: (
                  <Flex vertical gap={8}>
                    <Typography.Text>
                      {t('calendar.diff.summary', {
                        current: detail.version,
                        added: count('added'),
                        removed: count('removed'),
                        changed: count('changed'),
                      })}
                    </Typography.Text>
                    <Table<DayDiff>
                      size="small"
                      rowKey="date"
                      dataSource={diff}
                      pagination={false}
                      locale={{ emptyText: t('calendar.diff.none') }}
                      scroll={{ x: 520 }}
                      columns={[
                        { key: 'date', title: t('calendar.publish.date'), dataIndex: 'date', width: 120 },
                        {
                          key: 'change',
                          title: t('calendar.diff.change'),
                          width: 90,
                          render: (_, d) => <Tag color={CHANGE_COLORS[d.change]}>{t(`calendar.diff.${d.change}`)}</Tag>,
                        },
                        { key: 'before', title: t('calendar.diff.before'), render: (_, d) => dayText(d.before) },
                        { key: 'after', title: t('calendar.diff.after'), render: (_, d) => dayText(d.after) },
                      ]}
                    />
                  </Flex>
                ),
              },
              { key: 'days', label: t('calendar.diff.days'), children: <YearGrid year={data.year} days={data.days} /> },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
