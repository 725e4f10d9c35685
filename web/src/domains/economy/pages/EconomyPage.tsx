import type { EconSummaryRow } from '@shared/economy';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, DatePicker, Empty, Flex, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { EChart } from '../../../shared/components/EChart';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { useCan } from '../../../shared/session';
import { useZoneId } from '../../../shared/zone';
import { useSubParkOptions } from '../../enterprises/api';

interface Trend {
  thisYear: (number | null)[];
  lastYear: (number | null)[];
  thisYearCumulative: (number | null)[];
  lastYearCumulative: (number | null)[];
  unit: string;
}

const STATUS_COLOR = { red: 'red', green: 'green', normal: 'default', none: 'default' } as const;
const fmt = (v: number | null, digits = 2) =>
  v == null ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** 经济运行: the month table (value, 1–N月 cumulative, YoY, completion against time progress) and a trend chart. */
export default function EconomyPage() {
  const { t, i18n } = useTranslation();
  const zoneId = useZoneId();
  // Data for month N is reported in month N+1: default to last month.
  // A drill-down link (e.g. from the cockpit) names the month: ?year=2026&month=10.
  const [params] = useSearchParams();
  const [period, setPeriod] = useState<Dayjs>(() => {
    const y = Number(params.get('year'));
    const m = Number(params.get('month'));
    return y && m >= 1 && m <= 12 ? dayjs(new Date(y, m - 1, 1)) : dayjs().subtract(1, 'month').startOf('month');
  });
  const [subParkId, setSubParkId] = useState<string | undefined>();
  const [selected, setSelected] = useState<string | null>(null);
  const parks = useSubParkOptions();
  const canWrite = useCan('economy.write');
  const client = useQueryClient();
  const year = period.year();
  const month = period.month() + 1;

  const summary = useQuery({
    queryKey: ['/api/economy/summary', zoneId, year, month, subParkId],
    queryFn: ({ signal }) =>
      api.get<EconSummaryRow[]>('/api/economy/summary', { query: { year, month, subParkId }, signal }),
  });
  const rows = summary.data ?? [];
  const current = rows.find((r) => r.indicatorId === selected) ?? rows[0];
  const trend = useQuery({
    queryKey: ['/api/economy/trend', zoneId, current?.indicatorId, year, subParkId],
    queryFn: ({ signal }) =>
      api.get<Trend>(`/api/economy/indicators/${current!.indicatorId}/trend`, { query: { year, subParkId }, signal }),
    enabled: Boolean(current),
  });
  const name = (r: EconSummaryRow) => (i18n.language === 'en-US' && r.nameEn ? r.nameEn : r.name);

  const option = useMemo(() => {
    const d = trend.data;
    if (!d || !current) return {};
    const months = Array.from({ length: 12 }, (_, i) => t('economy.monthShort', { month: i + 1 }));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months },
      yAxis: [
        { type: 'value', name: d.unit },
        { type: 'value', name: `${t('economy.cumulative')} (${d.unit})`, splitLine: { show: false } },
      ],
      series: [
        { name: t('economy.thisYear', { year }), type: 'bar', data: d.thisYear, itemStyle: { color: '#1677ff' } },
        {
          name: t('economy.thisYear', { year: year - 1 }),
          type: 'bar',
          data: d.lastYear,
          itemStyle: { color: '#bfbfbf' },
        },
        {
          name: t('economy.cumulativeOf', { year }),
          type: 'line',
          yAxisIndex: 1,
          data: d.thisYearCumulative,
          smooth: true,
        },
        {
          name: t('economy.cumulativeOf', { year: year - 1 }),
          type: 'line',
          yAxisIndex: 1,
          data: d.lastYearCumulative,
          smooth: true,
          lineStyle: { type: 'dashed' },
        },
      ],
    };
  }, [trend.data, current, t, year]);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('economy.title', { year, month })}
        </Typography.Title>
        <Space wrap>
          <DatePicker
            picker="month"
            allowClear={false}
            value={period}
            onChange={(v) => v && setPeriod(v.startOf('month'))}
            aria-label={t('economy.period')}
          />
          <Select
            allowClear
            style={{ minWidth: 200 }}
            placeholder={t('economy.wholeZone')}
            options={parks.options}
            value={subParkId}
            onChange={setSubParkId}
            aria-label={t('economy.subPark')}
          />
          {canWrite && (
            <ImportDialog
              kind="econ-values"
              title={t('economy.importTitle')}
              onDone={() => {
                void client.invalidateQueries({ queryKey: ['/api/economy/summary'] });
                void client.invalidateQueries({ queryKey: ['/api/economy/trend'] });
              }}
            />
          )}
        </Space>
      </Flex>
      <Card size="small">
        <Table<EconSummaryRow>
          rowKey="indicatorId"
          size="middle"
          loading={summary.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: <Empty description={t('economy.empty')} /> }}
          onRow={(r) => ({ onClick: () => setSelected(r.indicatorId), style: { cursor: 'pointer' } })}
          rowClassName={(r) => (r.indicatorId === current?.indicatorId ? 'ant-table-row-selected' : '')}
          columns={[
            {
              title: t('economy.indicator'),
              key: 'name',
              fixed: 'left',
              width: 200,
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{name(r)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.unit}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('economy.monthValue', { month }),
              dataIndex: 'monthValue',
              align: 'right',
              render: (v) => fmt(v),
            },
            {
              title: t('economy.cumulativeTo', { month }),
              dataIndex: 'cumulative',
              align: 'right',
              render: (v, r) =>
                r.missingMonths.length ? (
                  <Typography.Text type="warning">
                    {t('economy.missing', { months: r.missingMonths.join('、') })}
                  </Typography.Text>
                ) : (
                  fmt(v)
                ),
            },
            { title: t('economy.lastYear'), dataIndex: 'lastYearCumulative', align: 'right', render: (v) => fmt(v) },
            {
              title: t('economy.yoy'),
              dataIndex: 'yoyPct',
              align: 'right',
              render: (v: number | null, r) => (
                <Tag color={STATUS_COLOR[r.status]}>{v == null ? '—' : `${v > 0 ? '+' : ''}${v.toFixed(2)}%`}</Tag>
              ),
            },
            { title: t('economy.target'), dataIndex: 'target', align: 'right', render: (v) => fmt(v) },
            {
              title: t('economy.completion'),
              dataIndex: 'completionPct',
              width: 220,
              render: (v: number | null, r) =>
                v == null ? (
                  '—'
                ) : (
                  <Space direction="vertical" size={0} style={{ width: '100%' }}>
                    <Progress
                      percent={Math.min(100, v)}
                      success={{ percent: Math.min(100, r.timeProgressPct) }}
                      format={() => `${v.toFixed(2)}%`}
                      status={v >= r.timeProgressPct ? 'normal' : 'exception'}
                      size="small"
                    />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('economy.timeProgress', { pct: r.timeProgressPct.toFixed(2) })}
                    </Typography.Text>
                  </Space>
                ),
            },
            {
              title: t('economy.reason'),
              dataIndex: 'reason',
              ellipsis: true,
              render: (v: string) => v || <Typography.Text type="secondary">—</Typography.Text>,
            },
          ]}
        />
      </Card>
      {current && (
        <Card size="small" title={t('economy.trendOf', { name: name(current) })}>
          <EChart
            option={option}
            height={340}
            loading={trend.isFetching}
            ariaLabel={t('economy.trendOf', { name: name(current) })}
          />
        </Card>
      )}
    </Space>
  );
}
