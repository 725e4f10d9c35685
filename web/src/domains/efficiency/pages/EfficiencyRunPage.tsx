import { efficiencyClasses, efficiencyGroups, type Result } from '@shared/efficiency';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../../shared/api';
import { EChart } from '../../../shared/components/EChart';
import { ExportButton } from '../../../shared/components/ExportButton';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDateTime, useEnumOptions } from '../../../shared/format';
import { useUrlFilters } from '../../../shared/hooks/useUrlFilters';
import { useCan } from '../../../shared/session';
import { CLASS_COLOR, RUNS, useResult, useRun } from '../api';
import { STATUS_COLOR } from './EfficiencyRunsPage';

const fmt = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined
    ? '—'
    : v.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** One run: its state and actions (compute, publish, finalize), class distribution, ranked results, breakdowns. */
export default function EfficiencyRunPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canWrite = useCan('efficiency.write');
  const run = useRun(id);
  const initialFilters = useUrlFilters(['cls', 'group']);
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const groupOptions = useEnumOptions(efficiencyGroups, 'efficiency.groups');
  const classOptions = efficiencyClasses.map((c) => ({ value: c, label: c }));

  const act = async (path: string, body?: unknown) => {
    setBusy(true);
    try {
      await api.post(`${RUNS}/${id}/${path}`, body ?? {});
      await client.invalidateQueries({ queryKey: [RUNS] });
      message.success(t(`efficiency.done.${path}`));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const r = run.data;
  const chart = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      xAxis: { type: 'category', data: [...efficiencyClasses] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('efficiency.classCounts'),
          label: { show: true, position: 'top' },
          data: efficiencyClasses.map((c) => ({
            value: r?.classCounts?.[c] ?? 0,
            itemStyle: { color: CLASS_COLOR[c] },
          })),
        },
      ],
    }),
    [r, t],
  );
  if (run.isLoading) return <PageLoading />;
  if (!r) return <Alert type="error" message={t('errors.notFound', { defaultValue: 'Not found' })} />;
  const endpoint = `${RUNS}/${id}/results`;

  const columns: ListColumn<Result>[] = [
    { key: 'group', title: t('efficiency.group'), render: (_, x) => t(`efficiency.groups.${x.group}`) },
    { key: 'rank', title: t('efficiency.rank'), sortable: true, align: 'right' },
    {
      key: 'enterpriseName',
      title: t('efficiency.enterprise'),
      alwaysVisible: true,
      sortable: true,
      render: (_, x) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(x.id)}>
          {x.enterpriseName}
        </Button>
      ),
    },
    { key: 'score', title: t('efficiency.score'), sortable: true, align: 'right', render: (_, x) => fmt(x.score) },
    {
      key: 'cls',
      title: t('efficiency.cls'),
      render: (_, x) => <Tag color={CLASS_COLOR[x.cls]}>{x.cls}</Tag>,
    },
    { key: 'percentile', title: t('efficiency.percentile'), align: 'right', render: (_, x) => `${fmt(x.percentile)}%` },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Typography.Text strong>{r.name}</Typography.Text>
            <Tag color={STATUS_COLOR[r.status]}>{t(`efficiency.statuses.${r.status}`)}</Tag>
          </Space>
        }
        extra={
          canWrite && (
            <Space>
              {(r.status === 'draft' || r.status === 'computed') && (
                <Button type="primary" loading={busy} onClick={() => act('compute')}>
                  {t(r.status === 'draft' ? 'efficiency.compute' : 'efficiency.recompute')}
                </Button>
              )}
              {r.status === 'computed' && (
                <Popconfirm
                  title={t('efficiency.publishConfirm')}
                  onConfirm={() => act('publish', { objectionWorkdays: 5 })}
                >
                  <Button loading={busy}>{t('efficiency.publish')}</Button>
                </Popconfirm>
              )}
              {r.status === 'published' && (
                <Button loading={busy} onClick={() => act('finalize')}>
                  {t('efficiency.finalize')}
                </Button>
              )}
            </Space>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('efficiency.year')}>{r.year}</Descriptions.Item>
          <Descriptions.Item label={t('efficiency.method')}>
            {t(`efficiency.methods.${r.params.method}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('efficiency.benchmarkSource')}>
            {t(`efficiency.sources.${r.params.benchmarkSource}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('efficiency.minLandMu')}>{r.params.scope.minLandMu}</Descriptions.Item>
          <Descriptions.Item label={t('efficiency.missing')}>
            {t(`efficiency.missingRules.${r.params.missing}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('efficiency.bands')}>
            {r.params.bands.map((b) => `${b.cls} ≤ ${b.upTo}%`).join(' · ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('efficiency.population')}>{r.population}</Descriptions.Item>
          <Descriptions.Item label={t('efficiency.computedAt')}>
            {formatDateTime(r.computedAt, i18n.language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('efficiency.objectionEndsOn')}>
            {r.objectionEndsOn
              ? `${r.objectionEndsOn}${r.objectionEndsProvisional ? ` (${t('efficiency.provisional')})` : ''}`
              : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {r.status === 'draft' ? (
        <Alert type="info" showIcon message={t('efficiency.notComputed')} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={8}>
            <Card title={t('efficiency.classCounts')} size="small">
              <EChart option={chart} height={260} ariaLabel={t('efficiency.classCounts')} />
            </Card>
            {r.benchmarks && (
              <Card title={t('efficiency.benchmarks')} size="small" style={{ marginTop: 16 }}>
                {efficiencyGroups.map((g) => (
                  <Descriptions key={g} size="small" column={1} title={t(`efficiency.groups.${g}`)}>
                    {Object.entries(r.benchmarks?.[g] ?? {}).map(([k, v]) => (
                      <Descriptions.Item key={k} label={t(`efficiency.indicators.${k}`)}>
                        {fmt(v, 4)}
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                ))}
              </Card>
            )}
          </Col>
          <Col xs={24} lg={16}>
            <ListTable<Result>
              tableId="efficiency.results"
              initialFilters={initialFilters}
              endpoint={endpoint}
              rowKey={(x) => x.id}
              columns={columns}
              searchPlaceholder={t('efficiency.searchResults')}
              filters={[
                { name: 'group', label: t('efficiency.group'), options: groupOptions, width: 110 },
                { name: 'cls', label: t('efficiency.cls'), options: classOptions, width: 90 },
              ]}
              toolbar={(q) => <ExportButton endpoint={endpoint} query={q} />}
            />
          </Col>
        </Row>
      )}
      <ResultDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}

/** An enterprise's score explained: each indicator's value, benchmark (or min/max), weight and points. */
function ResultDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const result = useResult(id);
  const x = result.data;
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      width={720}
      title={x ? x.enterpriseName : t('efficiency.breakdown')}
      destroyOnHidden
    >
      {x && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('efficiency.group')}>{t(`efficiency.groups.${x.group}`)}</Descriptions.Item>
            <Descriptions.Item label={t('efficiency.cls')}>
              <Tag color={CLASS_COLOR[x.cls]}>{x.cls}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('efficiency.score')}>{fmt(x.score)}</Descriptions.Item>
            <Descriptions.Item label={t('efficiency.rank')}>
              {x.rank} / {x.groupSize}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            pagination={false}
            rowKey="indicator"
            aria-label={t('efficiency.breakdown')}
            dataSource={x.breakdown}
            columns={[
              {
                key: 'i',
                title: t('efficiency.indicator'),
                render: (_, l) => t(`efficiency.indicators.${l.indicator}`),
              },
              { key: 'v', title: t('efficiency.value'), align: 'right', render: (_, l) => fmt(l.value, 4) },
              {
                key: 'b',
                title: t('efficiency.benchmark'),
                align: 'right',
                render: (_, l) =>
                  l.benchmark !== null ? fmt(l.benchmark, 4) : l.min !== null ? `${fmt(l.min)}–${fmt(l.max)}` : '—',
              },
              { key: 'w', title: t('efficiency.weight'), align: 'right', render: (_, l) => l.weight },
              {
                key: 'p',
                title: t('efficiency.points'),
                align: 'right',
                render: (_, l) => (
                  <Space size={4}>
                    {fmt(l.points)}
                    {l.basis !== 'value' && <Tag>{t(`efficiency.basis.${l.basis}`)}</Tag>}
                  </Space>
                ),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  {t('efficiency.baseScore')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {fmt(x.baseScore)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          {x.adjustments.length > 0 && (
            <Card size="small" title={t('efficiency.adjustments')}>
              {x.adjustments.map((a) => (
                <div key={a.code}>
                  {t(`efficiency.adjustment.${a.code}`)}
                  {a.points !== 0 && ` ${a.points}`}
                  {a.classFrom && ` (${a.classFrom} → ${a.classTo})`}
                </div>
              ))}
            </Card>
          )}
          <Card size="small" title={t('efficiency.policies')}>
            {x.policies.length === 0
              ? t('efficiency.noPolicy')
              : x.policies.map((p) => <div key={p.code}>{t(`efficiency.policy.${p.code}`, { value: p.value })}</div>)}
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
