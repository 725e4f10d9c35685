import type { DemandMetricsRow } from '@shared/services';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../shared/components/EChart';
import { useDemandMetrics } from '../api';

const rate = (v: string | null) => (v === null ? '—' : `${v}%`);

/** Received / closed / on time / satisfaction per department (DOMAIN.md §6 metrics). */
export function DemandMetrics() {
  const { t } = useTranslation();
  const metrics = useDemandMetrics(true);
  const rows = metrics.data ?? [];
  const name = (r: DemandMetricsRow) =>
    r.departmentName ?? (r.external ? t('services.routeExternal') : t('services.unrouted'));
  return (
    <Card variant="borderless" title={t('services.metricsTitle')} style={{ marginBottom: 16 }}>
      {rows.length > 0 && (
        <EChart
          height={220}
          ariaLabel={t('services.metricsTitle')}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 40, right: 16, top: 32, bottom: 48 },
            xAxis: { type: 'category', data: rows.map(name), axisLabel: { interval: 0, rotate: 20 } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { name: t('services.received'), type: 'bar', data: rows.map((r) => r.received) },
              { name: t('services.resolvedCount'), type: 'bar', data: rows.map((r) => r.resolved) },
              { name: t('services.overdueOpen'), type: 'bar', data: rows.map((r) => r.overdueOpen) },
            ],
          }}
        />
      )}
      <Table<DemandMetricsRow>
        size="small"
        loading={metrics.isLoading}
        rowKey={(r) => r.departmentId ?? (r.external ? 'external' : 'none')}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'd', title: t('services.department'), render: (_, r) => name(r) },
          { key: 'received', title: t('services.received'), dataIndex: 'received', align: 'right' },
          { key: 'resolved', title: t('services.resolvedCount'), dataIndex: 'resolved', align: 'right' },
          { key: 'overdueOpen', title: t('services.overdueOpen'), dataIndex: 'overdueOpen', align: 'right' },
          { key: 'closure', title: t('services.closureRate'), align: 'right', render: (_, r) => rate(r.closureRate) },
          { key: 'ontime', title: t('services.onTimeRate'), align: 'right', render: (_, r) => rate(r.onTimeRate) },
          {
            key: 'sat',
            title: t('services.satisfactionRate'),
            align: 'right',
            render: (_, r) => rate(r.satisfactionRate),
          },
        ]}
      />
    </Card>
  );
}
