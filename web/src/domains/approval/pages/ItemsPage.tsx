import { type Item, type ItemInput, itemTypes } from '@shared/approval';
import { useQueryClient } from '@tanstack/react-query';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CreateButton } from '../../../shared/components/CreateButton';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { RowActions } from '../../../shared/components/RowActions';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useCan } from '../../../shared/session';
import { ITEMS, useDepartmentOptions } from '../api';
import { ItemFormModal } from '../components/ItemFormModal';

const pct = (c: number, s: number) => `${((1 - c / s) * 100).toFixed(2)}%`;

/** 审批事项: the service catalogue with filters, Excel import/export and the edit dialog. */
export default function ItemsPage() {
  const { t } = useTranslation();
  const canWrite = useCan('approval.catalog');
  const canSeeDepartments = useCan('org.read');
  const canSeeReform = useCan('reform.read');
  const client = useQueryClient();
  const crud = useEntityCrud<Item, ItemInput>(ITEMS);
  const departments = useDepartmentOptions(canSeeDepartments);
  const limit = (n: number, unit: string) => t(unit === 'calendar' ? 'approval.calendarDays' : 'approval.days', { n });

  const columns: ListColumn<Item>[] = [
    { key: 'code', title: t('approval.code'), sortable: true, alwaysVisible: true },
    {
      key: 'name',
      title: t('approval.name'),
      sortable: true,
      alwaysVisible: true,
      render: (_, r) => <Link to={`/approval/cases?itemId=${r.id}`}>{r.name}</Link>,
    },
    { key: 'type', title: t('approval.type'), render: (_, r) => t(`approval.types.${r.type}`) },
    {
      key: 'stage',
      title: t('approval.stage'),
      sortable: true,
      render: (_, r) => (r.stage ? t(`approval.stages.${r.stage}`) : '—'),
    },
    { key: 'leadDepartmentName', title: t('approval.leadDepartment'), render: (_, r) => r.leadDepartmentName ?? '—' },
    {
      key: 'statutoryDays',
      title: t('approval.statutoryDays'),
      sortable: true,
      render: (_, r) => limit(r.statutoryDays, r.limitUnit),
    },
    {
      key: 'committedDays',
      title: t('approval.committedDays'),
      sortable: true,
      render: (_, r) => limit(r.committedDays, r.limitUnit),
    },
    {
      key: 'compression',
      title: t('approval.compression'),
      align: 'right',
      render: (_, r) => pct(r.committedDays, r.statutoryDays),
    },
    {
      key: 'modes',
      title: t('approval.modes'),
      render: (_, r) => (
        <Space size={4} wrap>
          {r.modes.map((m) => (
            <Tag key={m} color={m === 'commitment' ? 'purple' : 'cyan'}>
              {t(`approval.modeNames.${m}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: 'materials', title: t('approval.materials'), align: 'right', render: (_, r) => r.materials.length },
    {
      key: 'fees',
      title: t('approval.fees'),
      defaultHidden: true,
      render: (_, r) => {
        const fen = r.fees.reduce((n, f) => n + f.amountFen, 0);
        return fen === 0 ? t('approval.free') : `¥${(fen / 100).toFixed(2)}`;
      },
    },
    {
      key: 'online',
      title: t('approval.online'),
      render: (_, r) => <Tag color={r.online ? 'green' : 'default'}>{r.online ? '✓' : '✗'}</Tag>,
    },
    {
      key: 'authorityItemCode',
      title: t('approval.authority'),
      render: (_, r) => {
        if (!r.authorityItemCode) return '—';
        if (!r.authority) {
          return (
            <Tooltip title={t('approval.authorityStale')}>
              <Tag color="red">{r.authorityItemCode}</Tag>
            </Tooltip>
          );
        }
        const label = `${r.authority.code} ${r.authority.name}`;
        return (
          <Space size={4} wrap>
            {canSeeReform ? <Link to="/reform/authority">{label}</Link> : label}
            <Tag color={r.authority.source === 'empowered' ? 'blue' : 'default'}>
              {t(`approval.authoritySources.${r.authority.source}`)}
            </Tag>
            {r.authority.handling === 'accept_only' && (
              <Tag color="orange">{t('approval.authorityHandlings.accept_only')}</Tag>
            )}
          </Space>
        );
      },
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
      <ListTable<Item>
        tableId="approval.items"
        endpoint={ITEMS}
        title={t('approval.items')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('approval.searchItems')}
        defaultSort={{ field: 'code', order: 'ascend' }}
        filters={[
          {
            name: 'type',
            label: t('approval.type'),
            options: itemTypes.map((v) => ({ value: v, label: t(`approval.types.${v}`) })),
          },
          {
            name: 'stage',
            label: t('approval.stage'),
            options: ['1', '2', '3', '4'].map((s) => ({ value: s, label: t(`approval.stages.${s}`) })),
            width: 160,
          },
          ...(canSeeDepartments
            ? [{ name: 'leadDepartmentId', label: t('approval.leadDepartment'), options: departments.data ?? [] }]
            : []),
          {
            name: 'online',
            label: t('approval.online'),
            options: [
              { value: 'true', label: '✓' },
              { value: 'false', label: '✗' },
            ],
            width: 100,
          },
        ]}
        toolbar={(listQuery) => (
          <>
            {canWrite && (
              <ImportDialog
                kind="approval-items"
                title={t('approval.items')}
                onDone={() => client.invalidateQueries({ queryKey: [ITEMS] })}
              />
            )}
            <ExportButton endpoint={ITEMS} query={listQuery} />
            {canWrite && <CreateButton onClick={crud.openCreate} />}
          </>
        )}
      />
      {canWrite && (
        <ItemFormModal
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
