import { type Matter, type MatterInput, matterCategories, matterStatuses } from '@shared/reform-platform';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Flex } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { ListColumn } from '../../../../shared/components/ListTable';
import { RowActions } from '../../../../shared/components/RowActions';
import { useEnumOptions } from '../../../../shared/format';
import { useCan } from '../../../../shared/session';
import { MATTERS, PLATFORM } from '../../api';
import { figureColumn, yuan } from './format';
import { DecisionModal, MatterModal } from './MatterModals';
import { PlatformListTab, usePlatformCrud } from './PlatformListTab';

const STATUS_BADGE = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  executed: 'success',
} as const;

/** 重大事项: a matter is drafted, submitted to the committee, decided at a meeting, then executed. */
export function MattersTab() {
  const { t } = useTranslation();
  const canEdit = useCan('reform.platform');
  const canDecide = useCan('reform.write');
  const client = useQueryClient();
  const crud = usePlatformCrud<Matter, MatterInput>('matters');
  const [deciding, setDeciding] = useState<Matter | null>(null);
  const categories = useEnumOptions(matterCategories, 'reform.platform.category');
  const statuses = useEnumOptions(matterStatuses, 'reform.platform.status');
  const today = dayjs().format('YYYY-MM-DD');
  const act = async (r: Matter, action: string, body: object) => {
    await api.post(`${MATTERS}/${r.id}/${action}`, body);
    await Promise.all([MATTERS, PLATFORM].map((k) => client.invalidateQueries({ queryKey: [k] })));
  };
  const columns: ListColumn<Matter>[] = [
    { key: 'title', title: t('reform.platform.title'), dataIndex: 'title', alwaysVisible: true },
    {
      key: 'category',
      title: t('reform.platform.categoryLabel'),
      render: (_, r) => t(`reform.platform.category.${r.category}`),
    },
    figureColumn('amountFen', t('reform.platform.amount'), (r) => yuan(r.amountFen)),
    {
      key: 'status',
      title: t('reform.platform.statusLabel'),
      sortable: true,
      render: (_, r) => <Badge status={STATUS_BADGE[r.status]} text={t(`reform.platform.status.${r.status}`)} />,
    },
    {
      key: 'submittedOn',
      title: t('reform.platform.submittedOn'),
      sortable: true,
      render: (_, r) => r.submittedOn ?? '—',
    },
    { key: 'meeting', title: t('reform.platform.meeting'), render: (_, r) => r.meeting || '—' },
    { key: 'decidedOn', title: t('reform.platform.decidedOn'), sortable: true, render: (_, r) => r.decidedOn ?? '—' },
    { key: 'decisionNote', title: t('reform.platform.decisionNote'), dataIndex: 'decisionNote', defaultHidden: true },
    {
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      render: (_, r) => (
        <Flex gap={4}>
          {canEdit && r.status === 'draft' && (
            <>
              <RowActions name={r.title} onEdit={() => crud.openEdit(r)} onDelete={() => crud.remove(r.id)} />
              <Button size="small" type="link" onClick={() => act(r, 'submit', { submittedOn: today })}>
                {t('reform.platform.submit')}
              </Button>
            </>
          )}
          {canDecide && r.status === 'submitted' && (
            <Button size="small" type="link" onClick={() => setDeciding(r)}>
              {t('reform.platform.decide')}
            </Button>
          )}
          {canEdit && r.status === 'approved' && (
            <Button size="small" type="link" onClick={() => act(r, 'execute', { executedOn: today })}>
              {t('reform.platform.execute')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <PlatformListTab
      crud={crud}
      codeWidth={120}
      columns={columns}
      filters={[
        { name: 'status', label: t('reform.platform.statusLabel'), options: statuses, width: 120 },
        { name: 'category', label: t('reform.platform.categoryLabel'), options: categories, width: 140 },
      ]}
      modal={<MatterModal crud={crud} />}
    >
      {canDecide && (
        <DecisionModal
          key={deciding?.id ?? 'none'}
          matter={deciding}
          onClose={() => setDeciding(null)}
          onSubmit={(v) => act(deciding!, 'decide', v)}
        />
      )}
    </PlatformListTab>
  );
}
