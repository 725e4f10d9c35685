import { EditOutlined } from '@ant-design/icons';
import { type OrgComparison, percent, reductionRate } from '@shared/reform';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Row, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Page, type QueryParams } from '../../../shared/api';
import { ExportButton } from '../../../shared/components/ExportButton';
import { useCan } from '../../../shared/session';
import {
  ORG,
  TASKS,
  useDiff,
  useDisposition,
  useDutySummary,
  useLeague,
  useOrgComparison,
  usePlatformSummary,
  useVersions,
} from '../api';
import { fenToYuan, OrgSnapshotModal } from '../components/OrgSnapshotModal';

type MetricRow = OrgComparison['rows'][number];

/** 1.3亿 style: fen shown in 亿元 / 万元 (zh) or million yuan (en), two decimals, computed from the integer. */
function money(fen: number | null, lang: string): string {
  if (fen === null) return '—';
  const yuan = fenToYuan(Math.abs(fen));
  const [int, dec] = yuan.split('.');
  const sign = fen < 0 ? '-' : '';
  const scaled = (digits: number, unit: string) => {
    const whole = int!.padStart(digits + 1, '0');
    const head = whole.slice(0, whole.length - digits);
    const tail = `${whole.slice(whole.length - digits)}${dec}`.slice(0, 2);
    return `${sign}${Number(head).toLocaleString()}.${tail} ${unit}`;
  };
  if (lang.startsWith('zh')) return int!.length > 8 ? scaled(8, '亿元') : scaled(4, '万元');
  return scaled(6, 'million yuan');
}

/** 改革成效: the figures as the seed articles report them, each linked to the records behind it. */
export default function ReformDashboardPage() {
  const { t, i18n } = useTranslation();
  const canWrite = useCan('reform.write');
  const client = useQueryClient();
  const org = useOrgComparison();
  const versions = useVersions();
  const year = Number(new Date().getFullYear());
  const league = useLeague(year);
  const published = (versions.data ?? []).filter((v) => v.status === 'published');
  const latest = published[0];
  const previous = published[1];
  const diff = useDiff(previous?.id, latest?.id);
  const [editing, setEditing] = useState<'before' | 'after' | null>(null);
  const disposition = useDisposition();
  const dispositionRate = disposition.data ? reductionRate(disposition.data.roster, disposition.data.retained) : null;
  const count = (query: QueryParams) => ({
    queryKey: [TASKS, 'count', query],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<Page<unknown>>(TASKS, { query: { ...query, pageSize: 1 }, signal }),
  });
  const tasks = useQuery(count({}));
  const tasksDone = useQuery(count({ status: 'done' }));
  const lateTasks = useQuery(count({ late: 'true' }));

  const c = org.data;
  const total = c?.rows.find((r) => r.metric === 'total');
  const cadres = c?.rows.find((r) => r.metric === 'sectionCadres');
  const whistles = (league.data ?? []).reduce(
    (a, r) => ({
      raised: a.raised + r.raised,
      responded: a.responded + r.responded,
      onTime: a.onTime + r.onTime,
      overdue: a.overdue + r.overdue,
      open: a.open + r.open,
    }),
    { raised: 0, responded: 0, onTime: 0, overdue: 0, open: 0 },
  );
  const onTimeRate = percent(whistles.onTime, whistles.responded);
  // the lists count what is in force today: the links open the same lists filtered as of today
  const duty = useDutySummary().data;
  const platform = usePlatformSummary().data;
  const listLink = (list: string) => (duty ? `/reform/lists?list=${list}&asOf=${duty.asOf}` : '/reform/lists');
  const coop = (kind: 'commissioned' | 'market') => platform?.cooperation.find((x) => x.kind === kind);

  const columns = [
    {
      key: 'metric',
      title: t('reform.org.metricCol'),
      render: (_: unknown, r: MetricRow) => t(`reform.org.metric.${r.metric}`),
    },
    {
      key: 'before',
      title: t('reform.org.before'),
      align: 'right' as const,
      render: (_: unknown, r: MetricRow) => r.before?.toLocaleString() ?? '—',
    },
    {
      key: 'after',
      title: t('reform.org.after'),
      align: 'right' as const,
      render: (_: unknown, r: MetricRow) => r.after?.toLocaleString() ?? '—',
    },
    {
      key: 'reduced',
      title: t('reform.org.reduced'),
      align: 'right' as const,
      render: (_: unknown, r: MetricRow) => r.reduced?.toLocaleString() ?? '—',
    },
    {
      key: 'rate',
      title: t('reform.org.rate'),
      align: 'right' as const,
      render: (_: unknown, r: MetricRow) => (r.reductionRate === null ? '—' : <strong>{r.reductionRate}%</strong>),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card title={t('menu.reformDashboard')} extra={<ExportButton endpoint="/api/reform/dashboard" query={{}} />}>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={8}>
            <a href="#org-table">
              <Statistic
                title={t('reform.dashboard.people')}
                value={
                  total?.before !== null && total?.after !== null && total
                    ? `${total.before?.toLocaleString()} → ${total.after?.toLocaleString()}`
                    : '—'
                }
                suffix={total?.reductionRate ? t('reform.dashboard.cut', { rate: total.reductionRate }) : undefined}
              />
            </a>
          </Col>
          <Col xs={24} md={8}>
            <a href="#org-table">
              <Statistic
                title={t('reform.dashboard.cadres')}
                value={cadres && cadres.before !== null ? `${cadres.before} → ${cadres.after ?? '—'}` : '—'}
                suffix={cadres?.reductionRate ? t('reform.dashboard.cut', { rate: cadres.reductionRate }) : undefined}
              />
            </a>
          </Col>
          <Col xs={24} md={8}>
            <a href="#org-table">
              <Statistic
                title={t('reform.dashboard.costSaved')}
                value={money(c?.yearlyCostSavedFen ?? null, i18n.language)}
              />
            </a>
          </Col>
          <Col xs={24} md={8}>
            <Link to="/reform/authority">
              <Statistic
                title={t('reform.dashboard.authority')}
                value={latest ? latest.counts.active : '—'}
                suffix={t('reform.dashboard.items')}
              />
              {diff.data && (
                <Typography.Text type="secondary" data-testid="dashboard-diff">
                  {t('reform.authority.diffSentence', {
                    retained: diff.data.counts.retained,
                    added: diff.data.counts.added,
                    cancelled: diff.data.counts.cancelled,
                    after: diff.data.after,
                  })}
                </Typography.Text>
              )}
            </Link>
          </Col>
          <Col xs={24} md={8}>
            <Link to="/reform/authority">
              <Statistic
                title={t('reform.dashboard.handling')}
                value={latest ? `${latest.counts.full} / ${latest.counts.acceptOnly}` : '—'}
              />
            </Link>
          </Col>
          <Col xs={24} md={8}>
            <Link to="/reform/org?tab=disposition">
              <Statistic
                title={t('reform.dash.disposition')}
                value={disposition.data ? t('reform.dash.dispositionValue', disposition.data) : '—'}
                suffix={
                  disposition.data?.balanced && dispositionRate
                    ? t('reform.dashboard.cut', { rate: dispositionRate })
                    : undefined
                }
              />
            </Link>
          </Col>
          <Col xs={24} md={8}>
            <Space direction="vertical" size={0}>
              <Link to="/reform/org?tab=tasks">
                <Statistic
                  title={t('reform.dash.tasks')}
                  value={
                    tasks.data
                      ? t('reform.dash.tasksValue', { done: tasksDone.data?.total ?? 0, total: tasks.data.total })
                      : '—'
                  }
                />
              </Link>
              <Link to="/reform/org?tab=tasks&late=true">
                {t('reform.dash.lateTasks', { count: lateTasks.data?.total ?? 0 })}
              </Link>
            </Space>
          </Col>
          <Col xs={24} md={8}>
            <Space direction="vertical" size={0}>
              <Link to="/reform/whistles">
                <Statistic
                  title={t('reform.dashboard.whistles', { year })}
                  value={whistles.raised}
                  suffix={onTimeRate ? t('reform.dashboard.onTime', { rate: onTimeRate }) : undefined}
                />
              </Link>
              <Link to="/reform/whistles?overdue=true">
                {t('reform.dashboard.overdue', { count: whistles.overdue })}
              </Link>
            </Space>
          </Col>
        </Row>
      </Card>
      <Card title={t('reform.dash.listsTitle')}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Link to={listLink('duty')} data-testid="dash-duty">
              <Statistic
                title={t('reform.dash.duty')}
                value={duty?.duty.items ?? '—'}
                suffix={t('reform.dashboard.items')}
              />
            </Link>
          </Col>
          <Col xs={12} md={6}>
            <Link to={listLink('stripped')} data-testid="dash-stripped">
              <Statistic
                title={t('reform.dash.stripped')}
                value={duty?.stripped.items ?? '—'}
                suffix={t('reform.dashboard.items')}
              />
            </Link>
            {duty && (
              <Typography.Text type="secondary">
                {t('reform.dash.receivingBodies', { count: duty.stripped.receivingBodies })}
              </Typography.Text>
            )}
          </Col>
          <Col xs={12} md={6}>
            <Link to={listLink('boundary')} data-testid="dash-boundary">
              <Statistic
                title={t('reform.dash.boundary')}
                value={duty?.boundary.items ?? '—'}
                suffix={t('reform.dashboard.items')}
              />
            </Link>
            {duty && (
              <Typography.Text type="secondary">
                {t('reform.dash.districtDepartments', { count: duty.boundary.districtDepartments })}
              </Typography.Text>
            )}
          </Col>
        </Row>
      </Card>
      <Card title={t('reform.dash.platformTitle')}>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={6}>
            <Space direction="vertical" size={0}>
              <Link to="/reform/platform?tab=matters&status=approved" data-testid="dash-approved">
                <Statistic
                  title={t('reform.dash.approved')}
                  value={platform?.matters.byStatus.approved ?? '—'}
                  suffix={t('reform.dashboard.items')}
                />
              </Link>
              <Link to="/reform/platform?tab=matters&status=executed">
                {t('reform.dash.executed', { count: platform?.matters.byStatus.executed ?? 0 })}
              </Link>
              <Link to="/reform/platform?tab=matters&status=submitted">
                {t('reform.dash.awaiting', { count: platform?.matters.byStatus.submitted ?? 0 })}
              </Link>
            </Space>
          </Col>
          <Col xs={24} md={6}>
            <Space direction="vertical" size={0}>
              <Link to="/reform/platform?tab=cooperation&kind=commissioned" data-testid="dash-commissioned">
                <Statistic
                  title={t('reform.dash.commissioned')}
                  value={coop('commissioned')?.items ?? '—'}
                  suffix={t('reform.dashboard.items')}
                />
              </Link>
              <Typography.Text type="secondary">
                {money(coop('commissioned')?.contractFen ?? null, i18n.language)}
              </Typography.Text>
            </Space>
          </Col>
          <Col xs={24} md={6}>
            <Space direction="vertical" size={0}>
              <Link to="/reform/platform?tab=cooperation&kind=market" data-testid="dash-market">
                <Statistic
                  title={t('reform.dash.market')}
                  value={coop('market')?.items ?? '—'}
                  suffix={t('reform.dashboard.items')}
                />
              </Link>
              <Typography.Text type="secondary">
                {money(coop('market')?.contractFen ?? null, i18n.language)}
              </Typography.Text>
            </Space>
          </Col>
          <Col xs={24} md={6}>
            <Space direction="vertical" size={0}>
              <Link to="/reform/platform?tab=financing&outstanding=true" data-testid="dash-outstanding">
                <Statistic
                  title={t('reform.dash.outstanding')}
                  value={money(platform?.financing.outstandingFen ?? null, i18n.language)}
                />
              </Link>
              <Link to="/reform/platform?tab=financing&refinancing=true" data-testid="dash-saved">
                {t('reform.dash.saved', {
                  amount: money(platform?.financing.yearlyInterestSavedFen ?? null, i18n.language),
                })}
              </Link>
            </Space>
          </Col>
        </Row>
      </Card>
      <Card
        id="org-table"
        title={t('reform.org.title')}
        extra={
          canWrite && (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setEditing('before')}>
                {t('reform.org.edit.before')}
              </Button>
              <Button icon={<EditOutlined />} onClick={() => setEditing('after')}>
                {t('reform.org.edit.after')}
              </Button>
            </Space>
          )
        }
      >
        {c && !c.before && !c.after ? (
          <Empty description={t('reform.org.empty')} />
        ) : (
          <>
            <Table<MetricRow>
              size="small"
              rowKey="metric"
              loading={org.isLoading}
              dataSource={c?.rows ?? []}
              columns={columns}
              pagination={false}
            />
            {c?.before && c.after && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('reform.org.asOfLine', { before: c.before.asOf, after: c.after.asOf })}{' '}
                {c.sumOfGroups.after !== c.after.total &&
                  t('reform.org.sumDiffers', { sum: c.sumOfGroups.after, total: c.after.total })}
              </Typography.Paragraph>
            )}
          </>
        )}
      </Card>
      {canWrite && editing && (
        <OrgSnapshotModal
          key={editing}
          open
          phase={editing}
          initial={c?.[editing] ?? null}
          onClose={() => setEditing(null)}
          onSubmit={(values) =>
            api
              .put(`/api/reform/org/snapshots/${editing}`, values)
              .then(() => client.invalidateQueries({ queryKey: [ORG] }))
          }
        />
      )}
    </Flex>
  );
}
