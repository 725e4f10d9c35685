import { type Run, type RunInput, runStatuses } from '@shared/efficiency';
import { useQueryClient } from '@tanstack/react-query';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CreateButton } from '../../../shared/components/CreateButton';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { formatDateTime, useEnumOptions } from '../../../shared/format';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useCan } from '../../../shared/session';
import { CLASS_COLOR, RUNS, useDefaults } from '../api';
import { RunFormModal } from '../components/RunFormModal';

export const STATUS_COLOR = {
  draft: 'default',
  computed: 'processing',
  published: 'warning',
  final: 'success',
} as const;

/** 亩均论英雄: the yearly evaluation runs of the zone; import of the yearly data; new run from the defaults. */
export default function EfficiencyRunsPage() {
  const { t, i18n } = useTranslation();
  const canWrite = useCan('efficiency.write');
  const client = useQueryClient();
  const navigate = useNavigate();
  const crud = useEntityCrud<Run, RunInput>(RUNS);
  const defaults = useDefaults(canWrite);
  const statusOptions = useEnumOptions(runStatuses, 'efficiency.statuses');

  const columns: ListColumn<Run>[] = [
    { key: 'year', title: t('efficiency.year'), sortable: true },
    {
      key: 'name',
      title: t('efficiency.name'),
      alwaysVisible: true,
      sortable: true,
      render: (_, r) => <Link to={`/efficiency/${r.id}`}>{r.name}</Link>,
    },
    {
      key: 'status',
      title: t('efficiency.status'),
      render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`efficiency.statuses.${r.status}`)}</Tag>,
    },
    { key: 'population', title: t('efficiency.population'), align: 'right' },
    {
      key: 'classCounts',
      title: t('efficiency.classCounts'),
      render: (_, r) =>
        r.classCounts ? (
          <Space size={4}>
            {Object.entries(r.classCounts).map(([cls, n]) => (
              <Tag key={cls} color={CLASS_COLOR[cls]}>
                {cls} {n}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    { key: 'objectionEndsOn', title: t('efficiency.objectionEndsOn'), render: (_, r) => r.objectionEndsOn ?? '—' },
    {
      key: 'createdAt',
      title: t('common.createdAt'),
      sortable: true,
      render: (_, r) => formatDateTime(r.createdAt, i18n.language),
    },
  ];

  return (
    <>
      <ListTable<Run>
        tableId="efficiency.runs"
        endpoint={RUNS}
        title={t('efficiency.menu')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('efficiency.searchRuns')}
        filters={[{ name: 'status', label: t('efficiency.status'), options: statusOptions, width: 120 }]}
        toolbar={
          canWrite ? (
            <>
              <ImportDialog
                kind="efficiency-data"
                title={t('efficiency.importTitle')}
                onDone={() => client.invalidateQueries({ queryKey: [RUNS] })}
              />
              <CreateButton onClick={crud.openCreate} />
            </>
          ) : null
        }
      />
      {canWrite && defaults.data && (
        <RunFormModal
          open={crud.open}
          form={crud.form}
          defaults={defaults.data}
          onClose={crud.close}
          onSubmit={async (v) => {
            const run = await crud.save(v);
            navigate(`/efficiency/${run.id}`);
          }}
        />
      )}
    </>
  );
}
