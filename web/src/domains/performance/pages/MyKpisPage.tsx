import type { MyKpis } from '@shared/performance';
import { Card, Col, Descriptions, Empty, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EChart } from '../../../shared/components/EChart';
import { formatCoefficient } from '../../../shared/format';
import { formatFen, useMyKpis } from '../api';
import { GradeTag } from '../components/GradeTag';

type MyCycle = MyKpis['cycles'][number];
type MyLine = MyCycle['lines'][number];
type MyValue = MyKpis['latestValues'][number];
type MyPay = MyKpis['pay'][number];

/** 我的考核: the signed-in staff member's own scores over time, latest indicators with their evidence, pay grade. */
export default function MyKpisPage() {
  const { t, i18n } = useTranslation();
  const q = useMyKpis();
  const data = q.data;
  if (!q.isLoading && !data?.staff) {
    return (
      <Card title={t('performance.my.title')}>
        <Empty description={t('performance.my.notLinked')} />
      </Card>
    );
  }
  const cycles = data?.cycles ?? [];
  const latest = cycles.at(-1);
  const valueFor = (id: string) => data?.latestValues.find((v) => v.indicatorId === id);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('performance.my.title')} loading={q.isLoading}>
        {data?.staff && (
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
            <Descriptions.Item label={t('performance.staffName')}>{data.staff.name}</Descriptions.Item>
            <Descriptions.Item label={t('performance.employeeNo')}>{data.staff.employeeNo}</Descriptions.Item>
            <Descriptions.Item label={t('performance.department')}>{data.staff.departmentName}</Descriptions.Item>
            <Descriptions.Item label={t('performance.my.archiveRank')}>{data.staff.archiveRank}</Descriptions.Item>
            <Descriptions.Item label={t('performance.pay.post')}>{data.staff.postName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('performance.pay.postCoef')}>
              {formatCoefficient(data.staff.postCoefficient)}
            </Descriptions.Item>
            <Descriptions.Item label={t('performance.my.latestGrade')}>
              <GradeTag grade={latest?.grade ?? null} />
            </Descriptions.Item>
            <Descriptions.Item label={t('performance.my.latestScore')}>
              {latest ? `${latest.score.toFixed(2)}（${t('performance.rank')} ${latest.rank}/${latest.ranked}）` : '—'}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('performance.my.trend')} size="small">
            {cycles.length === 0 ? (
              <Empty description={t('performance.noScores')} />
            ) : (
              <EChart
                ariaLabel={t('performance.my.trend')}
                height={260}
                option={{
                  grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
                  tooltip: { trigger: 'axis' },
                  xAxis: { type: 'category', data: cycles.map((c) => c.cycleName) },
                  yAxis: { type: 'value', min: 0, max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)) },
                  series: [
                    {
                      type: 'line',
                      name: t('performance.finalScore'),
                      data: cycles.map((c) => c.score),
                      label: { show: true, formatter: (p: { value: number }) => p.value.toFixed(2) },
                    },
                  ],
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('performance.my.cycles')} size="small">
            <Table<MyCycle>
              size="small"
              rowKey="cycleId"
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              dataSource={[...cycles].reverse()}
              locale={{ emptyText: <Empty description={t('performance.noScores')} /> }}
              columns={[
                {
                  key: 'name',
                  title: t('performance.cycleName'),
                  render: (_, c) => <Link to={`/performance/cycles/${c.cycleId}`}>{c.cycleName}</Link>,
                },
                {
                  key: 'status',
                  title: t('common.status'),
                  render: (_, c) => (
                    <Tag color={c.status === 'closed' ? 'default' : 'processing'}>
                      {t(`performance.status.${c.status}`)}
                    </Tag>
                  ),
                },
                {
                  key: 'score',
                  title: t('performance.finalScore'),
                  align: 'right',
                  render: (_, c) => c.score.toFixed(2),
                },
                { key: 'rank', title: t('performance.rank'), render: (_, c) => `${c.rank}/${c.ranked}` },
                { key: 'grade', title: t('performance.gradeLabel'), render: (_, c) => <GradeTag grade={c.grade} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={latest ? `${t('performance.my.indicators')} · ${latest.cycleName}` : t('performance.my.indicators')}
      >
        <Table<MyLine>
          size="small"
          rowKey="indicatorId"
          pagination={false}
          dataSource={latest?.lines ?? []}
          locale={{ emptyText: <Empty description={t('performance.noScores')} /> }}
          expandable={{
            rowExpandable: (l) => Boolean(valueFor(l.indicatorId)),
            expandedRowRender: (l) => <ValueDetail value={valueFor(l.indicatorId)} />,
          }}
          columns={[
            { key: 'name', dataIndex: 'name', title: t('performance.indicator') },
            { key: 'method', title: t('performance.method'), render: (_, l) => t(`performance.methods.${l.method}`) },
            { key: 'weight', dataIndex: 'weight', title: t('performance.weight'), align: 'right' },
            { key: 'target', title: t('performance.target'), align: 'right', render: (_, l) => l.target ?? '—' },
            { key: 'actual', title: t('performance.actual'), align: 'right', render: (_, l) => l.actual ?? '—' },
            {
              key: 'origin',
              title: t('performance.origin'),
              render: (_, l) => {
                const v = valueFor(l.indicatorId);
                return v ? t(`performance.origins.${v.origin}`) : '—';
              },
            },
            { key: 'points', title: t('performance.points'), align: 'right', render: (_, l) => l.points.toFixed(2) },
          ]}
        />
      </Card>
      <Card size="small" title={t('performance.my.pay')}>
        <Table<MyPay>
          size="small"
          rowKey="runId"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={data?.pay ?? []}
          locale={{ emptyText: <Empty description={t('performance.pay.none')} /> }}
          columns={[
            {
              key: 'run',
              title: t('performance.pay.run'),
              render: (_, p) =>
                p.kind === 'advance'
                  ? t('performance.pay.advanceName', { year: p.year, quarter: p.quarter })
                  : t('performance.pay.settlementName', { year: p.year }),
            },
            { key: 'post', dataIndex: 'postName', title: t('performance.pay.post') },
            {
              key: 'postCoef',
              title: t('performance.pay.postCoef'),
              align: 'right',
              render: (_, p) => formatCoefficient(p.postCoefficient),
            },
            { key: 'grade', title: t('performance.gradeLabel'), render: (_, p) => <GradeTag grade={p.grade} /> },
            {
              key: 'gradeCoef',
              title: t('performance.pay.gradeCoef'),
              align: 'right',
              render: (_, p) => formatCoefficient(p.gradeCoefficient),
            },
            {
              key: 'amount',
              title: t('performance.pay.amount'),
              align: 'right',
              render: (_, p) => formatFen(p.amountFen, i18n.language),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function ValueDetail({ value }: { value: MyValue | undefined }) {
  const { t } = useTranslation();
  if (!value) return null;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      {value.query && <Typography.Text type="secondary">{value.query}</Typography.Text>}
      {value.note && <Typography.Text>{value.note}</Typography.Text>}
      {value.records.length > 0 && (
        <List
          size="small"
          header={t('performance.records')}
          dataSource={value.records}
          renderItem={(r) => <List.Item>{r.label}</List.Item>}
        />
      )}
    </Space>
  );
}
