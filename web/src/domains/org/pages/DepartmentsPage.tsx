import { type Department, type DepartmentInput, departmentClasses, departmentKinds } from '@shared/org';
import { Badge, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CreateButton } from '../../../shared/components/CreateButton';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { RowActions } from '../../../shared/components/RowActions';
import { formatCoefficient, formatDateTime, localName, useEnumOptions } from '../../../shared/format';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useCan } from '../../../shared/session';
import { DEPARTMENTS, POSTS, STAFF } from '../api';
import { DepartmentFormModal } from '../components/DepartmentFormModal';

const RELATED = [POSTS, STAFF];

export default function DepartmentsPage() {
  const { t, i18n } = useTranslation();
  const canWrite = useCan('org.write');
  const crud = useEntityCrud<Department, DepartmentInput>(DEPARTMENTS, RELATED);
  const classOptions = useEnumOptions(departmentClasses, 'enums.deptClass');
  const kindOptions = useEnumOptions(departmentKinds, 'enums.deptKind');

  const columns: ListColumn<Department>[] = [
    { key: 'code', title: t('org.department.code'), sortable: true },
    {
      key: 'name',
      title: t('org.department.name'),
      sortable: true,
      alwaysVisible: true,
      render: (_, r) => localName(r, i18n.language),
    },
    {
      key: 'class',
      title: t('org.department.class'),
      render: (_, r) => <Tag color={r.class === 'A' ? 'blue' : 'purple'}>{t(`enums.deptClass.${r.class}`)}</Tag>,
    },
    { key: 'kind', title: t('org.department.kind'), render: (_, r) => t(`enums.deptKind.${r.kind}`) },
    {
      key: 'coefficient',
      title: t('org.department.coefficient'),
      sortable: true,
      align: 'right',
      render: (_, r) => formatCoefficient(r.coefficient),
    },
    { key: 'establishment', title: t('org.department.establishment'), sortable: true, align: 'right' },
    { key: 'staffCount', title: t('org.department.staffCount'), sortable: true, align: 'right' },
    {
      key: 'active',
      title: t('org.department.active'),
      render: (_, r) =>
        r.active ? (
          <Badge status="success" text={t('common.enabled')} />
        ) : (
          <Badge status="default" text={t('common.disabled')} />
        ),
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
      render: (_, r) => (
        <RowActions
          name={localName(r, i18n.language)}
          onEdit={() => crud.openEdit(r)}
          onDelete={() => crud.remove(r.id)}
        />
      ),
    });
  }

  return (
    <>
      <ListTable<Department>
        tableId="org.departments"
        endpoint={DEPARTMENTS}
        title={t('menu.departments')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('org.department.searchPlaceholder')}
        filters={[
          { name: 'class', label: t('org.department.class'), options: classOptions },
          { name: 'kind', label: t('org.department.kind'), options: kindOptions },
        ]}
        toolbar={canWrite && <CreateButton onClick={crud.openCreate} />}
      />
      {canWrite && (
        <DepartmentFormModal
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
