import { type PipelineProject, projectTypes } from '@shared/investment';
import { Badge, Card, Empty, Flex, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateButton } from '../../../shared/components/CreateButton';
import { EChart } from '../../../shared/components/EChart';
import { ExportButton } from '../../../shared/components/ExportButton';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { useEnumOptions } from '../../../shared/format';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useUrlFilters } from '../../../shared/hooks/useUrlFilters';
import { useCan } from '../../../shared/session';
import { PIPELINE, useBoard, useFunnel, useSettings, wan } from '../api';
import { ProjectDrawer } from '../components/ProjectDrawer';
import { ProjectFormModal, type ProjectFormValues, toInput } from '../components/ProjectFormModal';

type View = 'kanban' | 'table' | 'funnel';

function Flags({ p }: { p: PipelineProject }) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      {(['fortune500', 'listed', 'xiangshangReturn'] as const)
        .filter((f) => p[f])
        .map((f) => (
          <Tag key={f} color="gold" style={{ marginInlineEnd: 0 }}>
            {t(`investment.flag.${f}`)}
          </Tag>
        ))}
    </Space>
  );
}

/** 招商项目库: kanban per stage of a project type, table with filters/export, funnel with conversion and days. */
export default function InvestmentPage() {
  const { t } = useTranslation();
  const initialFilters = useUrlFilters(['type', 'stage', 'teamId', 'flag']);
  // A drill-down link (e.g. a funnel stage on the cockpit) opens the filtered table.
  const [view, setView] = useState<View>(Object.keys(initialFilters).length ? 'table' : 'kanban');
  const [type, setType] = useState<(typeof projectTypes)[number]>('industrial');
  const [openId, setOpenId] = useState<string | null>(null);
  const canWrite = useCan('investment.write');
  const crud = useEntityCrud<PipelineProject, ProjectFormValues>(PIPELINE);
  const types = useEnumOptions(projectTypes, 'investment.type');
  const settings = useSettings();
  const stageOptions = (settings.data?.stageSets[type] ?? []).map((s) => ({ value: s.key, label: s.name }));

  const columns: ListColumn<PipelineProject>[] = [
    {
      key: 'name',
      title: t('investment.name'),
      sortable: true,
      alwaysVisible: true,
      render: (_, r) => <Typography.Link onClick={() => setOpenId(r.id)}>{r.name}</Typography.Link>,
    },
    { key: 'type', title: t('investment.typeLabel'), render: (_, r) => t(`investment.type.${r.type}`) },
    { key: 'stage', title: t('investment.stage'), render: (_, r) => <Tag color="blue">{r.stageName}</Tag> },
    { key: 'investor', title: t('investment.investor') },
    { key: 'teamName', title: t('investment.team'), render: (_, r) => r.teamName ?? '—' },
    {
      key: 'agreedInvestmentFen',
      title: t('investment.agreedWan'),
      sortable: true,
      align: 'right',
      render: (_, r) => wan(r.agreedInvestmentFen),
    },
    { key: 'flags', title: t('investment.flags'), render: (_, r) => <Flags p={r} /> },
    { key: 'signedOn', title: t('investment.signedOn'), sortable: true, render: (_, r) => r.signedOn ?? '—' },
  ];

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('investment.menu')}
            </Typography.Title>
            <Segmented<View>
              value={view}
              onChange={setView}
              options={[
                { value: 'kanban', label: t('investment.views.kanban') },
                { value: 'table', label: t('investment.views.table') },
                { value: 'funnel', label: t('investment.views.funnel') },
              ]}
            />
            {view !== 'table' && <Segmented value={type} onChange={(v) => setType(v as typeof type)} options={types} />}
          </Space>
          {canWrite && <CreateButton onClick={crud.openCreate} label={t('investment.newProject')} />}
        </Flex>
      </Card>
      {view === 'kanban' && <Kanban type={type} onOpen={setOpenId} />}
      {view === 'funnel' && <FunnelView type={type} />}
      {view === 'table' && (
        <ListTable<PipelineProject>
          tableId="investment.pipeline"
          endpoint={PIPELINE}
          rowKey={(r) => r.id}
          columns={columns}
          searchPlaceholder={t('investment.searchPlaceholder')}
          initialFilters={initialFilters}
          filters={[
            { name: 'type', label: t('investment.typeLabel'), options: types, width: 120 },
            { name: 'stage', label: t('investment.stage'), options: stageOptions, width: 120 },
            {
              name: 'flag',
              label: t('investment.flags'),
              options: (['fortune500', 'listed', 'xiangshangReturn'] as const).map((f) => ({
                value: f,
                label: t(`investment.flag.${f}`),
              })),
            },
          ]}
          toolbar={(q) => <ExportButton endpoint={PIPELINE} query={q} />}
        />
      )}
      <ProjectFormModal
        open={crud.open}
        editing={crud.editing}
        form={crud.form}
        onClose={crud.close}
        onSubmit={(v) => crud.save(toInput(v) as unknown as ProjectFormValues)}
      />
      <ProjectDrawer id={openId} onClose={() => setOpenId(null)} />
    </Flex>
  );
}

function Kanban({ type, onOpen }: { type: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const board = useBoard(type);
  const stages = settings.data?.stageSets[type as (typeof projectTypes)[number]] ?? [];
  if (board.isLoading || settings.isLoading) return <Spin />;
  return (
    <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }}>
      {stages.map((s) => {
        const items = (board.data?.data ?? []).filter((p) => p.stage === s.key);
        const total = items.reduce((a, p) => a + p.agreedInvestmentFen, 0);
        return (
          <Card
            key={s.key}
            size="small"
            data-testid={`stage-${s.key}`}
            title={
              <Space>
                {s.name}
                <Badge count={items.length} showZero color="#1677ff" />
              </Space>
            }
            extra={<Typography.Text type="secondary">{wan(total)}</Typography.Text>}
            style={{ minWidth: 240, flex: '0 0 240px', background: '#fafafa' }}
          >
            <Flex vertical gap={8}>
              {items.length === 0 && (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('investment.noProjects')} />
              )}
              {items.map((p) => (
                <Card key={p.id} size="small" hoverable onClick={() => onOpen(p.id)}>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      {p.investor || '—'} · {wan(p.agreedInvestmentFen)} {t('investment.wan')}
                    </Typography.Text>
                  </div>
                  <Flags p={p} />
                  {p.pendingMoveId && <Tag color="orange">{t('investment.awaitingApproval')}</Tag>}
                </Card>
              ))}
            </Flex>
          </Card>
        );
      })}
    </div>
  );
}

function FunnelView({ type }: { type: string }) {
  const { t } = useTranslation();
  const funnel = useFunnel(type);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' as const },
      series: [
        {
          type: 'funnel' as const,
          sort: 'none' as const,
          left: '10%',
          width: '80%',
          label: { formatter: '{b}: {c}' },
          data: (funnel.data?.stages ?? []).map((s) => ({ name: s.name, value: s.reached })),
        },
      ],
    }),
    [funnel.data],
  );
  return (
    <Card>
      <Flex gap={24} wrap>
        <div style={{ flex: '1 1 360px' }}>
          <EChart option={option} />
        </div>
        <Table
          style={{ flex: '1 1 420px' }}
          size="small"
          pagination={false}
          rowKey="key"
          loading={funnel.isLoading}
          dataSource={funnel.data?.stages ?? []}
          columns={[
            { key: 'name', dataIndex: 'name', title: t('investment.stage') },
            { key: 'current', dataIndex: 'current', title: t('investment.funnel.current'), align: 'right' },
            { key: 'reached', dataIndex: 'reached', title: t('investment.funnel.reached'), align: 'right' },
            {
              key: 'conversion',
              dataIndex: 'conversion',
              title: t('investment.funnel.conversion'),
              align: 'right',
              render: (v: string) => (v ? `${v}%` : '—'),
            },
            {
              key: 'avgDays',
              dataIndex: 'avgDays',
              title: t('investment.funnel.avgDays'),
              align: 'right',
              render: (v: string) => v || '—',
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
