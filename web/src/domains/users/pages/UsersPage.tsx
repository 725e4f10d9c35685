import { ROLES } from '@shared/roles';
import type { User, UserCreate, UserUpdate } from '@shared/users';
import { Badge, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateButton } from '../../../shared/components/CreateButton';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { RowActions } from '../../../shared/components/RowActions';
import { formatDateTime, useEnumOptions } from '../../../shared/format';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { USERS, useZoneOptions } from '../api';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UserFormModal, type UserFormValues } from '../components/UserFormModal';

const ROLE_COLORS: Record<string, string> = {
  admin: 'red',
  zone_leader: 'gold',
  auditor: 'purple',
  province_viewer: 'cyan',
};

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const crud = useEntityCrud<User, UserFormValues>(USERS);
  const [resetting, setResetting] = useState<User | null>(null);
  const roleOptions = useEnumOptions(ROLES, 'enums.role');
  const zones = useZoneOptions();

  const columns: ListColumn<User>[] = [
    { key: 'username', title: t('users.username'), sortable: true, alwaysVisible: true },
    { key: 'displayName', title: t('users.displayName'), sortable: true },
    {
      key: 'role',
      title: t('users.role'),
      sortable: true,
      render: (_, r) => <Tag color={ROLE_COLORS[r.role] ?? 'blue'}>{t(`enums.role.${r.role}`)}</Tag>,
    },
    { key: 'zoneName', title: t('users.zone'), render: (_, r) => r.zoneName ?? '—' },
    { key: 'departmentName', title: t('users.department'), render: (_, r) => r.departmentName ?? '—' },
    {
      key: 'staffName',
      title: t('users.staff'),
      render: (_, r) => (r.staffName ? `${r.staffName}（${r.staffEmployeeNo}）` : '—'),
    },
    { key: 'locale', title: t('users.locale'), defaultHidden: true, render: (_, r) => t(`locale.${r.locale}`) },
    {
      key: 'disabled',
      title: t('common.status'),
      render: (_, r) =>
        r.disabled ? (
          <Badge status="error" text={t('users.statusDisabled')} />
        ) : (
          <Badge status="success" text={t('users.statusActive')} />
        ),
    },
    {
      key: 'lastLoginAt',
      title: t('users.lastLoginAt'),
      sortable: true,
      render: (_, r) => formatDateTime(r.lastLoginAt, i18n.language),
    },
    {
      key: 'createdAt',
      title: t('common.createdAt'),
      sortable: true,
      defaultHidden: true,
      render: (_, r) => formatDateTime(r.createdAt, i18n.language),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      fixed: 'right',
      render: (_, r) => (
        <RowActions
          onEdit={() => crud.openEdit(r)}
          extra={<Typography.Link onClick={() => setResetting(r)}>{t('users.resetPassword')}</Typography.Link>}
        />
      ),
    },
  ];

  return (
    <>
      <ListTable<User>
        tableId="admin.users"
        endpoint={USERS}
        title={t('menu.users')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('users.searchPlaceholder')}
        filters={[
          { name: 'role', label: t('users.role'), options: roleOptions },
          { name: 'zoneId', label: t('users.zone'), options: zones.options, width: 200 },
        ]}
        toolbar={<CreateButton onClick={crud.openCreate} />}
      />
      <UserFormModal
        open={crud.open}
        editing={crud.editing}
        form={crud.form}
        onClose={crud.close}
        onSubmit={(values: UserCreate | UserUpdate) => crud.save(values as UserFormValues)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
