import { PlusOutlined } from '@ant-design/icons';
import { type Demand, demandSources, demandStatuses, demandTags } from '@shared/services';
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportButton } from '../../../shared/components/ExportButton';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { useEnumOptions } from '../../../shared/format';
import { useUrlFilters } from '../../../shared/hooks/useUrlFilters';
import { useCan } from '../../../shared/session';
import { DEMANDS, useDepartmentOptions } from '../api';
import { DemandFormModal } from '../components/DemandFormModal';
import { DemandMetrics } from '../components/DemandMetrics';
import { DemandStatusTag, DueDate } from '../components/DemandStatusTag';

/** 诉求/问题卡: the list (an enterprise sees its own; a department what is routed to it), metrics, new demand. */
export default function DemandsPage() {
  const { t } = useTranslation();
  const initialFilters = useUrlFilters(['status', 'overdue', 'tag', 'source', 'departmentId', 'escalated']);
  const canCreate = useCan('demands.create');
  const canMetrics = useCan('services.metrics');
  const canSeeDepartments = useCan('org.read');
  const [creating, setCreating] = useState(false);
  const departments = useDepartmentOptions(canSeeDepartments);
  const statusOptions = useEnumOptions(demandStatuses, 'services.status');
  const sourceOptions = useEnumOptions(demandSources, 'services.source');
  const tagOptions = useEnumOptions(demandTags, 'services.tag');
  const yesNo = [
    { value: 'yes', label: t('services.yes') },
    { value: 'no', label: t('services.no') },
  ];

  const columns: ListColumn<Demand>[] = [
    { key: 'serial', title: t('services.serial'), sortable: true, alwaysVisible: true },
    {
      key: 'title',
      title: t('services.title'),
      alwaysVisible: true,
      render: (_, r) => <Link to={`/services/demands/${r.id}`}>{r.title}</Link>,
    },
    { key: 'enterpriseName', title: t('services.enterprise') },
    {
      key: 'tags',
      title: t('services.tags'),
      render: (_, r) => (
        <Space size={4} wrap>
          {r.tags.map((tag) => (
            <Tag key={tag}>{t(`services.tag.${tag}`)}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'status', title: t('services.statusLabel'), render: (_, r) => <DemandStatusTag demand={r} /> },
    {
      key: 'handler',
      title: t('services.handler'),
      render: (_, r) => r.departmentName ?? (r.externalBody ? `${t('services.whistle')}：${r.externalBody}` : '—'),
    },
    { key: 'source', title: t('services.sourceLabel'), render: (_, r) => t(`services.source.${r.source}`) },
    { key: 'receivedOn', title: t('services.receivedOn'), sortable: true },
    {
      key: 'resolveDue',
      title: t('services.resolveDue'),
      sortable: true,
      render: (_, r) => <DueDate date={r.resolveDue} provisional={r.deadlineProvisional} />,
    },
    {
      key: 'satisfaction',
      title: t('services.satisfactionLabel'),
      defaultHidden: true,
      render: (_, r) => (r.satisfaction ? t(`services.satisfaction.${r.satisfaction}`) : '—'),
    },
  ];

  return (
    <>
      {canMetrics && <DemandMetrics />}
      <ListTable<Demand>
        tableId="services.demands"
        endpoint={DEMANDS}
        title={t('services.demandsMenu')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('services.searchPlaceholder')}
        defaultSort={{ field: 'receivedOn', order: 'descend' }}
        initialFilters={initialFilters}
        filters={[
          { name: 'status', label: t('services.statusLabel'), options: statusOptions, width: 120 },
          { name: 'tag', label: t('services.tags'), options: tagOptions, width: 130 },
          { name: 'source', label: t('services.sourceLabel'), options: sourceOptions, width: 110 },
          ...(canSeeDepartments
            ? [{ name: 'departmentId', label: t('services.department'), options: departments }]
            : []),
          { name: 'overdue', label: t('services.overdueFilter'), options: yesNo, width: 100 },
          { name: 'escalated', label: t('services.escalatedFilter'), options: yesNo, width: 100 },
        ]}
        toolbar={(listQuery) => (
          <>
            <ExportButton endpoint={DEMANDS} query={listQuery} />
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('services.newDemand')}
              </Button>
            )}
          </>
        )}
      />
      {canCreate && <DemandFormModal open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
