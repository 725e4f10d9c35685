import { type Whistle, whistleStatuses } from '@shared/reform';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Flex, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { CreateButton } from '../../../shared/components/CreateButton';
import { ExportButton } from '../../../shared/components/ExportButton';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { useEnumOptions } from '../../../shared/format';
import { useCan } from '../../../shared/session';
import { useDistrictDepartments, WHISTLES } from '../api';
import { DistrictDepartmentsCard } from '../components/DistrictDepartmentsCard';
import { LeagueCard } from '../components/LeagueCard';
import { CloseModal, RespondModal, WhistleFormModal } from '../components/WhistleModals';

const STATUS_BADGE = { open: 'processing', responded: 'success', closed: 'default' } as const;

/** 园区吹哨、部门报到: matters raised to district departments, deadlines in working days, league table. */
export default function WhistlesPage() {
  const { t } = useTranslation();
  const canRaise = useCan('reform.whistle');
  const client = useQueryClient();
  const [params] = useSearchParams();
  const depts = useDistrictDepartments();
  const statusOptions = useEnumOptions(whistleStatuses, 'reform.whistleStatus');
  const [modal, setModal] = useState<{ kind: 'raise' | 'respond' | 'close'; row?: Whistle } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: [WHISTLES] });

  const columns: ListColumn<Whistle>[] = [
    {
      key: 'code',
      title: t('reform.whistle.code'),
      sortable: true,
      alwaysVisible: true,
      dataIndex: 'code',
      width: 120,
    },
    { key: 'title', title: t('reform.whistle.title'), alwaysVisible: true, dataIndex: 'title' },
    { key: 'departmentName', title: t('reform.whistle.department'), dataIndex: 'departmentName' },
    { key: 'raisedOn', title: t('reform.whistle.raisedOn'), sortable: true, dataIndex: 'raisedOn' },
    {
      key: 'dueOn',
      title: t('reform.whistle.dueOn'),
      sortable: true,
      render: (_, r) => (
        <Space size={4}>
          <span data-testid="due-on">{r.dueOn}</span>
          <Tag>{t('reform.whistle.daysShort', { days: r.responseDays })}</Tag>
          {r.dueProvisional && (
            <Tooltip title={t('reform.whistle.provisionalHelp')}>
              <Tag color="orange">{t('reform.whistle.provisional')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('reform.whistle.status'),
      render: (_, r) => (
        <Space size={4}>
          <Badge status={STATUS_BADGE[r.status]} text={t(`reform.whistleStatus.${r.status}`)} />
          {r.overdue && <Tag color="red">{t('reform.whistle.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'respondedOn',
      title: t('reform.whistle.respondedOn'),
      sortable: true,
      render: (_, r) => r.respondedOn ?? '—',
    },
    {
      key: 'responseWorkdays',
      title: t('reform.whistle.tookDays'),
      align: 'right',
      render: (_, r) => r.responseWorkdays ?? '—',
    },
    { key: 'response', title: t('reform.whistle.response'), dataIndex: 'response', defaultHidden: true },
    { key: 'closedOn', title: t('reform.whistle.closedOn'), defaultHidden: true, render: (_, r) => r.closedOn ?? '—' },
  ];
  if (canRaise) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      fixed: 'right',
      render: (_, r) =>
        r.status === 'open' ? (
          <Button size="small" type="link" onClick={() => setModal({ kind: 'respond', row: r })}>
            {t('reform.whistle.respond')}
          </Button>
        ) : r.status === 'responded' ? (
          <Button size="small" type="link" onClick={() => setModal({ kind: 'close', row: r })}>
            {t('reform.whistle.close')}
          </Button>
        ) : null,
    });
  }

  return (
    <Flex vertical gap={16}>
      <ListTable<Whistle>
        tableId="reform.whistles"
        endpoint={WHISTLES}
        title={t('menu.reformWhistles')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('reform.whistle.searchPlaceholder')}
        defaultSort={{ field: 'raisedOn', order: 'descend' }}
        initialFilters={{
          status: params.get('status') ?? undefined,
          overdue: params.get('overdue') ?? undefined,
          departmentId: params.get('departmentId') ?? undefined,
        }}
        filters={[
          { name: 'status', label: t('reform.whistle.status'), options: statusOptions, width: 110 },
          {
            name: 'departmentId',
            label: t('reform.whistle.department'),
            options: (depts.data ?? []).map((d) => ({ value: d.id, label: d.name })),
            width: 180,
          },
          {
            name: 'overdue',
            label: t('reform.whistle.overdue'),
            options: [
              { value: 'true', label: t('reform.whistle.overdueYes') },
              { value: 'false', label: t('reform.whistle.overdueNo') },
            ],
            width: 110,
          },
        ]}
        toolbar={(listQuery) => (
          <>
            <ExportButton endpoint={WHISTLES} query={listQuery} />
            {canRaise && <CreateButton onClick={() => setModal({ kind: 'raise' })} label={t('reform.whistle.raise')} />}
          </>
        )}
      />
      <LeagueCard />
      <DistrictDepartmentsCard />
      {canRaise && (
        <>
          <WhistleFormModal
            key={modal?.kind === 'raise' ? 'raise' : 'raise-closed'}
            open={modal?.kind === 'raise'}
            onClose={() => setModal(null)}
            onSubmit={(v) => api.post(WHISTLES, v).then(refresh)}
          />
          <RespondModal
            key={modal?.kind === 'respond' ? `respond-${modal.row?.id}` : 'respond-closed'}
            open={modal?.kind === 'respond'}
            onClose={() => setModal(null)}
            onSubmit={(v) => api.post(`${WHISTLES}/${modal?.row?.id}/respond`, v).then(refresh)}
          />
          <CloseModal
            key={modal?.kind === 'close' ? `close-${modal.row?.id}` : 'close-closed'}
            open={modal?.kind === 'close'}
            onClose={() => setModal(null)}
            onSubmit={(v) => api.post(`${WHISTLES}/${modal?.row?.id}/close`, v).then(refresh)}
          />
        </>
      )}
    </Flex>
  );
}
