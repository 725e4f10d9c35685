import type { ZoneCockpit } from '@shared/cockpit';
import { Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EChart } from '../../../shared/components/EChart';
import { fmtNum } from '../api';

type C = ZoneCockpit;
const LIGHT_COLORS = { red: '#f5222d', yellow: '#faad14', green: '#52c41a' } as const;
const CLASS_COLORS = { A: '#52c41a', B: '#1677ff', C: '#faad14', D: '#f5222d' } as const;
const LIGHTS = ['red', 'yellow', 'green'] as const;
const CLASSES = ['A', 'B', 'C', 'D'] as const;

/** A card-header link that yields to the title on narrow cards (laptop) instead of squeezing it. */
const CARD_STYLES = { extra: { maxWidth: '60%', minWidth: 0 } } as const;
const EXTRA_STYLE = {
  display: 'inline-block',
  maxWidth: '100%',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  verticalAlign: 'bottom',
} as const;

/** A number that opens the records behind it. */
function Drill(props: { to: string; label: string; value: number | string; color?: string; testId?: string }) {
  return (
    <Link to={props.to} data-testid={props.testId} aria-label={props.label}>
      <Statistic title={props.label} value={props.value} valueStyle={{ color: props.color, fontSize: 24 }} />
    </Link>
  );
}

function gauge(value: number | null, name: string) {
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        radius: '95%',
        center: ['50%', '60%'],
        startAngle: 200,
        endAngle: -20,
        progress: { show: true, width: 12 },
        axisLine: { lineStyle: { width: 12 } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        title: { offsetCenter: [0, '30%'], fontSize: 12 },
        detail: { valueAnimation: true, formatter: '{value}%', offsetCenter: [0, '-5%'], fontSize: 22 },
        data: [{ value: value ?? 0, name }],
      },
    ],
  };
}

export function TrendCard({ indicator, year }: { indicator: C['indicators'][number] | undefined; year: number }) {
  const { t, i18n } = useTranslation();
  const option = useMemo(() => {
    if (!indicator) return {};
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 32, bottom: 24 },
      xAxis: {
        type: 'category',
        data: Array.from({ length: 12 }, (_, i) => t('economy.monthShort', { month: i + 1 })),
      },
      // keep the target line on the chart: ECharts does not widen the axis for a markLine on its own
      yAxis: {
        type: 'value',
        name: indicator.unit,
        max: (v: { max: number }) =>
          indicator.target != null && indicator.target > v.max ? indicator.target : undefined,
      },
      series: [
        {
          name: String(year),
          type: 'line',
          smooth: true,
          data: indicator.thisYearCumulative,
          areaStyle: { opacity: 0.15 },
        },
        {
          name: String(year - 1),
          type: 'line',
          smooth: true,
          data: indicator.lastYearCumulative,
          lineStyle: { type: 'dashed' },
          itemStyle: { color: '#999' },
        },
        ...(indicator.target != null
          ? [
              {
                name: t('cockpit.target'),
                type: 'line',
                data: [],
                markLine: {
                  symbol: 'none',
                  data: [{ yAxis: indicator.target }],
                  label: { formatter: t('cockpit.target'), position: 'insideEndTop' },
                },
              },
            ]
          : []),
      ],
    };
  }, [indicator, year, t]);
  const name = indicator ? (i18n.language === 'en-US' && indicator.nameEn ? indicator.nameEn : indicator.name) : '';
  return (
    <Card size="small" title={t('cockpit.trendOf', { name })} style={{ height: '100%' }}>
      {indicator ? <EChart option={option} height={260} ariaLabel={t('cockpit.trendOf', { name })} /> : <Empty />}
    </Card>
  );
}

export function FunnelCard({ investment }: { investment: C['investment'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const link = (stage: string) => `/investment?type=${investment.type}&stage=${encodeURIComponent(stage)}`;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: 8,
          right: 8,
          top: 8,
          bottom: 8,
          minSize: '20%',
          label: { position: 'inside', formatter: '{b} {c}' },
          data: investment.stages.map((s) => ({ name: s.name, value: s.reached, key: s.key })),
        },
      ],
    }),
    [investment],
  );
  return (
    <Card
      size="small"
      title={t('cockpit.funnel')}
      extra={
        <Typography.Text type="secondary">
          {t('cockpit.signed', { n: investment.signedCount, target: investment.signedCountTarget })}
        </Typography.Text>
      }
      style={{ height: '100%' }}
    >
      <EChart
        option={option}
        height={200}
        ariaLabel={t('cockpit.funnel')}
        onClick={(p) => navigate(link((p.data as { key: string }).key))}
      />
      <Flex wrap gap={4} style={{ marginTop: 8 }}>
        {investment.stages.map((s) => (
          <Link key={s.key} to={link(s.key)} data-testid={`stage-${s.key}`}>
            <Tag>{t('cockpit.nowIn', { stage: s.name, n: s.current })}</Tag>
          </Link>
        ))}
      </Flex>
    </Card>
  );
}

export function LightsCard({ projects }: { projects: C['projects'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['50%', '78%'],
          label: { show: false },
          data: LIGHTS.map((l) => ({
            name: t(`projects.lights.${l}`),
            value: projects[l],
            key: l,
            itemStyle: { color: LIGHT_COLORS[l] },
          })),
        },
      ],
    }),
    [projects, t],
  );
  return (
    <Card
      size="small"
      title={t('cockpit.lights')}
      extra={
        <Typography.Text type="secondary">
          {t('cockpit.completion', { pct: projects.completionRate || '—' })}
        </Typography.Text>
      }
      style={{ height: '100%' }}
    >
      <Row align="middle">
        <Col span={12}>
          <EChart
            option={option}
            height={180}
            ariaLabel={t('cockpit.lights')}
            onClick={(p) => navigate(`/projects?light=${(p.data as { key: string }).key}`)}
          />
        </Col>
        <Col span={12}>
          <Flex vertical gap={4}>
            {LIGHTS.map((l) => (
              <Drill
                key={l}
                to={`/projects?light=${l}`}
                label={t(`cockpit.light.${l}`)}
                value={projects[l]}
                color={LIGHT_COLORS[l]}
                testId={`lights-${l}`}
              />
            ))}
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}

export function ServiceCards({ approval, demands }: Pick<C, 'approval' | 'demands'>) {
  const { t } = useTranslation();
  return (
    <>
      <Col xs={24} md={12} xl={6} xxl={4}>
        <Card size="small" title={t('cockpit.approval')} style={{ height: '100%' }}>
          <Link to="/approval/metrics" aria-label={t('cockpit.onTimeRate')}>
            <EChart option={gauge(approval.onTimeRate, t('cockpit.onTimeRate'))} height={150} />
          </Link>
          <Flex justify="space-around">
            <Drill to="/approval/cases" label={t('cockpit.cases')} value={approval.cases} />
            <Drill to="/approval/cases?light=open" label={t('cockpit.open')} value={approval.open} />
            <Drill
              to="/approval/cases?light=overdue"
              label={t('cockpit.overdue')}
              value={approval.overdue}
              color={approval.overdue ? '#f5222d' : undefined}
            />
          </Flex>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6} xxl={4}>
        <Card size="small" title={t('cockpit.demands')} style={{ height: '100%' }}>
          <Link to="/services/demands" aria-label={t('cockpit.closureRate')}>
            <EChart option={gauge(demands.closureRate, t('cockpit.closureRate'))} height={150} />
          </Link>
          <Flex justify="space-around">
            <Drill to="/services/demands" label={t('cockpit.received')} value={demands.received} />
            <Drill to="/services/demands?status=closed" label={t('cockpit.closed')} value={demands.closed} />
            <Drill
              to="/services/demands?overdue=yes"
              label={t('cockpit.overdue')}
              value={demands.overdue}
              color={demands.overdue ? '#f5222d' : undefined}
            />
          </Flex>
        </Card>
      </Col>
    </>
  );
}

export function EfficiencyCard({ efficiency }: { efficiency: C['efficiency'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 36, right: 12, top: 12, bottom: 24 },
      xAxis: { type: 'category', data: CLASSES.map((c) => t('cockpit.cls', { cls: c })) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barWidth: '50%',
          label: { show: true, position: 'top' },
          data: CLASSES.map((c) => ({
            value: efficiency?.classes[c] ?? 0,
            key: c,
            itemStyle: { color: CLASS_COLORS[c] },
          })),
        },
      ],
    }),
    [efficiency, t],
  );
  return (
    <Card
      size="small"
      title={t('cockpit.efficiency')}
      styles={CARD_STYLES}
      extra={
        efficiency && (
          <Link to={`/efficiency/${efficiency.runId}`} title={efficiency.runName} style={EXTRA_STYLE}>
            {efficiency.runName}
          </Link>
        )
      }
      style={{ height: '100%' }}
    >
      {efficiency ? (
        <EChart
          option={option}
          height={210}
          ariaLabel={t('cockpit.efficiency')}
          onClick={(p) => navigate(`/efficiency/${efficiency.runId}?cls=${(p.data as { key: string }).key}`)}
        />
      ) : (
        <Empty description={t('cockpit.noRun')} />
      )}
    </Card>
  );
}

export function LeagueCard({ league }: { league: C['league'] }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('cockpit.league')}
      extra={
        league && (
          <Link to={`/performance/cycles/${league.cycleId}`} title={league.cycleName} style={EXTRA_STYLE}>
            {league.cycleName}
          </Link>
        )
      }
      style={{ height: '100%' }}
      styles={{ ...CARD_STYLES, body: { padding: 0 } }}
    >
      <Table
        size="small"
        rowKey="departmentId"
        pagination={false}
        scroll={{ y: 200 }}
        dataSource={league?.rows ?? []}
        locale={{ emptyText: <Empty description={t('cockpit.noCycle')} /> }}
        columns={[
          { title: t('cockpit.rank'), key: 'rank', width: 52, render: (_, r) => `${r.class}${r.rank}` },
          { title: t('cockpit.department'), dataIndex: 'name', ellipsis: true },
          {
            title: t('cockpit.score'),
            dataIndex: 'score',
            align: 'right',
            width: 64,
            render: (v: number) => fmtNum(v),
          },
          {
            title: t('cockpit.grade'),
            dataIndex: 'grade',
            width: 52,
            render: (g: string | null) => (g ? <Tag>{g}</Tag> : '—'),
          },
        ]}
      />
    </Card>
  );
}
