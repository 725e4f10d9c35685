import { TIE_BREAK_RULE } from '@shared/performance';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  Popconfirm,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/session';
import {
  type Appeal,
  useAppeals,
  useCalibrations,
  useCycle,
  useIndicatorSources,
  useIndicators,
  usePerformanceAction,
  useScores,
  useValues,
} from '../api';
import { GradeTag } from '../components/GradeTag';
import { IndicatorEditor } from '../components/IndicatorEditor';
import { LeagueTable } from '../components/LeagueTable';
import { StaffScores } from '../components/StaffScores';

/** One cycle: status and actions, league tables by class, personal scores and grades, indicators, calibrations. */
export default function CycleDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan('performance.manage');
  const cycle = useCycle(id);
  const depts = useScores(id, 'department');
  const people = useScores(id, 'staff');
  const compute = usePerformanceAction<string>((c) => `/api/performance/cycles/${c}/compute`);
  const close = usePerformanceAction<string>((c) => `/api/performance/cycles/${c}/close`);
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : t('errors.unknown'));

  if (cycle.isLoading) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (!cycle.data) return <Empty description={t('errors.notFound')} />;
  const c = cycle.data;
  const open = c.status === 'open';
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to="/performance/cycles">{t('menu.perfCycles')}</Link>/<span>{c.name}</span>
          </Space>
        }
        extra={
          canManage &&
          open && (
            <Space>
              <Button
                loading={compute.isPending}
                onClick={() =>
                  compute.mutate(c.id, { onError: fail, onSuccess: () => message.success(t('performance.computed')) })
                }
              >
                {t('performance.compute')}
              </Button>
              <Popconfirm
                title={t('performance.closeConfirm')}
                onConfirm={() =>
                  close.mutate(c.id, { onError: fail, onSuccess: () => message.success(t('performance.closed')) })
                }
              >
                <Button type="primary" danger loading={close.isPending}>
                  {t('performance.close')}
                </Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('performance.period')}>{t(`performance.periods.${c.period}`)}</Descriptions.Item>
          <Descriptions.Item label={t('performance.dates')}>
            {c.periodStart} ~ {c.periodEnd}
          </Descriptions.Item>
          <Descriptions.Item label={t('common.status')}>
            <Badge status={open ? 'processing' : 'default'} text={t(`performance.status.${c.status}`)} />
          </Descriptions.Item>
          <Descriptions.Item label={t('performance.departmentShare')}>{c.departmentSharePct}%</Descriptions.Item>
          <Descriptions.Item label={t('performance.quotas')}>
            {t('performance.quotaText', {
              excellent: c.gradeRules.excellentMaxPct,
              fail: c.gradeRules.failMinPct,
              bottom: c.gradeRules.bottomPct ?? '—',
              floor: c.gradeRules.floorScore,
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('performance.computedAt')}>
            {formatDateTime(c.computedAt ?? c.closedAt, i18n.language)}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">
          {t('performance.tieBreak')}: {TIE_BREAK_RULE[locale]}
        </Typography.Text>
        {!open && <Alert style={{ marginTop: 12 }} type="info" showIcon message={t('performance.frozen')} />}
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'league',
              label: t('performance.tabs.league'),
              children: <LeagueTable scores={depts.data ?? []} loading={depts.isLoading} />,
            },
            {
              key: 'people',
              label: t('performance.tabs.people'),
              children: <StaffScores scores={people.data ?? []} loading={people.isLoading} closed={!open} />,
            },
            {
              key: 'indicators',
              label: t('performance.tabs.indicators'),
              children: <IndicatorsTab id={c.id} editable={canManage && open} />,
            },
            { key: 'calibrations', label: t('performance.tabs.calibrations'), children: <CalibrationsTab id={c.id} /> },
          ]}
        />
      </Card>
    </Space>
  );
}

function IndicatorsTab({ id, editable }: { id: string; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const indicators = useIndicators(id);
  const values = useValues(id);
  const sources = useIndicatorSources();
  const [editing, setEditing] = useState(false);
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <>
      {editable && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setEditing(true)}>
            {t('performance.editor.open')}
          </Button>
          <Typography.Text type="secondary">{t('performance.editor.hint')}</Typography.Text>
        </Space>
      )}
      {editable && (
        <IndicatorEditor
          cycleId={id}
          open={editing}
          indicators={indicators.data ?? []}
          onClose={() => setEditing(false)}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        loading={indicators.isLoading}
        dataSource={indicators.data ?? []}
        pagination={false}
        expandable={{
          expandedRowRender: (ind) => {
            const rows = (values.data ?? []).filter((v) => v.indicatorId === ind.id);
            return (
              <Space direction="vertical" style={{ width: '100%' }}>
                {rows[0]?.query && <Typography.Text type="secondary">{rows[0].query}</Typography.Text>}
                <Table
                  rowKey="id"
                  size="small"
                  pagination={{ pageSize: 10 }}
                  dataSource={rows}
                  columns={[
                    { key: 'actual', dataIndex: 'actual', title: t('performance.actual'), align: 'right', width: 100 },
                    {
                      key: 'origin',
                      title: t('performance.origin'),
                      width: 90,
                      render: (_, v) => t(`performance.origins.${v.origin}`),
                    },
                    {
                      key: 'records',
                      title: t('performance.records'),
                      render: (_, v) =>
                        v.records.length > 0
                          ? v.records.slice(0, 5).map((r) => <Tag key={r.id}>{r.label}</Tag>)
                          : v.note ||
                            (v.evidenceFileIds.length > 0
                              ? t('performance.evidenceCount', { n: v.evidenceFileIds.length })
                              : '—'),
                    },
                  ]}
                />
              </Space>
            );
          },
        }}
        columns={[
          { key: 'level', title: t('performance.level'), render: (_, i) => t(`performance.levels.${i.level}`) },
          {
            key: 'class',
            title: t('performance.classLabel'),
            render: (_, i) => (i.class ? t(`performance.class.${i.class}`) : '—'),
          },
          { key: 'name', dataIndex: 'name', title: t('performance.indicator') },
          { key: 'method', title: t('performance.method'), render: (_, i) => t(`performance.methods.${i.method}`) },
          { key: 'weight', dataIndex: 'weight', title: t('performance.weight'), align: 'right' },
          { key: 'target', title: t('performance.target'), align: 'right', render: (_, i) => i.target ?? '—' },
          {
            key: 'source',
            title: t('performance.source'),
            render: (_, i) => {
              if (!i.sourceKey) return <Tag>{t('performance.origins.manual')}</Tag>;
              const s = sources.data?.find((x) => x.key === i.sourceKey);
              return (
                <Tooltip title={s?.query[locale]}>
                  <Tag color="blue">{s ? s.label[locale] : i.sourceKey}</Tag>
                </Tooltip>
              );
            },
          },
          { key: 'zoneTarget', dataIndex: 'zoneTarget', title: t('performance.zoneTarget') },
        ]}
      />
    </>
  );
}

function CalibrationsTab({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan('performance.manage');
  const calibrations = useCalibrations(id);
  const appeals = useAppeals(id);
  const [reply, setReply] = useState<Record<string, string>>({});
  const decide = usePerformanceAction<{
    id: string;
    decision: 'upheld' | 'rejected';
    grade: string | null;
    reply: string;
  }>(
    (b) => `/api/performance/appeals/${b.id}/decide`,
    ({ decision, grade, reply }) => ({ decision, grade, reply }),
  );
  const act = (a: Appeal, decision: 'upheld' | 'rejected', grade: string | null) =>
    decide.mutate(
      { id: a.id, decision, grade, reply: reply[a.id] ?? '' },
      { onError: (e) => message.error(e instanceof Error ? e.message : t('errors.unknown')) },
    );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Table
        rowKey="id"
        size="small"
        title={() => t('performance.calibrations')}
        loading={calibrations.isLoading}
        dataSource={calibrations.data ?? []}
        pagination={false}
        columns={[
          { key: 'staff', dataIndex: 'staffName', title: t('performance.staffName') },
          { key: 'from', title: t('performance.from'), render: (_, c) => <GradeTag grade={c.fromGrade} /> },
          { key: 'to', title: t('performance.to'), render: (_, c) => <GradeTag grade={c.toGrade} /> },
          { key: 'reason', dataIndex: 'reason', title: t('performance.reason') },
          { key: 'by', dataIndex: 'byName', title: t('performance.by') },
          { key: 'at', title: t('common.createdAt'), render: (_, c) => formatDateTime(c.at, i18n.language) },
        ]}
      />
      <Table<Appeal>
        rowKey="id"
        size="small"
        title={() => t('performance.appeals')}
        loading={appeals.isLoading}
        dataSource={appeals.data ?? []}
        pagination={false}
        columns={[
          { key: 'staff', dataIndex: 'staffName', title: t('performance.staffName') },
          { key: 'grade', title: t('performance.gradeLabel'), render: (_, a) => <GradeTag grade={a.grade} /> },
          { key: 'reason', dataIndex: 'reason', title: t('performance.reason') },
          { key: 'status', title: t('common.status'), render: (_, a) => t(`performance.appealStatus.${a.status}`) },
          {
            key: 'reply',
            title: t('performance.reply'),
            render: (_, a) =>
              a.status === 'pending' && canManage ? (
                <Space.Compact style={{ width: '100%' }}>
                  <Input
                    placeholder={t('performance.reply')}
                    value={reply[a.id] ?? ''}
                    onChange={(e) => setReply({ ...reply, [a.id]: e.target.value })}
                  />
                  <Button onClick={() => act(a, 'upheld', 'good')}>{t('performance.uphold')}</Button>
                  <Button danger onClick={() => act(a, 'rejected', null)}>
                    {t('performance.reject')}
                  </Button>
                </Space.Compact>
              ) : (
                a.reply || '—'
              ),
          },
        ]}
      />
    </Space>
  );
}
