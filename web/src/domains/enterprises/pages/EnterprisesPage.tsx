import {
  type Enterprise,
  type EnterpriseInput,
  enterpriseScales,
  enterpriseStatuses,
  enterpriseTags,
} from '@shared/enterprises';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { CreateButton } from '../../../shared/components/CreateButton';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { RowActions } from '../../../shared/components/RowActions';
import { formatDateTime, useEnumOptions } from '../../../shared/format';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useCan, useSession } from '../../../shared/session';
import { ENTERPRISES, useIndustryTree, useSubParkOptions } from '../api';
import { EnterpriseFormModal } from '../components/EnterpriseFormModal';

const STATUS_BADGE = {
  operating: 'success',
  suspended: 'warning',
  moved_out: 'default',
  deregistered: 'error',
} as const;

const area = (v: number | null) => (v === null ? '—' : v.toLocaleString(undefined, { maximumFractionDigits: 2 }));

/** 企业库: search (name, credit code, pinyin initials), filters, sort, column settings; create/edit dialog. */
export default function EnterprisesPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const canWrite = useCan('enterprises.write');
  const client = useQueryClient();
  const crud = useEntityCrud<Enterprise, EnterpriseInput>(ENTERPRISES);
  const parks = useSubParkOptions();
  const industries = useIndustryTree();
  const scaleOptions = useEnumOptions(enterpriseScales, 'enums.enterpriseScale');
  const statusOptions = useEnumOptions(enterpriseStatuses, 'enums.enterpriseStatus');
  const tagOptions = useEnumOptions(enterpriseTags, 'enums.enterpriseTag');
  const sectionOptions = (industries.data ?? []).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));

  // An enterprise account has exactly one record: its own page.
  if (session?.user.role === 'enterprise') return <Navigate to="/my-enterprise" replace />;

  const columns: ListColumn<Enterprise>[] = [
    {
      key: 'name',
      title: t('enterprises.name'),
      sortable: true,
      alwaysVisible: true,
      render: (_, r) => <Link to={`/enterprises/${r.id}`}>{r.name}</Link>,
    },
    {
      key: 'creditCode',
      title: t('enterprises.creditCode'),
      sortable: true,
      render: (_, r) => <Typography.Text style={{ fontFamily: 'monospace' }}>{r.creditCode}</Typography.Text>,
    },
    { key: 'subParkName', title: t('enterprises.subPark'), render: (_, r) => r.subParkName ?? '—' },
    {
      key: 'industryCode',
      title: t('enterprises.industry'),
      sortable: true,
      render: (_, r) => `${r.industryCode} ${r.industryName}`,
    },
    {
      key: 'scale',
      title: t('enterprises.scale'),
      render: (_, r) => (
        <Tag color={r.scale === 'above' ? 'blue' : 'default'}>{t(`enums.enterpriseScale.${r.scale}`)}</Tag>
      ),
    },
    {
      key: 'tags',
      title: t('enterprises.tags'),
      render: (_, r) =>
        r.tags.length ? (
          <Space size={4} wrap>
            {r.tags.map((tag) => (
              <Tag key={tag} color="gold">
                {t(`enums.enterpriseTag.${tag}`)}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    { key: 'landMu', title: t('enterprises.landMu'), sortable: true, align: 'right', render: (_, r) => area(r.landMu) },
    {
      key: 'buildingM2',
      title: t('enterprises.buildingM2'),
      sortable: true,
      align: 'right',
      defaultHidden: true,
      render: (_, r) => area(r.buildingM2),
    },
    {
      key: 'serviceOfficerName',
      title: t('enterprises.serviceOfficer'),
      render: (_, r) => r.serviceOfficerName ?? '—',
    },
    { key: 'establishedOn', title: t('enterprises.establishedOn'), sortable: true, defaultHidden: true },
    {
      key: 'status',
      title: t('enterprises.status'),
      render: (_, r) => <Badge status={STATUS_BADGE[r.status]} text={t(`enums.enterpriseStatus.${r.status}`)} />,
    },
    {
      key: 'updatedAt',
      title: t('common.updatedAt'),
      sortable: true,
      defaultHidden: true,
      render: (_, r) => formatDateTime(r.updatedAt, i18n.language),
    },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      fixed: 'right',
      render: (_, r) => <RowActions name={r.name} onEdit={() => crud.openEdit(r)} onDelete={() => crud.remove(r.id)} />,
    });
  }

  return (
    <>
      <ListTable<Enterprise>
        tableId="enterprises.list"
        endpoint={ENTERPRISES}
        title={t('menu.enterprises')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('enterprises.searchPlaceholder')}
        defaultSort={{ field: 'name', order: 'ascend' }}
        filters={[
          { name: 'subParkId', label: t('enterprises.subPark'), options: parks.options },
          { name: 'industry', label: t('enterprises.industrySection'), options: sectionOptions, width: 200 },
          { name: 'scale', label: t('enterprises.scale'), options: scaleOptions, width: 110 },
          { name: 'tag', label: t('enterprises.tag'), options: tagOptions },
          { name: 'status', label: t('enterprises.status'), options: statusOptions, width: 110 },
        ]}
        toolbar={(listQuery) => (
          <>
            {canWrite && (
              <ImportDialog
                kind="enterprises"
                title={t('excel.titles.enterprises')}
                onDone={() => client.invalidateQueries({ queryKey: [ENTERPRISES] })}
              />
            )}
            <ExportButton endpoint={ENTERPRISES} query={listQuery} />
            {canWrite && <CreateButton onClick={crud.openCreate} />}
          </>
        )}
      />
      {canWrite && (
        <EnterpriseFormModal
          open={crud.open}
          editing={crud.editing}
          form={crud.form}
          onClose={crud.close}
          onSubmit={crud.save}
        />
      )}
    </>
  );
}
