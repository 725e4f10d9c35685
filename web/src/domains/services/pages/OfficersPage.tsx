import type { OfficerMetricsRow, PortfolioItem } from '@shared/officers';
import { Card, DatePicker, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EChart } from '../../../shared/components/EChart';
import { type Period, useOfficerMetrics, usePortfolio } from '../api';

const rate = (v: string | null) => (v === null ? '—' : `${v}%`);
const thisYear = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4);

function Portfolio({ staffId, period }: { staffId: string; period: Period }) {
  const { t } = useTranslation();
  const list = usePortfolio(staffId, period);
  return (
    <Table<PortfolioItem>
      size="small"
      loading={list.isLoading}
      rowKey="enterpriseId"
      dataSource={list.data ?? []}
      pagination={false}
      locale={{ emptyText: t('services.officers.emptyPortfolio') }}
      columns={[
        {
          key: 'e',
          title: t('services.enterprise'),
          render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>,
        },
        { key: 'c', title: t('services.officers.creditCode'), dataIndex: 'creditCode' },
        {
          key: 'l',
          title: t('services.officers.lastVisited'),
          render: (_, r) => r.lastVisitedOn ?? <Tag color="orange">{t('services.officers.neverVisited')}</Tag>,
        },
        { key: 'v', title: t('services.officers.visitsInPeriod'), dataIndex: 'visits', align: 'right' },
        {
          key: 'card',
          title: t('services.card.title'),
          render: (_, r) => <Link to={`/services/card/${r.enterpriseId}`}>{t('services.card.title')}</Link>,
        },
        {
          key: 'o',
          title: t('services.officers.openDemands'),
          align: 'right',
          render: (_, r) =>
            r.openDemands > 0 ? (
              <Link to={`/services/demands?enterpriseId=${r.enterpriseId}`}>{r.openDemands}</Link>
            ) : (
              0
            ),
        },
      ]}
    />
  );
}

/** 首席服务官: per-officer visits, coverage of the portfolio, ratings and the portfolio's demands; expand for the list. */
export default function OfficersPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>({ from: `${thisYear()}-01-01`, to: `${thisYear()}-12-31` });
  const metrics = useOfficerMetrics(period);
  const rows = metrics.data ?? [];
  return (
    <Card
      variant="borderless"
      title={t('services.officers.title')}
      extra={
        <Space>
          <DatePicker.RangePicker
            aria-label={t('services.officers.period')}
            allowEmpty={[true, true]}
            onChange={(_d, [from, to]) => setPeriod({ from: from || undefined, to: to || undefined })}
          />
        </Space>
      }
    >
      {rows.length > 0 && (
        <EChart
          height={240}
          ariaLabel={t('services.officers.title')}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 40, right: 16, top: 32, bottom: 48 },
            xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 20 } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { name: t('services.officers.portfolio'), type: 'bar', data: rows.map((r) => r.portfolio) },
              { name: t('services.officers.visits'), type: 'bar', data: rows.map((r) => r.visits) },
              { name: t('services.officers.demandsFinished'), type: 'bar', data: rows.map((r) => r.demandsFinished) },
            ],
          }}
        />
      )}
      <Table<OfficerMetricsRow>
        size="small"
        loading={metrics.isLoading}
        rowKey="staffId"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (r) => <Portfolio staffId={r.staffId} period={period} /> }}
        columns={[
          { key: 'name', title: t('services.officers.name'), dataIndex: 'name', fixed: 'left' },
          { key: 'dep', title: t('services.department'), dataIndex: 'departmentName' },
          {
            key: 'p',
            title: t('services.officers.portfolio'),
            dataIndex: 'portfolio',
            align: 'right',
            sorter: (a, b) => a.portfolio - b.portfolio,
          },
          {
            key: 'v',
            title: t('services.officers.visits'),
            dataIndex: 'visits',
            align: 'right',
            sorter: (a, b) => a.visits - b.visits,
          },
          {
            key: 'cov',
            title: t('services.officers.coverage'),
            align: 'right',
            render: (_, r) => rate(r.coverageRate),
          },
          { key: 'raised', title: t('services.demandsRaised'), dataIndex: 'demandsRaised', align: 'right' },
          {
            key: 'rating',
            title: t('services.officers.avgRating'),
            align: 'right',
            render: (_, r) => (r.avgRating === null ? '—' : `${r.avgRating}（${r.ratedVisits}）`),
          },
          { key: 'rec', title: t('services.received'), dataIndex: 'demandsReceived', align: 'right' },
          { key: 'fin', title: t('services.officers.demandsFinished'), dataIndex: 'demandsFinished', align: 'right' },
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
