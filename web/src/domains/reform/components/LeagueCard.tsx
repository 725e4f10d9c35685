import type { WhistleLeagueRow } from '@shared/reform';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLeague } from '../api';

/** 部门报到 league table: district departments ranked by on-time rate, then speed. */
export function LeagueCard({ year, onPick }: { year?: number; onPick?: (departmentId: string) => void }) {
  const { t } = useTranslation();
  const league = useLeague(year);
  const pct = (v: string | null) => (v === null ? '—' : `${v}%`);
  return (
    <Card title={t('reform.whistle.league')}>
      <Table<WhistleLeagueRow>
        size="small"
        rowKey="departmentId"
        loading={league.isLoading}
        dataSource={league.data ?? []}
        pagination={false}
        locale={{ emptyText: t('reform.whistle.noDepartments') }}
        onRow={(r) => ({ onClick: () => onPick?.(r.departmentId), style: onPick ? { cursor: 'pointer' } : undefined })}
        columns={[
          { key: 'rank', dataIndex: 'rank', title: t('reform.whistle.rank'), width: 60 },
          { key: 'name', dataIndex: 'departmentName', title: t('reform.whistle.department') },
          { key: 'raised', dataIndex: 'raised', title: t('reform.whistle.raisedCount'), align: 'right' },
          { key: 'responded', dataIndex: 'responded', title: t('reform.whistle.respondedCount'), align: 'right' },
          { key: 'onTime', dataIndex: 'onTime', title: t('reform.whistle.onTimeCount'), align: 'right' },
          { key: 'overdue', dataIndex: 'overdue', title: t('reform.whistle.overdueCount'), align: 'right' },
          { key: 'open', dataIndex: 'open', title: t('reform.whistle.openCount'), align: 'right' },
          { key: 'rate', title: t('reform.whistle.onTimeRate'), align: 'right', render: (_, r) => pct(r.onTimeRate) },
          {
            key: 'avg',
            title: t('reform.whistle.avgDays'),
            align: 'right',
            render: (_, r) => r.avgResponseWorkdays ?? '—',
          },
        ]}
      />
    </Card>
  );
}
