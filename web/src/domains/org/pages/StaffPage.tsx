import { establishmentTypes, type Staff, type StaffInput, staffStatuses } from '@shared/org';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CreateButton } from '../../../shared/components/CreateButton';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { RowActions } from '../../../shared/components/RowActions';
import { formatCoefficient, useEnumOptions } from '../../../shared/format';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useCan } from '../../../shared/session';
import { DEPARTMENTS, POSTS, STAFF, useDepartmentOptions } from '../api';
import { StaffFormModal } from '../components/StaffFormModal';

const RELATED = [DEPARTMENTS, POSTS];

export default function StaffPage() {
  const { t } = useTranslation();
  const canWrite = useCan('staff.write');
  const canRead = useCan('staff.read');
  const client = useQueryClient();
  const crud = useEntityCrud<Staff, StaffInput>(STAFF, RELATED);
  const departments = useDepartmentOptions();
  const establishmentOptions = useEnumOptions(establishmentTypes, 'enums.establishment');
  const statusOptions = useEnumOptions(staffStatuses, 'enums.staffStatus');

  const columns: ListColumn<Staff>[] = [
    { key: 'employeeNo', title: t('org.staff.employeeNo'), sortable: true },
    { key: 'name', title: t('org.staff.name'), sortable: true, alwaysVisible: true },
    { key: 'gender', title: t('org.staff.gender'), render: (_, r) => t(`enums.gender.${r.gender}`) },
    { key: 'departmentName', title: t('org.staff.department') },
    // 双轨: the archive rank (档案职级) and the appointed post (聘任岗位) are shown side by side.
    {
      key: 'archiveRank',
      title: t('org.staff.archiveRank'),
      render: (_, r) => <Tag>{t(`enums.archiveRank.${r.archiveRank}`)}</Tag>,
    },
    {
      key: 'postName',
      title: t('org.staff.post'),
      render: (_, r) => (r.postName ? <Tag color="blue">{r.postName}</Tag> : t('org.staff.noPost')),
    },
    {
      key: 'postCoefficient',
      title: t('org.staff.postCoefficient'),
      align: 'right',
      defaultHidden: true,
      render: (_, r) => formatCoefficient(r.postCoefficient),
    },
    {
      key: 'establishmentType',
      title: t('org.staff.establishmentType'),
      render: (_, r) => t(`enums.establishment.${r.establishmentType}`),
    },
    { key: 'phone', title: t('org.staff.phone'), defaultHidden: true, render: (_, r) => r.phone || '—' },
    { key: 'hiredOn', title: t('org.staff.hiredOn'), sortable: true, render: (_, r) => r.hiredOn ?? '—' },
    {
      key: 'status',
      title: t('org.staff.status'),
      render: (_, r) => (
        <Badge status={r.status === 'active' ? 'success' : 'default'} text={t(`enums.staffStatus.${r.status}`)} />
      ),
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
      <ListTable<Staff>
        tableId="org.staff"
        endpoint={STAFF}
        title={t('menu.staff')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('org.staff.searchPlaceholder')}
        filters={[
          { name: 'departmentId', label: t('org.staff.department'), options: departments.options, width: 180 },
          { name: 'establishmentType', label: t('org.staff.establishmentType'), options: establishmentOptions },
          { name: 'status', label: t('org.staff.status'), options: statusOptions, width: 120 },
        ]}
        toolbar={(listQuery) => (
          <>
            {canWrite && (
              <ImportDialog
                kind="staff"
                title={t('excel.titles.staff')}
                onDone={() => client.invalidateQueries({ queryKey: [STAFF] })}
              />
            )}
            {canRead && <ExportButton endpoint={STAFF} query={listQuery} />}
            {canWrite && <CreateButton onClick={crud.openCreate} />}
          </>
        )}
      />
      {canWrite && (
        <StaffFormModal
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
