import type { Leaderboard, LeaderboardRow } from '@shared/investment';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, InputNumber, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { EChart } from '../../../shared/components/EChart';
import { ExportButton } from '../../../shared/components/ExportButton';
import { wan } from '../api';

const LEADERBOARD = '/api/investment/leaderboard';
type By = Leaderboard['by'];

/** Fen → 万元 as a number for the chart (two decimals). */
const wanNumber = (fen: number) => Math.round(fen / 10_000) / 100;

function Rate({ rate }: { rate: string }) {
  if (rate === '') return <Typography.Text type="secondary">—</Typography.Text>;
  const n = Number(rate);
  return (
    <Progress
      percent={Math.min(n, 100)}
      size="small"
      status={n >= 100 ? 'success' : 'normal'}
      format={() => `${rate}%`}
      style={{ minWidth: 110, margin: 0 }}
    />
  );
}

function VsTarget({ actual, target }: { actual: string | number; target: string | number | null }) {
  return (
    <span>
      {actual}
      {target !== null && <Typography.Text type="secondary"> / {target}</Typography.Text>}
    </span>
  );
}

/** 专班排行: per 招商专班 (or sub-park), signed count and amount and funds in place vs target; chart, table, export. */
export default function LeaderboardPage() {
  const { t } = useTranslation();
  const [by, setBy] = useState<By>('team');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const board = useQuery({
    queryKey: [LEADERBOARD, by, year],
    queryFn: ({ signal }) => api.get<Leaderboard>(LEADERBOARD, { query: { by, year }, signal }),
  });
  const none = by === 'team' ? t('investment.leaderboard.noTeam') : t('investment.leaderboard.noSubPark');
  const rows = board.data?.rows ?? [];
  const nameOf = (r: LeaderboardRow) => r.name ?? none;

  const option = useMemo(() => {
    const shown = rows.filter((r) => r.id !== null);
    const series = [
      { name: t('investment.leaderboard.signedAmount'), data: shown.map((r) => wanNumber(r.signedAmountFen)) },
      { name: t('investment.leaderboard.funds'), data: shown.map((r) => wanNumber(r.fundsInPlaceFen)) },
    ];
    const targets =
      by === 'team'
        ? [
            {
              name: `${t('investment.leaderboard.signedAmount')} · ${t('investment.leaderboard.target')}`,
              data: shown.map((r) => wanNumber(r.signedAmountTargetFen ?? 0)),
            },
          ]
        : [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: shown.map((r) => r.name ?? ''), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value' },
      series: [
        ...series.map((s) => ({ ...s, type: 'bar', barMaxWidth: 28 })),
        ...targets.map((s) => ({ ...s, type: 'line', symbol: 'diamond', symbolSize: 10, lineStyle: { width: 0 } })),
      ],
    };
  }, [rows, by, t]);

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('investment.leaderboard.menu')}
            </Typography.Title>
            <Segmented<By>
              value={by}
              onChange={setBy}
              options={[
                { value: 'team', label: t('investment.leaderboard.byTeam') },
                { value: 'subPark', label: t('investment.leaderboard.bySubPark') },
              ]}
            />
            <InputNumber
              aria-label={t('investment.leaderboard.year')}
              prefix={t('investment.leaderboard.year')}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
              style={{ width: 140 }}
            />
          </Space>
          <ExportButton endpoint={LEADERBOARD} query={{ by, year }} />
        </Flex>
      </Card>
      {board.error && <Alert type="error" showIcon title={board.error.message} />}
      {by === 'subPark' && <Alert type="info" showIcon title={t('investment.leaderboard.noTargets')} />}
      <Card title={t('investment.leaderboard.chartTitle')}>
        <EChart
          option={option}
          height={320}
          loading={board.isPending}
          ariaLabel={t('investment.leaderboard.chartTitle')}
        />
      </Card>
      <Card>
        <Table<LeaderboardRow>
          size="small"
          rowKey={(r) => r.id ?? 'none'}
          loading={board.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1000 }}
          columns={[
            {
              key: 'rank',
              title: t('investment.leaderboard.rank'),
              width: 70,
              render: (_, r) => (r.rank === 0 ? '—' : <Tag color={r.rank <= 3 ? 'gold' : undefined}>{r.rank}</Tag>),
            },
            {
              key: 'name',
              title: by === 'team' ? t('investment.leaderboard.team') : t('investment.leaderboard.subPark'),
              width: 180,
              render: (_, r) =>
                r.id === null ? <Typography.Text type="secondary">{none}</Typography.Text> : nameOf(r),
            },
            {
              key: 'signedCount',
              title: t('investment.leaderboard.signedCount'),
              align: 'right',
              render: (_, r) => <VsTarget actual={r.signedCount} target={r.signedCountTarget} />,
            },
            {
              key: 'signedCountRate',
              title: t('investment.leaderboard.rate'),
              render: (_, r) => <Rate rate={r.signedCountRate} />,
            },
            {
              key: 'signedAmount',
              title: t('investment.leaderboard.signedAmount'),
              align: 'right',
              render: (_, r) => (
                <VsTarget
                  actual={wan(r.signedAmountFen)}
                  target={r.signedAmountTargetFen === null ? null : wan(r.signedAmountTargetFen)}
                />
              ),
            },
            {
              key: 'signedAmountRate',
              title: t('investment.leaderboard.rate'),
              render: (_, r) => <Rate rate={r.signedAmountRate} />,
            },
            {
              key: 'funds',
              title: t('investment.leaderboard.funds'),
              align: 'right',
              render: (_, r) => (
                <VsTarget
                  actual={wan(r.fundsInPlaceFen)}
                  target={r.fundsInPlaceTargetFen === null ? null : wan(r.fundsInPlaceTargetFen)}
                />
              ),
            },
            {
              key: 'fundsRate',
              title: t('investment.leaderboard.rate'),
              render: (_, r) => <Rate rate={r.fundsInPlaceRate} />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
