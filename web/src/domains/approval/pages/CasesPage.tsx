import { type Case, caseStatuses } from '@shared/approval';
import { Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CreateButton } from '../../../shared/components/CreateButton';
import { ExportButton } from '../../../shared/components/ExportButton';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { useCan } from '../../../shared/session';
import { CASES, LIGHT_COLOR, useItemOptions } from '../api';
import { ApplyModal } from '../components/ApplyModal';

/** 办件: the cases the caller may see, with their live clocks; drill-down links arrive with filters in the URL. */
export default function CasesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const canApply = useCan('approval.act');
  const [applying, setApplying] = useState(false);
  const items = useItemOptions();
  const initialFilters = Object.fromEntries(
    ['status', 'itemId', 'leadDepartmentId', 'projectCode', 'light'].flatMap((k) => {
      const v = params.get(k);
      return v ? [[k, v]] : [];
    }),
  );

  const columns: ListColumn<Case>[] = [
    {
      key: 'caseNo',
      title: t('approval.caseNo'),
      sortable: true,
      alwaysVisible: true,
      render: (_, r) => <Link to={`/approval/cases/${r.id}`}>{r.caseNo}</Link>,
    },
    {
      key: 'items',
      title: t('approval.chooseItems'),
      render: (_, r) => (
        <Space size={4} wrap>
          {r.bundle && <Tag color="purple">{t('approval.bundle')}</Tag>}
          {r.itemNames.join('、')}
        </Space>
      ),
    },
    { key: 'enterpriseName', title: t('approval.enterprise') },
    { key: 'leadDepartmentName', title: t('approval.leadDepartment'), render: (_, r) => r.leadDepartmentName ?? '—' },
    {
      key: 'status',
      title: t('approval.status'),
      sortable: true,
      render: (_, r) => <Tag>{t(`approval.statuses.${r.status}`)}</Tag>,
    },
    { key: 'submittedOn', title: t('approval.submittedOn'), sortable: true, render: (_, r) => r.submittedOn ?? '—' },
    {
      key: 'committedDue',
      title: t('approval.committedDue'),
      sortable: true,
      render: (_, r) =>
        r.clock.committedDue ? (
          <Tooltip title={r.clock.provisional ? t('approval.provisional') : undefined}>
            {r.clock.committedDue}
            {r.clock.provisional ? ' *' : ''}
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      key: 'light',
      title: t('approval.light'),
      render: (_, r) => (
        <Space size={4}>
          {r.clock.light !== 'none' && (
            <Tag color={LIGHT_COLOR[r.clock.light]}>{t(`approval.lights.${r.clock.light}`)}</Tag>
          )}
          {r.clock.overdue && <Tag color="red">{t('approval.overdue')}</Tag>}
          {r.clock.paused && <Tag>{t('approval.paused')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'projectName',
      title: t('approval.projectName'),
      defaultHidden: true,
      render: (_, r) => r.projectName ?? '—',
    },
  ];

  return (
    <>
      <ListTable<Case>
        tableId="approval.cases"
        endpoint={CASES}
        title={t('approval.cases')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('approval.searchCases')}
        defaultSort={{ field: 'createdAt', order: 'descend' }}
        initialFilters={initialFilters}
        filters={[
          {
            name: 'status',
            label: t('approval.status'),
            options: caseStatuses.map((s) => ({ value: s, label: t(`approval.statuses.${s}`) })),
          },
          {
            name: 'itemId',
            label: t('approval.item'),
            options: (items.data ?? []).map((i) => ({ value: i.id, label: i.name })),
            width: 220,
          },
          {
            name: 'light',
            label: t('approval.light'),
            options: [
              { value: 'open', label: t('approval.open') },
              { value: 'overdue', label: t('approval.overdue') },
            ],
            width: 110,
          },
        ]}
        toolbar={(listQuery) => (
          <>
            <ExportButton endpoint={CASES} query={listQuery} />
            {canApply && <CreateButton label={t('approval.apply')} onClick={() => setApplying(true)} />}
          </>
        )}
      />
      {canApply && <ApplyModal open={applying} onClose={() => setApplying(false)} />}
    </>
  );
}
